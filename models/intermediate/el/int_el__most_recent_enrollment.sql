-- One row per student: the student's most recent enrollment (any district, no-shows never count) and the last instructional
-- day of its calendar and schedule structure: the assumed end date of an EL service or accommodation that has none
-- (rules EL-P5, EL-P6; seed 003 "the last instructional day of the school year associated with the student's most recent
-- enrollment"). Most recent = the shared enrollment ordering (enrollment_recency_order).
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

ranked as (
    select
        enrollments.person_id,
        enrollments.enrollment_id,
        enrollments.calendar_id,
        enrollments.structure_id,
        enrollments.end_year,
        enrollments.start_date,
        enrollments.end_date,
        enrollments.last_instructional_day,
        row_number() over (
            partition by enrollments.person_id
            order by {{ enrollment_recency_order('enrollments') }}
        ) as recency_rank
    from enrollments
    where not enrollments.is_no_show
),

final as (
    select
        person_id,
        enrollment_id,
        calendar_id,
        structure_id,
        end_year,
        start_date,
        end_date,
        last_instructional_day
    from ranked
    where recency_rank = 1
)

select * from final

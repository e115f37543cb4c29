-- The most recent active enrollment of each student in each calendar schedule structure
-- (rule LEAD-DETAIL-POP-LATEST-ENROLLMENT; no-shows and inactive enrollments never count: LEAD-DETAIL-POP-NOSHOW).
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

eligible as (
    select *
    from enrollments
    where not is_no_show and is_active
),

ranked as (
    select
        *,
        row_number() over (
            partition by person_id, calendar_id, structure_id
            order by {{ enrollment_recency_order() }}
        ) as recency_rank,
        count(*) over (partition by person_id, calendar_id, structure_id) as eligible_enrollment_count
    from eligible
),

final as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id,
        district_id,
        school_id,
        end_year,
        grade,
        state_grade,
        service_type,
        start_date,
        end_date,
        start_status,
        end_status,
        is_no_show,
        is_active,
        is_state_excluded,
        last_instructional_day,
        effective_end_date,
        eligible_enrollment_count
    from ranked
    where recency_rank = 1
)

select * from final

-- One row per student and district: the enrollment the EL layouts report from (rules EL-DEMO-SCHOOL-NUMBER,
-- EL-DEMO-STATE-GRADE, EL-DEMO-ENROLLMENT-START-DATE, EL-DEMO-ENROLLMENT-END-DATE): the most recent Primary (service type P)
-- enrollment in the district among the enrollments that qualify for the extract (overlap the date range, pass EL-P2, EL-P9
-- and the editor's calendars/grades). Assumption: a student whose qualifying enrollments in the range are all partial
-- or special-ed-services enrollments reports the most recent of those. Most recent = enrollment_recency_order.
with

enrollments as (
    select * from {{ ref('int_ky_el__enrollments') }}
),

qualifying as (
    select *
    from enrollments
    where
        passes_editor_districts
        and passes_editor_calendars
        and passes_state_exclude
        and passes_state_grade
        and passes_editor_grades
),

ranked as (
    select
        *,
        row_number() over (
            partition by person_id, district_id
            order by case when service_type = {{ primary_service_type() }} then 0 else 1 end, {{ enrollment_recency_order() }}
        ) as choice_rank
    from qualifying
),

final as (
    select
        enrollment_id,
        person_id,
        district_id,
        school_id,
        calendar_id,
        structure_id,
        end_year,
        state_grade,
        service_type,
        start_date,
        end_date,
        last_instructional_day,
        immigrant,
        migrant,
        refugee
    from ranked
    where choice_rank = 1
)

select * from final

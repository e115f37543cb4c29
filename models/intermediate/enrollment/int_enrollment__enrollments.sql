-- One row per enrollment with its calendar structure, state grade and effective end date
-- (null end => earliest of the structure's last instructional day and the run date; rule LEAD-DETAIL-EFFECTIVE-END-DATE).
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

structures as (
    select * from {{ ref('int_calendar__structures') }}
),

grade_levels as (
    select * from {{ ref('stg_sis__grade_level') }}
),

final as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.calendar_id,
        enrollments.structure_id,
        coalesce(enrollments.district_id, structures.district_id) as district_id,
        structures.school_id,
        coalesce(enrollments.end_year, structures.end_year) as end_year,
        enrollments.grade,
        grade_levels.state_grade,
        enrollments.service_type,
        enrollments.start_date,
        enrollments.end_date,
        enrollments.start_status,
        enrollments.end_status,
        coalesce(enrollments.no_show, false) as is_no_show,
        coalesce(enrollments.active, true) as is_active,
        coalesce(enrollments.state_exclude, false) as is_state_excluded,
        structures.last_instructional_day,
        {{ effective_end_date('enrollments.end_date', 'structures.last_instructional_day') }} as effective_end_date
    from enrollments
    left join structures
        on {{ is_structure_of('enrollments') }}
    left join grade_levels
        on {{ is_grade_level_of('enrollments') }}
)

select * from final

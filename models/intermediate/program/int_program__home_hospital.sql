-- KECS LEAD Home Hospital Attendance Group per enrollment (rule LEAD-DETAIL-HOME-HOSPITAL): a KY attendance group of the
-- enrollment with category 'HH' whose end date is NULL or after the earliest of the last instructional day and the run date.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

attendance_groups as (
    select * from {{ ref('stg_sis__attendance_group_ky') }}
),

qualifying as (
    {{ enrollments_with_program_record('attendance_groups', match='enrollment') }}
    where
        upper(attendance_groups.group_category) = 'HH'
        and (
            attendance_groups.end_date is null
            or attendance_groups.end_date > {{ earliest_of_last_day_and_run_date('enrollments.last_instructional_day') }}
        )
),

final as (
    {{ program_flag('is_home_hospital') }}
)

select * from final

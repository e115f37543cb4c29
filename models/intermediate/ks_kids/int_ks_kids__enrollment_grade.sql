-- KIDS-D10-GRADE: D10 Grade of each enrollment = the district-editable KIDS grade map applied to the state grade of
-- the enrollment's grade level (calendar + structure + local grade name). Grain: one row per enrollment.
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

grade_levels as (
    select * from {{ ref('stg_sis__grade_level') }}
),

grade_codes as (
    select * from {{ ref('ks_kids__grade_codes') }}
),

enrollment_state_grade as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.calendar_id,
        enrollments.grade,
        grade_levels.state_grade,
        coalesce(grade_levels.exclude_enrollment, false) as grade_level_excluded,
        grade_levels.name is not null as has_grade_level
    from enrollments
    left join grade_levels
        on {{ is_grade_level_of('enrollments') }}
),

final as (
    select
        enrollment_state_grade.enrollment_id,
        enrollment_state_grade.person_id,
        enrollment_state_grade.calendar_id,
        enrollment_state_grade.grade,
        enrollment_state_grade.state_grade,
        grade_codes.kids_grade_code,
        grade_codes.label as kids_grade_label,
        enrollment_state_grade.grade_level_excluded,
        enrollment_state_grade.has_grade_level,
        enrollment_state_grade.state_grade is not null and grade_codes.kids_grade_code is null as is_unmapped_state_grade
    from enrollment_state_grade
    left join grade_codes
        on enrollment_state_grade.state_grade = grade_codes.state_grade
)

select * from final

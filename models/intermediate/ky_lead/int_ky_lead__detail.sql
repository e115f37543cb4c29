-- KECS LEAD Detail rows, typed (dates as dates, flags as booleans): one row per reported section and student on its last
-- day, one row with NULL student fields for a reported section without such students (LEAD-DETAIL-SEC-EMPTY-ROSTER), and
-- one row per active case manager (LEAD-DETAIL-CASE-MANAGER, LEAD-DETAIL-CASE-MANAGER-CTE). The mart ky_lead__detail
-- formats these for the file; the LEAD aggregates (Caseload, Classes, Schoolwide) read this model.
with

sections as (
    select * from {{ ref('int_ky_lead__sections') }}
),

students as (
    select * from {{ ref('int_ky_lead__students') }}
),

identities as not materialized (
    select * from {{ ref('int_person__current_identity') }}
),

flags as (
    select * from {{ ref('int_program__enrollment_flags') }}
),

case_managers as (
    select * from {{ ref('int_iep__active_case_managers') }}
),

reported_sections as (
    select * from sections
    where exclusion_rule_id is null
),

reported_students as (
    select * from students
    where exclusion_rule_id is null
),

student_rows as (
    select
        reported_students.section_id,
        reported_students.person_id,
        identities.state_id,
        identities.first_name as student_first_name,
        identities.last_name as student_last_name,
        identities.gender,
        identities.race_ethnicity_fed as race_ethnicity,
        reported_students.roster_start_date,
        reported_students.roster_end_date,
        reported_students.primary_disability_in_section,
        reported_students.enrollment_id,
        reported_students.state_grade as grade,
        reported_students.service_type,
        reported_students.enrollment_start_date,
        reported_students.enrollment_end_date,
        reported_students.enrollment_start_status,
        reported_students.enrollment_end_status,
        flags.primary_disability_enrollment,
        flags.is_english_learner,
        flags.is_gifted,
        flags.is_migrant,
        flags.is_economically_disadvantaged,
        flags.is_homeless,
        flags.is_foster_care,
        flags.is_military_connected,
        flags.is_home_hospital,
        flags.is_ilpa
    from reported_students
    left join identities
        on reported_students.person_id = identities.person_id
    left join flags
        on reported_students.enrollment_id = flags.enrollment_id
),

-- the case managers with their names, joined before they meet the 3.6 million Detail rows: joined after, DuckDB
-- built its hash table on the Detail rows (62 columns) rather than on the names (3.5 GB at 700,000 students)
named_case_managers as (
    select
        case_managers.person_id,
        case_managers.staff_person_id,
        identities.first_name,
        identities.last_name
    from case_managers
    left join identities
        on case_managers.staff_person_id = identities.person_id
),

final as (
    select
        reported_sections.end_year,
        reported_sections.section_id,
        reported_sections.district_number,
        reported_sections.district_name,
        reported_sections.school_number,
        reported_sections.school_name,
        reported_sections.state_classification,
        reported_sections.calendar_name,
        reported_sections.structure_name as schedule_structure_name,
        reported_sections.last_instructional_day,
        reported_sections.low_grade,
        reported_sections.high_grade,
        reported_sections.course_number,
        reported_sections.course_name,
        reported_sections.section_number,
        reported_sections.state_code as state_course_code,
        reported_sections.core_content,
        reported_sections.teaching_method,
        reported_sections.instructional_setting,
        reported_sections.special_type as section_special_type,
        reported_sections.is_kts_exchange,
        reported_sections.is_cross_site_section,
        reported_sections.is_responsive,
        reported_sections.course_type,
        reported_sections.difficulty_level,
        reported_sections.primary_teacher_person_id,
        reported_sections.primary_teacher_first_name,
        reported_sections.primary_teacher_last_name,
        reported_sections.section_start_date,
        reported_sections.section_end_date,
        student_rows.person_id,
        student_rows.state_id,
        student_rows.student_first_name,
        student_rows.student_last_name,
        student_rows.gender,
        student_rows.race_ethnicity,
        student_rows.roster_start_date,
        student_rows.roster_end_date,
        student_rows.primary_disability_in_section,
        student_rows.enrollment_id,
        student_rows.grade,
        student_rows.service_type,
        student_rows.enrollment_start_date,
        student_rows.enrollment_end_date,
        student_rows.enrollment_start_status,
        student_rows.enrollment_end_status,
        student_rows.primary_disability_enrollment,
        student_rows.is_english_learner,
        student_rows.is_gifted,
        student_rows.is_migrant,
        student_rows.is_economically_disadvantaged,
        student_rows.is_homeless,
        student_rows.is_foster_care,
        student_rows.is_military_connected,
        student_rows.is_home_hospital,
        student_rows.is_ilpa,
        -- Case manager: NULL without a Primary Disability Enrollment, for an ended enrollment or at a CTE center (A2,
        -- C2); otherwise one row per active case manager, or '0' when there is none. Joined here rather than in a
        -- CTE of its own over the student rows: that CTE and this select both read the student rows, so DuckDB
        -- materialized them and joined 3.6 million rows to themselves at 700,000 students (1 GB more peak memory).
        case
            when student_rows.primary_disability_enrollment is null then null
            when student_rows.enrollment_end_date is not null then null
            when reported_sections.is_cte_center then null
            when named_case_managers.staff_person_id is not null
                then cast(named_case_managers.staff_person_id as varchar)
            else '0'
        end as case_manager_person_id,
        named_case_managers.first_name as case_manager_first_name,
        named_case_managers.last_name as case_manager_last_name,
        reported_sections.school_id,
        reported_sections.calendar_id,
        reported_sections.structure_id
    from reported_sections
    left join student_rows
        on reported_sections.section_id = student_rows.section_id
    left join named_case_managers
        on
            student_rows.person_id = named_case_managers.person_id
            and student_rows.primary_disability_enrollment is not null
            and student_rows.enrollment_end_date is null
            and not reported_sections.is_cte_center
)

select * from final

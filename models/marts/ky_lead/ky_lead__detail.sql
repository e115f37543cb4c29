-- KECS LEAD Extract Detail report (seed 002), in the seed's column order and formats: dates MM/DD/YYYY, the generated
-- stamp MM/DD/YYYY HH:MM, codes as text, indicators 0/1, blanks where the spec reports blank.
with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        cast(end_year as varchar) as end_year,
        section_id,
        district_number,
        district_name,
        school_number,
        school_name,
        state_classification,
        calendar_name,
        schedule_structure_name,
        {{ format_mdy('last_instructional_day') }} as last_instructional_day,
        low_grade,
        high_grade,
        course_number,
        course_name,
        section_number,
        state_course_code,
        core_content,
        teaching_method,
        instructional_setting,
        section_special_type,
        case when is_kts_exchange then 1 else 0 end as kts_exchange,
        case when is_cross_site_section then 1 else 0 end as cross_site_section,
        case when is_responsive then 1 else 0 end as responsive,
        course_type,
        difficulty_level,
        primary_teacher_person_id,
        primary_teacher_first_name,
        primary_teacher_last_name,
        {{ format_mdy('section_start_date') }} as section_start_date,
        {{ format_mdy('section_end_date') }} as section_end_date,
        state_id,
        student_first_name,
        student_last_name,
        gender,
        race_ethnicity,
        {{ format_mdy('roster_start_date') }} as roster_start_date,
        {{ format_mdy('roster_end_date') }} as roster_end_date,
        primary_disability_in_section,
        cast(enrollment_id as varchar) as enrollment_id,
        grade,
        service_type,
        {{ format_mdy('enrollment_start_date') }} as enrollment_start_date,
        {{ format_mdy('enrollment_end_date') }} as enrollment_end_date,
        enrollment_start_status,
        enrollment_end_status,
        primary_disability_enrollment,
        case when is_english_learner then 1 when is_english_learner is not null then 0 end as english_learner,
        case when is_gifted then 1 when is_gifted is not null then 0 end as gifted,
        case when is_migrant then 1 when is_migrant is not null then 0 end as migrant,
        case when is_economically_disadvantaged then 1 when is_economically_disadvantaged is not null then 0 end
            as economically_disadvantaged,
        case when is_homeless then 1 when is_homeless is not null then 0 end as homeless,
        case when is_foster_care then 1 when is_foster_care is not null then 0 end as foster_care,
        case when is_military_connected then 1 when is_military_connected is not null then 0 end as military_connected,
        case when is_home_hospital then 1 when is_home_hospital is not null then 0 end as home_hospital_attendance_group,
        case when is_ilpa then 1 when is_ilpa is not null then 0 end as alternative_education_ilpa,
        case_manager_person_id,
        case_manager_first_name,
        case_manager_last_name
    from detail
)

select * from final

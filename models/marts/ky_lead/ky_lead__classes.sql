-- KECS LEAD Classes (Aggregate) (specs/kecs_lead_reports.md §5): one row per section and primary teacher. Reads ALL
-- Detail rows (int_ky_lead__detail), including the one row of a section without students on its last day
-- (LEAD-CLASSES-INPUT), grouped by the 22 documented keys (LEAD-CLASSES-GROUP); counts are ours (LEAD-CLASSES-COUNTS):
-- rostered students (distinct student person), per grade, lowest/highest rostered grade (seed 002 grade order), SPED
-- in the section (Primary Disability in Section), general population (the rest) and the Detail indicators.
with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

detail_rows as (
    select
        detail.*,
        detail.person_id as student_person_id
    from detail
),

grouped as (
    select
        end_year,
        district_number,
        district_name,
        school_number,
        school_name,
        state_classification,
        calendar_name,
        schedule_structure_name,
        course_number,
        course_name,
        section_number,
        section_id,
        state_course_code as course_code,
        core_content,
        teaching_method,
        instructional_setting,
        section_special_type,
        case when is_kts_exchange then 1 else 0 end as kts_exchange,
        case when is_responsive then 1 else 0 end as responsive,
        primary_teacher_person_id as person_id,
        {{ format_mdy('section_start_date') }} as section_start_date,
        {{ format_mdy('section_end_date') }} as section_end_date,
        {{ lead_student_counts(
            'student_person_id', 'rostered_students', 'primary_disability_in_section is not null', 'sped_in_section_students'
        ) }},
        count(distinct case when primary_disability_in_section is null then student_person_id end) as general_population_students,
        {{ lead_grade_from_sort_key('min(' ~ lead_grade_sort_key('grade') ~ ')') }} as lowest_student_grade,
        {{ lead_grade_from_sort_key('max(' ~ lead_grade_sort_key('grade') ~ ')') }} as highest_student_grade
    from detail_rows
    group by
        end_year,
        district_number,
        district_name,
        school_number,
        school_name,
        state_classification,
        calendar_name,
        schedule_structure_name,
        course_number,
        course_name,
        section_number,
        section_id,
        state_course_code,
        core_content,
        teaching_method,
        instructional_setting,
        section_special_type,
        case when is_kts_exchange then 1 else 0 end,
        case when is_responsive then 1 else 0 end,
        primary_teacher_person_id,
        {{ format_mdy('section_start_date') }},
        {{ format_mdy('section_end_date') }}
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        grouped.*
    from grouped
)

select * from final

-- A table, not a view like the other marts: grouping 3.6 M statewide Detail rows by 22 keys took 6-12 s each time the
-- view was read (export, counts, review page, history, and the key check every run makes), so it is computed once.
{{ config(materialized='table') }}
-- KECS LEAD Classes (Aggregate) (specs/kecs_lead_reports.md §5): one row per section and primary teacher. Reads ALL
-- Detail rows (int_ky_lead__detail), including the one row of a section without students on its last day
-- (LEAD-CLASSES-INPUT), grouped by the 22 documented keys (LEAD-CLASSES-GROUP); counts are ours (LEAD-CLASSES-COUNTS):
-- rostered students (distinct student person), per grade, lowest/highest rostered grade (seed 002 grade order), SPED
-- in the section (Primary Disability in Section), general population (the rest) and the Detail indicators.
{%- set class_keys = [
    'end_year',
    'district_number',
    'district_name',
    'school_number',
    'school_name',
    'state_classification',
    'calendar_name',
    'schedule_structure_name',
    'course_number',
    'course_name',
    'section_number',
    'section_id',
    'course_code',
    'core_content',
    'teaching_method',
    'instructional_setting',
    'section_special_type',
    'kts_exchange',
    'responsive',
    'person_id',
    'section_start_date',
    'section_end_date'
] %}

with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

-- the 22 documented keys as the file prints them, with each row's student and what is counted
detail_rows as (
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
        person_id as student_person_id,
        grade,
        primary_disability_in_section,
        {%- for flag, column in lead_indicator_counts() %}
            {{ flag }},
        {%- endfor %}
        {{ lead_grade_sort_key('grade') }} as grade_sort_key
    from detail
),

-- one row per class, each student counted once (the section's empty row has a null student, counted in none);
-- Classes also counts the general population and takes the lowest and highest rostered grade
grouped as (
    {{ lead_distinct_student_counts(
        relation='detail_rows',
        keys=class_keys,
        student='student_person_id',
        sped_condition='primary_disability_in_section is not null',
        total_name='rostered_students',
        sped_name='sped_in_section_students',
        student_columns=[
            'bool_or(primary_disability_in_section is null) as is_general_population',
            'min(grade_sort_key) as lowest_grade_sort_key',
            'max(grade_sort_key) as highest_grade_sort_key',
        ],
        group_columns=[
            'count(case when is_general_population then student_person_id end) as general_population_students',
            lead_grade_from_sort_key('min(lowest_grade_sort_key)') ~ ' as lowest_student_grade',
            lead_grade_from_sort_key('max(highest_grade_sort_key)') ~ ' as highest_student_grade',
        ],
    ) }}
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        grouped.*
    from grouped
)

select * from final

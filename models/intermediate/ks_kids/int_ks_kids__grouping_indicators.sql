-- KIDS D59-D69 Grouping Indicators (ks_kids_extracts.md §7.5; seed 004 "Assessment Disaggregation Method 1 and 2").
-- KIDS-D59-GROUPING-ROSTER: the student's sections on the reference date (the record type's Data Filter To Date from
--   int_ks_kids__windows, or the enrollment's end date when it ended earlier): rostered that day (blank roster
--   dates = the section's span), section of the enrollment calendar's active trial. Among several sections of one
--   kind, a section with a term covering the date wins, then the latest roster start, then the lowest section id.
--   Teacher = the section's primary teacher (staff type P) on that date, latest start first, else the section's
--   teacher; the teacher's current last name reports.
-- KIDS-D59-GROUPING-INDICATORS: an indicator reports per its Assessment Disaggregation Method (var
--   kids_disaggregation_method_1 for indicator 1, _2 for indicator 2): 'homeroom' -> the last name of the teacher of
--   the student's homeroom course (course.homeroom or section.homeroom_section), for every subject; 'subject' -> the
--   last name of the teacher of the student's course whose KIDS Subject (ks_kids__grouping_subjects) is that
--   indicator's subject; a homeroom course with a KIDS Subject therefore reports under either method; no method ->
--   blank. The single-indicator subjects (D65 Comprehensive Agriculture, D66 Animal Systems, D67 Plant Systems)
--   follow Method 1 (spec silent on which method drives them).
-- Evaluated only for the record types that collect D59-D69 (int_ks_kids__extract_layout; TEST by the matrix seed).
-- Grain: one row per record type and enrollment of the window's calendar (extract_code, enrollment_id).
{%- set method_1 = var('kids_disaggregation_method_1') %}
{%- set method_2 = var('kids_disaggregation_method_2') %}
{%- set indicators = [
    ('math_grouping_indicator_1', 'math', method_1),
    ('math_grouping_indicator_2', 'math', method_2),
    ('ela_grouping_indicator_1', 'ela', method_1),
    ('ela_grouping_indicator_2', 'ela', method_2),
    ('science_grouping_indicator_1', 'science', method_1),
    ('science_grouping_indicator_2', 'science', method_2),
    ('comprehensive_agriculture_grouping_indicator', 'comprehensive_agriculture', method_1),
    ('animal_systems_grouping_indicator', 'animal_systems', method_1),
    ('plant_systems_grouping_indicator', 'plant_systems', method_1),
    ('kelpa2_grouping_indicator_1', 'kelpa2', method_1),
    ('kelpa2_grouping_indicator_2', 'kelpa2', method_2),
] %}
{%- set indicator_expressions = [] %}
{%- for column_name, subject_key, method in indicators %}
    {%- if method == 'homeroom' %}
        {%- do indicator_expressions.append((column_name, 'per_enrollment.homeroom_teacher_last_name')) %}
    {%- elif method == 'subject' %}
        {%- do indicator_expressions.append((column_name, 'per_enrollment.' ~ subject_key ~ '_teacher_last_name')) %}
    {%- else %}
        {%- do indicator_expressions.append((column_name, 'cast(null as varchar)')) %}
    {%- endif %}
{%- endfor %}
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

rosters as (
    select * from {{ ref('stg_sis__roster') }}
),

sections as (
    select * from {{ ref('stg_sis__section') }}
),

courses as (
    select * from {{ ref('stg_sis__course') }}
),

trials as (
    select * from {{ ref('stg_sis__trial') }}
),

section_placements as (
    select * from {{ ref('stg_sis__section_placement') }}
),

terms as (
    select * from {{ ref('stg_sis__term') }}
),

staff_history as (
    select * from {{ ref('stg_sis__section_staff_history') }}
),

persons as (
    select * from {{ ref('stg_sis__person') }}
),

identities as (
    select * from {{ ref('stg_sis__identity') }}
),

grouping_subjects as (
    select * from {{ ref('ks_kids__grouping_subjects') }}
),

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
),

extract_layout as (
    select * from {{ ref('int_ks_kids__extract_layout') }}
),

reference_dates as (
    select
        windows.extract_code,
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.calendar_id,
        case
            when enrollments.end_date is not null and enrollments.end_date < windows.to_date then enrollments.end_date
            else windows.to_date
        end as reference_date
    from windows
    inner join extract_layout
        on windows.extract_code = extract_layout.extract_code
    inner join enrollments
        on windows.calendar_id = enrollments.calendar_id
    where extract_layout.collects_math_grouping_indicator_1
),

student_sections as (
    select
        reference_dates.extract_code,
        reference_dates.enrollment_id,
        reference_dates.reference_date,
        sections.section_id,
        sections.teacher_person_id,
        rosters.start_date as roster_start_date,
        coalesce(courses.homeroom, false) or coalesce(sections.homeroom_section, false) as is_homeroom,
        grouping_subjects.subject_key,
        exists(
            select 1
            from section_placements
            inner join terms
                on section_placements.term_id = terms.term_id
            where
                {{ is_placement_of('sections', 'section_placements') }}
                and reference_dates.reference_date between terms.start_date and terms.end_date
        ) as term_covers_date
    from reference_dates
    inner join rosters
        on
            reference_dates.person_id = rosters.person_id
            and (rosters.start_date is null or reference_dates.reference_date >= rosters.start_date)
            and (rosters.end_date is null or reference_dates.reference_date <= rosters.end_date)
    {{ ks_kids_sections_in_active_trial(calendar_id='reference_dates.calendar_id') }}
    inner join courses
        on sections.course_id = courses.course_id
    left join grouping_subjects
        on lower(courses.kids_subject) = lower(grouping_subjects.kids_subject)
),

section_teachers as (
    select
        student_sections.extract_code,
        student_sections.enrollment_id,
        student_sections.section_id,
        coalesce(
            (
                select staff_history.person_id
                from staff_history
                where
                    staff_history.section_id = student_sections.section_id
                    and staff_history.staff_type = 'P'
                    and (staff_history.start_date is null or student_sections.reference_date >= staff_history.start_date)
                    and (staff_history.end_date is null or student_sections.reference_date <= staff_history.end_date)
                order by staff_history.start_date desc nulls last, staff_history.history_id desc
                limit 1
            ),
            student_sections.teacher_person_id
        ) as teacher_person_id
    from student_sections
),

teacher_names as (
    select
        student_sections.extract_code,
        student_sections.enrollment_id,
        student_sections.section_id,
        student_sections.is_homeroom,
        student_sections.subject_key,
        student_sections.term_covers_date,
        student_sections.roster_start_date,
        identities.last_name as teacher_last_name
    from student_sections
    inner join section_teachers
        on
            student_sections.extract_code = section_teachers.extract_code
            and student_sections.enrollment_id = section_teachers.enrollment_id
            and student_sections.section_id = section_teachers.section_id
    left join persons
        on section_teachers.teacher_person_id = persons.person_id
    left join identities
        on persons.current_identity_id = identities.identity_id
),

ranked as (
    select
        teacher_names.*,
        row_number() over (
            partition by teacher_names.extract_code, teacher_names.enrollment_id, teacher_names.is_homeroom
            order by
                case when teacher_names.term_covers_date then 0 else 1 end asc,
                teacher_names.roster_start_date desc nulls last,
                teacher_names.section_id asc
        ) as homeroom_rank,
        row_number() over (
            partition by teacher_names.extract_code, teacher_names.enrollment_id, teacher_names.subject_key
            order by
                case when teacher_names.term_covers_date then 0 else 1 end asc,
                teacher_names.roster_start_date desc nulls last,
                teacher_names.section_id asc
        ) as subject_rank
    from teacher_names
),

per_enrollment as (
    select
        extract_code,
        enrollment_id,
        max(case when is_homeroom and homeroom_rank = 1 then teacher_last_name end) as homeroom_teacher_last_name,
        {%- for subject_key in ['math', 'ela', 'science', 'comprehensive_agriculture', 'animal_systems', 'plant_systems', 'kelpa2'] %}
            max(case when subject_key = '{{ subject_key }}' and subject_rank = 1 then teacher_last_name end)
                as {{ subject_key }}_teacher_last_name,
        {%- endfor %}
        count(*) as section_count
    from ranked
    group by extract_code, enrollment_id
),

final as (
    select
        {%- for column_name, expression in indicator_expressions %}
            {{ expression }} as {{ column_name }},
        {%- endfor %}
        reference_dates.extract_code,
        reference_dates.enrollment_id,
        reference_dates.person_id,
        reference_dates.reference_date,
        per_enrollment.homeroom_teacher_last_name
    from reference_dates
    left join per_enrollment
        on
            reference_dates.extract_code = per_enrollment.extract_code
            and reference_dates.enrollment_id = per_enrollment.enrollment_id
)

select * from final

-- Facts the KECS LEAD Issues course warnings (LEAD-ISSUE-01 to 14) test, one row per reported Detail section
-- (int_ky_lead__detail): the section's course fields and roster counts, and what the staff records say about its
-- primary teacher for the reporting year: District Employment (int_staff__lead_epsb_id: LEAD-STAFF-EPSB-ID), District
-- Assignments at the section's school (int_staff__lead_assignments), placeholder EPSB IDs and placeholder course codes
-- (seeds ky_lead__epsb_placeholders, ky_lead__placeholder_course_codes).
-- LEAD-ISSUE-06 (t_epsb_dup): an EPSB ID is shared when more than one person holds it on ANY District Employment
-- record of the district (stg_sis__employment, any dates), placeholders excluded.
-- LEAD-ISSUE-10 (t_sub_primary): the teacher is a substitute at the school only when ALL the teacher's District
-- Assignments there are substitute assignments.
-- Other readings, documented vars: lead_issue_06_active_employment_only, lead_issue_10_any_substitute.
{% set substitute_aggregate = 'max' if var('lead_issue_10_any_substitute') else 'min' %}
{#- a section's fields, the same on each of its Detail rows (one per student): the grain of this model -#}
{%- set section_columns = [
    'end_year', 'school_id', 'school_number', 'school_name', 'section_id', 'course_number', 'course_name',
    'section_number', 'state_course_code', 'teaching_method', 'section_special_type', 'primary_teacher_person_id',
    'primary_teacher_first_name', 'primary_teacher_last_name'
] %}
with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

epsb as (
    select * from {{ ref('int_staff__lead_epsb_id') }}
),

assignments as (
    select * from {{ ref('int_staff__lead_assignments') }}
),

employment as (
    {% if var('lead_issue_06_active_employment_only') %}
        select
            person_id,
            epsb_id as license_number
        from {{ ref('int_staff__lead_epsb_id') }}
    {% else %}
        select * from {{ ref('stg_sis__employment') }}
    {% endif %}
),

placeholders as (
    select * from {{ ref('ky_lead__epsb_placeholders') }}
),

placeholder_course_codes as (
    select * from {{ ref('ky_lead__placeholder_course_codes') }}
),

sections as (
    select
        {% for column in section_columns -%}
            {{ column }},
        {% endfor -%}
        count(distinct person_id) as rostered_students,
        count(distinct case when primary_disability_in_section is null then person_id end) as general_population_students
    from detail
    group by {{ section_columns | join(', ') }}
),

teacher_at_school as (
    select
        person_id,
        school_id,
        max(case when employee_type is not null then 1 else 0 end) = 1 as has_employee_type,
        {{ substitute_aggregate }}(case when coalesce(substitute, false) then 1 else 0 end) = 1 as is_substitute,
        max(case when counselor or supervisor then 1 else 0 end) = 1 as is_counselor_or_administrator
    from assignments
    group by person_id, school_id
),

epsb_holders as (
    select
        license_number as epsb_id,
        count(distinct person_id) as person_count
    from employment
    where license_number is not null
    group by license_number
),

facts as (
    select
        sections.*,
        sections.primary_teacher_person_id <> '0' as has_primary_teacher,
        epsb.person_id is not null as teacher_has_active_employment,
        epsb.epsb_id,
        epsb.epsb_id_raw,
        coalesce(epsb.epsb_id_has_outer_whitespace, false) as epsb_id_has_outer_whitespace,
        coalesce({{ lead_is_all_digits('epsb.epsb_id') }}, false) as epsb_id_is_all_digits,
        placeholders.epsb_id is null and coalesce(epsb_holders.person_count, 0) > 1 as epsb_id_is_shared,
        placeholders.placeholder_kind,
        placeholders.required_teaching_method as placeholder_required_teaching_method,
        teacher_at_school.person_id is not null as teacher_has_assignment_at_school,
        coalesce(teacher_at_school.has_employee_type, false) as teacher_has_employee_type,
        coalesce(teacher_at_school.is_substitute, false) as teacher_is_substitute,
        coalesce(teacher_at_school.is_counselor_or_administrator, false) as teacher_is_counselor_or_administrator,
        placeholder_course_codes.state_course_code is not null as is_placeholder_course_code
    from sections
    left join epsb
        on sections.primary_teacher_person_id = cast(epsb.person_id as varchar)
    left join epsb_holders
        on epsb.epsb_id = epsb_holders.epsb_id
    left join placeholders
        on epsb.epsb_id = placeholders.epsb_id
    left join teacher_at_school
        on
            sections.primary_teacher_person_id = cast(teacher_at_school.person_id as varchar)
            and sections.school_id = teacher_at_school.school_id
    left join placeholder_course_codes
        on sections.state_course_code = placeholder_course_codes.state_course_code
)

select * from facts

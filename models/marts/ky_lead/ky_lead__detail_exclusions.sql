-- Every KECS LEAD Detail candidate the report does not carry, with the rule that left it out (CONTRIBUTING "Nothing is lost").
-- Three kinds of record_key:
--   '<section_id>|<person_id>'                 a student rostered on a section (the Detail's grain);
--   '<section_id>|'                            a section without any rostered student (reported as one empty row when kept);
--   '<section_id>|<person_id>|<enrollment_id>' an enrollment of a reported student that the Detail does not use
--                                              (superseded, no-show or inactive).
-- A table, not a view like most marts: every run reads it several times (the key check, the Detail conservation
-- check, the ledger export, the counts, the history), and each read of the view redid the statewide joins (about 2 s
-- a read at 700,000 students), so it is computed once.
{{ config(materialized='table') }}
with

sections as not materialized (
    select * from {{ ref('int_ky_lead__sections') }}
),

students as not materialized (
    select * from {{ ref('int_ky_lead__students') }}
),

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

excluded_students as (
    select
        cast(section_id as varchar) || '|' || cast(person_id as varchar) as record_key,
        person_id,
        section_id,
        school_id,
        exclusion_rule_id as rule_id,
        case exclusion_rule_id
            when 'LEAD-DETAIL-POP-ROSTER-LAST-DAY' then 'no roster record on the last day of the section'
            when 'LEAD-DETAIL-POP-NOSHOW' then 'only no-show enrollments in the section''s calendar structure'
            when 'LEAD-DETAIL-POP-ACTIVE-ENROLLMENT' then 'no active enrollment in the section''s calendar structure'
            else 'section not reported'
        end as detail
    from students
    where exclusion_rule_id is not null
),

excluded_empty_sections as (
    select
        cast(sections.section_id as varchar) || '|' as record_key,
        cast(null as integer) as person_id,
        sections.section_id,
        sections.school_id,
        sections.exclusion_rule_id as rule_id,
        'section without rostered students' as detail
    from sections
    where
        sections.exclusion_rule_id is not null
        and not exists (
            select 1 from students
            where students.section_id = sections.section_id
        )
),

reported_students as (
    select
        students.section_id,
        students.person_id,
        students.school_id,
        students.enrollment_id as reported_enrollment_id,
        sections.calendar_id,
        sections.structure_id
    from students
    inner join sections
        on students.section_id = sections.section_id
    where students.exclusion_rule_id is null
),

unused_enrollments as (
    select
        cast(reported_students.section_id as varchar) || '|' || cast(reported_students.person_id as varchar)
        || '|' || cast(enrollments.enrollment_id as varchar) as record_key,
        reported_students.person_id,
        reported_students.section_id,
        reported_students.school_id,
        case
            when enrollments.is_no_show then 'LEAD-DETAIL-POP-NOSHOW'
            when not enrollments.is_active then 'LEAD-DETAIL-POP-ACTIVE-ENROLLMENT'
            else 'LEAD-DETAIL-POP-LATEST-ENROLLMENT'
        end as rule_id,
        'enrollment ' || cast(enrollments.enrollment_id as varchar) || ' not used; Detail reports enrollment '
        || cast(reported_students.reported_enrollment_id as varchar) as detail
    from reported_students
    inner join enrollments
        on
            reported_students.person_id = enrollments.person_id
            and {{ same_structure('reported_students', 'enrollments') }}
            and reported_students.reported_enrollment_id <> enrollments.enrollment_id
),

unioned as (
    select * from excluded_students
    union all
    select * from excluded_empty_sections
    union all
    select * from unused_enrollments
),

final as (
    select
        'KECS_LEAD_Detail' as extract_name,
        record_key,
        person_id,
        section_id,
        cast(null as integer) as staff_person_id,
        school_id,
        rule_id,
        detail
    from unioned
)

select * from final

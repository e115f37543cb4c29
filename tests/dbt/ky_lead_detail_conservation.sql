{{ config(enabled=var('state', 'ky') == 'ky', tags=['ky', 'run_check']) }}

-- KECS LEAD Detail conservation (CONTRIBUTING "Nothing is lost"): every candidate is either reported or excluded, never
-- both and never neither. Returns one row per violation.
--   student candidates: every distinct (section, rostered student) pair, key '<section_id>|<person_id>';
--   empty-section candidates: every section without any rostered student, key '<section_id>|';
--   enrollment candidates: for a reported student, every enrollment in the section's calendar structure other than the
--   reported one must be excluded under key '<section_id>|<person_id>|<enrollment_id>'.
with

rosters as (
    select * from {{ ref('stg_sis__roster') }}
),

sections as (
    select * from {{ ref('int_section__sections') }}
),

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

exclusions as (
    select * from {{ ref('ky_lead__detail_exclusions') }}
),

student_candidates as (
    select distinct cast(rosters.section_id as varchar) || '|' || cast(rosters.person_id as varchar) as record_key
    from rosters
    inner join sections
        on rosters.section_id = sections.section_id
),

empty_section_candidates as (
    select cast(sections.section_id as varchar) || '|' as record_key
    from sections
    where not exists (
            select 1 from rosters
            where rosters.section_id = sections.section_id
        )
),

candidates as (
    select record_key from student_candidates
    union all
    select record_key from empty_section_candidates
),

reported as (
    select distinct
        cast(section_id as varchar) || '|' || coalesce(cast(person_id as varchar), '') as record_key,
        section_id,
        person_id
    from detail
),

-- An empty row of a section whose rostered students were all excluded is reported without being a candidate of its own.
reported_keys as (
    select reported.record_key
    from reported
    where not (
            reported.person_id is null
            and exists (
                select 1 from rosters
                where rosters.section_id = reported.section_id
            )
        )
),

excluded_keys as (
    select record_key from exclusions
    where record_key not like '%|%|%'
),

missing as (
    select
        candidates.record_key,
        'candidate neither reported nor excluded' as problem
    from candidates
    where
        candidates.record_key not in (select reported_keys.record_key from reported_keys)
        and candidates.record_key not in (select excluded_keys.record_key from excluded_keys)
),

both_ways as (
    select
        reported_keys.record_key,
        'candidate both reported and excluded' as problem
    from reported_keys
    inner join excluded_keys
        on reported_keys.record_key = excluded_keys.record_key
),

strangers as (
    select
        outcomes.record_key,
        'reported or excluded key that is not a candidate' as problem
    from (
        select reported_keys.record_key from reported_keys
        union all
        select excluded_keys.record_key from excluded_keys
    ) as outcomes
    where outcomes.record_key not in (select candidates.record_key from candidates)
),

reported_students as (
    select distinct
        detail.section_id,
        detail.person_id,
        detail.enrollment_id,
        detail.calendar_id,
        detail.structure_id
    from detail
    where detail.person_id is not null
),

unaccounted_enrollments as (
    select
        cast(reported_students.section_id as varchar) || '|' || cast(reported_students.person_id as varchar)
        || '|' || cast(enrollments.enrollment_id as varchar) as record_key,
        'enrollment neither reported nor excluded' as problem
    from reported_students
    inner join enrollments
        on
            reported_students.person_id = enrollments.person_id
            and reported_students.calendar_id = enrollments.calendar_id
            and reported_students.structure_id = enrollments.structure_id
    where
        enrollments.enrollment_id <> reported_students.enrollment_id
        and cast(reported_students.section_id as varchar) || '|' || cast(reported_students.person_id as varchar)
        || '|' || cast(enrollments.enrollment_id as varchar) not in (select exclusions.record_key from exclusions)
),

final as (
    select * from missing
    union all
    select * from both_ways
    union all
    select * from strangers
    union all
    select * from unaccounted_enrollments
)

select * from final

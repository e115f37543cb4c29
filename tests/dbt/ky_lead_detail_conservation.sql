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

-- Compared on the integer ids (the exclusions' record_key is built from them): a statewide Detail is millions of rows,
-- and this runs on every production run. The key text is built only for the violations returned.
student_candidates as (
    select distinct
        rosters.section_id,
        rosters.person_id
    from rosters
    inner join sections
        on rosters.section_id = sections.section_id
),

empty_section_candidates as (
    select
        sections.section_id,
        cast(null as bigint) as person_id
    from sections
    where not exists (
            select 1 from rosters
            where rosters.section_id = sections.section_id
        )
),

candidates as (
    select * from student_candidates
    union all
    select * from empty_section_candidates
),

-- An empty row of a section whose rostered students were all excluded is reported without being a candidate of its own.
reported_keys as (
    select distinct
        detail.section_id,
        detail.person_id
    from detail
    where not (
            detail.person_id is null
            and exists (
                select 1 from rosters
                where rosters.section_id = detail.section_id
            )
        )
),

excluded_keys as (
    select
        exclusions.section_id,
        exclusions.person_id
    from exclusions
    where exclusions.record_key not like '%|%|%'
),

-- One pass over every key's outcomes (GROUP BY puts a null person, an empty section's key, in one group), instead of
-- an anti-join per problem: a statewide Detail is millions of keys.
outcomes as (
    select
        section_id,
        person_id,
        1 as is_candidate,
        0 as is_reported,
        0 as is_excluded
    from candidates
    union all
    select
        section_id,
        person_id,
        0 as is_candidate,
        1 as is_reported,
        0 as is_excluded
    from reported_keys
    union all
    select
        section_id,
        person_id,
        0 as is_candidate,
        0 as is_reported,
        1 as is_excluded
    from excluded_keys
),

tallied as (
    select
        section_id,
        person_id,
        max(is_candidate) = 1 as is_candidate,
        max(is_reported) = 1 as is_reported,
        max(is_excluded) = 1 as is_excluded
    from outcomes
    group by section_id, person_id
),

-- a key can break two rules (reported and excluded, and no candidate): one row per rule it breaks
pair_problems as (
    select
        section_id,
        person_id,
        unnest([
            case
                when is_candidate and not is_reported and not is_excluded
                    then 'candidate neither reported nor excluded'
            end,
            case when is_reported and is_excluded then 'candidate both reported and excluded' end,
            case
                when (is_reported or is_excluded) and not is_candidate
                    then 'reported or excluded key that is not a candidate'
            end
        ]) as problem
    from tallied
    where not (is_candidate and (is_reported <> is_excluded))
),

pair_violations as (
    select
        cast(section_id as varchar) || '|' || coalesce(cast(person_id as varchar), '') as record_key,
        problem
    from pair_problems
    where problem is not null
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

other_enrollments as (
    select
        cast(reported_students.section_id as varchar) || '|' || cast(reported_students.person_id as varchar)
        || '|' || cast(enrollments.enrollment_id as varchar) as record_key
    from reported_students
    inner join enrollments
        on
            reported_students.person_id = enrollments.person_id
            and reported_students.calendar_id = enrollments.calendar_id
            and reported_students.structure_id = enrollments.structure_id
    where enrollments.enrollment_id <> reported_students.enrollment_id
),

unaccounted_enrollments as (
    select
        other_enrollments.record_key,
        'enrollment neither reported nor excluded' as problem
    from other_enrollments
    where not exists (
            select 1 from exclusions
            where exclusions.record_key = other_enrollments.record_key
        )
),

final as (
    select * from pair_violations
    union all
    select * from unaccounted_enrollments
)

select * from final

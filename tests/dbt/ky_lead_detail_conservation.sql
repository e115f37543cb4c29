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

excluded_keys as (
    select
        exclusions.section_id,
        exclusions.person_id
    from exclusions
    where exclusions.record_key not like '%|%|%'
),

-- One pass over every key's outcomes, each a bit: 1 candidate, 2 reported, 4 excluded. OR-ing them per key (GROUP BY
-- puts a null person, an empty section's key, in one group) makes repeated rows harmless, so neither the roster nor
-- the Detail needs a DISTINCT first: a statewide Detail is millions of keys. Exactly 3 (reported) or 5 (excluded) is
-- a conserved candidate; a key excluded twice is the exclusions' own unique test.
outcomes as (
    select
        rosters.section_id,
        rosters.person_id,
        1 as outcome
    from rosters
    inner join sections
        on rosters.section_id = sections.section_id
    union all
    select
        section_id,
        person_id,
        1 as outcome
    from empty_section_candidates
    union all
    -- An empty row of a section whose rostered students were all excluded is reported without being a candidate of
    -- its own.
    select
        detail.section_id,
        detail.person_id,
        2 as outcome
    from detail
    where not (
            detail.person_id is null
            and exists (
                select 1 from rosters
                where rosters.section_id = detail.section_id
            )
        )
    union all
    select
        section_id,
        person_id,
        4 as outcome
    from excluded_keys
),

tallied as (
    select
        section_id,
        person_id,
        bit_or(outcome) as outcomes
    from outcomes
    group by section_id, person_id
),

-- a key can break two rules (reported and excluded, and no candidate): one row per rule it breaks
pair_problems as (
    select
        section_id,
        person_id,
        unnest([
            case when outcomes = 1 then 'candidate neither reported nor excluded' end,
            case when outcomes & 6 = 6 then 'candidate both reported and excluded' end,
            case when outcomes & 1 = 0 then 'reported or excluded key that is not a candidate' end
        ]) as problem
    from tallied
    where outcomes not in (3, 5)
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
        reported_students.section_id,
        reported_students.person_id,
        enrollments.enrollment_id
    from reported_students
    inner join enrollments
        on
            reported_students.person_id = enrollments.person_id
            and reported_students.calendar_id = enrollments.calendar_id
            and reported_students.structure_id = enrollments.structure_id
    where enrollments.enrollment_id <> reported_students.enrollment_id
),

-- '<section_id>|<person_id>|<enrollment_id>' keys, read back as integers (try_cast: DuckDB may compute the cast before
-- it filters out the two-part keys; a malformed third part is then null and its enrollment shows as unaccounted)
excluded_enrollments as (
    select
        exclusions.section_id,
        exclusions.person_id,
        try_cast(split_part(exclusions.record_key, '|', 3) as bigint) as enrollment_id
    from exclusions
    where exclusions.record_key like '%|%|%'
),

unaccounted_enrollments as (
    select
        cast(other_enrollments.section_id as varchar) || '|' || cast(other_enrollments.person_id as varchar)
        || '|' || cast(other_enrollments.enrollment_id as varchar) as record_key,
        'enrollment neither reported nor excluded' as problem
    from other_enrollments
    where not exists (
            select 1 from excluded_enrollments
            where
                excluded_enrollments.section_id = other_enrollments.section_id
                and excluded_enrollments.person_id = other_enrollments.person_id
                and excluded_enrollments.enrollment_id = other_enrollments.enrollment_id
        )
),

final as (
    select * from pair_violations
    union all
    select * from unaccounted_enrollments
)

select * from final

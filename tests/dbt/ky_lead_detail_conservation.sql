{{ config(enabled=var('state', 'ky') == 'ky', tags=['ky', 'run_check']) }}

-- KECS LEAD Detail conservation (CONTRIBUTING "Nothing is lost"): every candidate is either reported or excluded, never
-- both and never neither. Returns one row per violation.
--   student candidates: every distinct (section, rostered student) pair, key '<section_id>|<person_id>';
--   empty-section candidates: every section without any rostered student, key '<section_id>|';
--   enrollment candidates: for a reported student, every enrollment in the section's calendar structure other than the
--   reported one must be excluded under key '<section_id>|<person_id>|<enrollment_id>'.
-- This runs on every production run, and a statewide Detail is millions of rows. So the keys are compared as integer
-- ids (the exclusions' record_key is built from them; key text is built only for the violations returned), and each
-- statewide import is read once, with only the columns it needs: DuckDB copies a CTE that is read twice, and copying
-- the Detail took longer than the check itself.
with

roster_keys as (
    select
        section_id,
        person_id
    from {{ ref('stg_sis__roster') }}
),

rostered_sections as (
    select distinct section_id
    from {{ ref('stg_sis__roster') }}
),

sections as (
    select section_id
    from {{ ref('int_section__sections') }}
),

enrollments as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id
    from {{ ref('int_enrollment__enrollments') }}
),

detail_keys as (
    select
        section_id,
        person_id
    from {{ ref('int_ky_lead__detail') }}
),

-- a student's Detail rows repeat (one per teacher and more): the few violations are made distinct, not these rows
detail_enrollments as (
    select
        section_id,
        person_id,
        enrollment_id,
        calendar_id,
        structure_id
    from {{ ref('int_ky_lead__detail') }}
    where person_id is not null
),

excluded_keys as (
    select
        section_id,
        person_id
    from {{ ref('ky_lead__detail_exclusions') }}
    where record_key not like '%|%|%'
),

-- '<section_id>|<person_id>|<enrollment_id>' keys, read back as integers (try_cast: DuckDB may compute the cast before
-- it filters out the two-part keys; a malformed third part is then null and its enrollment shows as unaccounted)
excluded_enrollments as (
    select
        section_id,
        person_id,
        try_cast(split_part(record_key, '|', 3) as bigint) as enrollment_id
    from {{ ref('ky_lead__detail_exclusions') }}
    where record_key like '%|%|%'
),

empty_section_candidates as (
    select
        sections.section_id,
        cast(null as bigint) as person_id
    from sections
    anti join rostered_sections
        on sections.section_id = rostered_sections.section_id
),

-- An empty row of a section whose rostered students were all excluded is reported without being a candidate of its own
-- (a join, not a union of two reads: the Detail is read once).
reported_keys as (
    select
        detail_keys.section_id,
        detail_keys.person_id
    from detail_keys
    left join rostered_sections
        on
            detail_keys.person_id is null
            and detail_keys.section_id = rostered_sections.section_id
    where rostered_sections.section_id is null
),

-- One pass over every key's outcomes, each a bit: 1 candidate, 2 reported, 4 excluded. OR-ing them per key (GROUP BY
-- puts a null person, an empty section's key, in one group) makes repeated rows harmless, so neither the roster nor
-- the Detail needs a DISTINCT first. Exactly 3 (reported) or 5 (excluded) is a conserved candidate; a key excluded
-- twice is the exclusions' own unique test.
outcomes as (
    select
        roster_keys.section_id,
        roster_keys.person_id,
        1 as outcome
    from roster_keys
    semi join sections
        on roster_keys.section_id = sections.section_id
    union all
    select
        section_id,
        person_id,
        1 as outcome
    from empty_section_candidates
    union all
    select
        section_id,
        person_id,
        2 as outcome
    from reported_keys
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

other_enrollments as (
    select
        detail_enrollments.section_id,
        detail_enrollments.person_id,
        enrollments.enrollment_id
    from detail_enrollments
    inner join enrollments
        on
            detail_enrollments.person_id = enrollments.person_id
            and detail_enrollments.calendar_id = enrollments.calendar_id
            and detail_enrollments.structure_id = enrollments.structure_id
    where enrollments.enrollment_id <> detail_enrollments.enrollment_id
),

unaccounted_enrollments as (
    select distinct
        cast(other_enrollments.section_id as varchar) || '|' || cast(other_enrollments.person_id as varchar)
        || '|' || cast(other_enrollments.enrollment_id as varchar) as record_key,
        'enrollment neither reported nor excluded' as problem
    from other_enrollments
    anti join excluded_enrollments
        on
            other_enrollments.section_id = excluded_enrollments.section_id
            and other_enrollments.person_id = excluded_enrollments.person_id
            and other_enrollments.enrollment_id = excluded_enrollments.enrollment_id
),

final as (
    select * from pair_violations
    union all
    select * from unaccounted_enrollments
)

select * from final

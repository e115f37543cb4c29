{{ config(enabled=var('state', 'ky') == 'ky', tags=['ky', 'run_check']) }}

-- KECS LEAD Staff conservation (CONTRIBUTING "Nothing is lost", issue 9). Candidates: every District Assignment
-- overlapping the reporting year (int_staff__lead_assignments) and every District Employment of the year
-- (int_staff__lead_epsb_id). Returns one row per violation:
--   an assignment the rules report whose person/school/Type/AltType row is missing from the Staff report;
--   an assignment the rules leave out that has no exclusion row under its key;
--   a Staff row that no reportable assignment accounts for;
--   an employment without any assignment that has no LEAD-STAFF-ACTIVE-ASSIGNMENT exclusion.
with

assignments as (
    select * from {{ ref('int_staff__lead_assignments') }}
),

employments as (
    select * from {{ ref('int_staff__lead_epsb_id') }}
),

staff as (
    select * from {{ ref('ky_lead__staff') }}
),

exclusions as (
    select * from {{ ref('ky_lead__staff_exclusions') }}
),

assignment_keys as (
    select
        assignment_id,
        has_active_employment and school_in_scope and is_reported_classification as is_reportable,
        cast(person_id as varchar)
        || '|' || coalesce(school_number, '')
        || '|' || coalesce(type, '')
        || '|' || coalesce(alt_type, '') as record_key
    from assignments
),

staff_keys as (
    select
        cast(person_id as varchar)
        || '|' || coalesce(school_number, '')
        || '|' || coalesce(type, '')
        || '|' || coalesce(alt_type, '') as record_key
    from staff
),

reported_missing as (
    select
        'reportable assignment missing from the Staff report' as violation,
        assignment_keys.record_key
    from assignment_keys
    where
        assignment_keys.is_reportable
        and not exists (
            select 1 from staff_keys
            where staff_keys.record_key = assignment_keys.record_key
        )
),

excluded_missing as (
    select
        'left-out assignment without an exclusion row' as violation,
        assignment_keys.record_key
    from assignment_keys
    where
        not assignment_keys.is_reportable
        and not exists (
            select 1 from exclusions
            where exclusions.record_key = assignment_keys.record_key
        )
),

unexplained_rows as (
    select
        'Staff row without a reportable assignment' as violation,
        staff_keys.record_key
    from staff_keys
    where not exists (
            select 1 from assignment_keys
            where assignment_keys.record_key = staff_keys.record_key and assignment_keys.is_reportable
        )
),

employment_missing as (
    select
        'employment without assignment and without exclusion' as violation,
        cast(employments.person_id as varchar) as record_key
    from employments
    where
        not exists (
            select 1 from assignments
            where assignments.person_id = employments.person_id
        )
        and not exists (
            select 1 from exclusions
            where
                exclusions.person_id = employments.person_id
                and exclusions.rule_id = 'LEAD-STAFF-ACTIVE-ASSIGNMENT'
        )
)

select * from reported_missing
union all
select * from excluded_missing
union all
select * from unexplained_rows
union all
select * from employment_missing

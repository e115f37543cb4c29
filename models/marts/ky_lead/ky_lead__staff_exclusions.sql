-- Staff the KECS LEAD Staff (Detail) report does not carry, with the rule that left them out (CONTRIBUTING
-- "Nothing is lost"). Candidates: every District Assignment and every District Employment overlapping the reporting
-- year 7/1-6/30.
--   LEAD-STAFF-ACTIVE-EMPLOYMENT: assignment overlaps the year but the person has no District Employment that does.
--   LEAD-STAFF-SCHOOL-SCOPE: assignment at a school with no calendar in the extract's scope.
--   LEAD-STAFF-STATE-CLASSIFICATION: assignment at a school whose State Classification no LEAD report carries.
--   LEAD-STAFF-ACTIVE-ASSIGNMENT: District Employment overlaps the year but no District Assignment does.
with

assignments as not materialized (
    select * from {{ ref('int_staff__lead_assignments') }}
),

epsb as (
    select * from {{ ref('int_staff__lead_epsb_id') }}
),

assignment_exclusions as (
    select
        person_id,
        school_id,
        school_number,
        type,
        alt_type,
        case
            when not has_active_employment then 'LEAD-STAFF-ACTIVE-EMPLOYMENT'
            when not school_in_scope then 'LEAD-STAFF-SCHOOL-SCOPE'
            else 'LEAD-STAFF-STATE-CLASSIFICATION'
        end as rule_id,
        case
            when not has_active_employment
                then 'District Assignment ' || cast(assignment_id as varchar)
                    || ' overlaps 7/1-6/30 of ' || cast(end_year as varchar)
                    || ' but no District Employment record does'
            when not school_in_scope
                then 'District Assignment ' || cast(assignment_id as varchar)
                    || ' is at a school with no calendar in the extract for ' || cast(end_year as varchar)
            else 'District Assignment ' || cast(assignment_id as varchar)
                || ' is at a school with State Classification ' || coalesce(state_classification, '(none)')
                || ', which the LEAD reports do not carry'
        end as detail
    from assignments
    where not has_active_employment or not school_in_scope or not is_reported_classification
),

employment_without_assignment as (
    select
        epsb.person_id,
        cast(null as integer) as school_id,
        cast(null as varchar) as school_number,
        cast(null as varchar) as type,
        cast(null as varchar) as alt_type,
        'LEAD-STAFF-ACTIVE-ASSIGNMENT' as rule_id,
        'District Employment ' || cast(epsb.employment_id as varchar)
        || ' overlaps the reporting year but no District Assignment does' as detail
    from epsb
    where not exists (
            select 1 from assignments
            where assignments.person_id = epsb.person_id
        )
),

all_exclusions as (
    select * from assignment_exclusions
    union all
    select * from employment_without_assignment
),

final as (
    select
        'KECS_LEAD_Staff' as extract_name,
        cast(person_id as varchar)
        || '|' || coalesce(school_number, '')
        || '|' || coalesce(type, '')
        || '|' || coalesce(alt_type, '') as record_key,
        person_id,
        cast(null as integer) as section_id,
        person_id as staff_person_id,
        school_id,
        rule_id,
        detail
    from all_exclusions
)

select * from final

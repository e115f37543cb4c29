-- The case managers of the KECS LEAD Detail rows (Case Manager PersonID not null and not 0), one row each, with the
-- staff-record and EPSB facts both the Issues report (LEAD-ISSUE-16, LEAD-ISSUE-17, int_lead_reports__caseload_issues)
-- and the Case Load validation forecast (LEAD-FORECAST-CASELOAD-*, int_lead_reports__forecast_caseload) decide on:
-- an active District Employment (int_staff__lead_epsb_id) and District Assignment (int_staff__lead_assignments) in the
-- reporting year, and the chosen employment's EPSB ID (License Number) checks.
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

case_managers as (
    select
        max(end_year) as end_year,
        case_manager_person_id,
        case_manager_first_name,
        case_manager_last_name,
        count(distinct person_id) as student_count
    from detail
    where case_manager_person_id is not null and case_manager_person_id <> '0'
    group by
        case_manager_person_id,
        case_manager_first_name,
        case_manager_last_name
),

staff_with_assignment as (
    select distinct person_id from assignments
),

final as (
    select
        case_managers.*,
        epsb.person_id is not null as has_active_employment,
        staff_with_assignment.person_id is not null as has_active_assignment,
        epsb.epsb_id,
        coalesce(epsb.epsb_id_has_outer_whitespace, false) as epsb_id_has_outer_whitespace,
        coalesce({{ lead_is_all_digits('epsb.epsb_id') }}, false) as epsb_id_is_all_digits
    from case_managers
    left join epsb
        on case_managers.case_manager_person_id = cast(epsb.person_id as varchar)
    left join staff_with_assignment
        on case_managers.case_manager_person_id = cast(staff_with_assignment.person_id as varchar)
)

select * from final

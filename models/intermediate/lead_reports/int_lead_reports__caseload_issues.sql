-- KECS LEAD Issues, the case-load warnings 15-17 (feed the KECS Case Load dashboard, seed 001). Not documented by the
-- vendor: ours, from the state's Case Load validations (specs/ky_kecs_validation.md §8 C1, C2, C4; §14 t_case_manager).
--   15 SPED student without an active case manager: a Detail row with Case Manager PersonID 0 (active enrollment with a
--      Primary Disability Enrollment, no active case manager, not at a CTE center); one row per student per school.
--   16 case manager missing or invalid EPSB ID: the case manager's chosen District Employment (LEAD-STAFF-EPSB-ID) has a
--      blank License Number, leading/trailing spaces or a value that is not all digits; one row per case manager.
--   17 case manager without a staff record: no District Employment or no District Assignment overlapping the year.
-- 17 precedes 16 when there is no employment at all. KDE notes IC's own warnings 15/16 were unreliable in 2025: ours
-- are separate definitions and report what the Detail rows show.
with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

case_manager_facts as (
    select * from {{ ref('int_lead_reports__case_manager_facts') }}
),

students_without_case_manager as (
    select
        school_number,
        school_name,
        state_id,
        student_first_name,
        student_last_name,
        primary_disability_enrollment,
        enrollment_id
    from detail
    where case_manager_person_id = '0'
    group by
        school_number,
        school_name,
        state_id,
        student_first_name,
        student_last_name,
        primary_disability_enrollment,
        enrollment_id
),

warning_15 as (
    select
        {{ lead_issue_columns({
            'warning_number': '15',
            'rule_id': "'LEAD-ISSUE-15'",
            'warning': "'SPED Student Without Active Case Manager'",
            'school_number': 'school_number',
            'school_name': 'school_name',
            'state_id': 'state_id',
            'student_first_name': 'student_first_name',
            'student_last_name': 'student_last_name',
        }) }}
        'Primary Disability Enrollment ' || coalesce(primary_disability_enrollment, '')
        || ', enrollment ' || cast(enrollment_id as varchar) || ': no active Case Manager team member' as detail
    from students_without_case_manager
),

case_manager_warnings as (
    select
        case when not has_active_employment or not has_active_assignment then 17 else 16 end as warning_number,
        case_manager_person_id,
        case_manager_first_name,
        case_manager_last_name,
        epsb_id,
        case
            when not has_active_employment then 'no District Employment overlaps the reporting year'
            when not has_active_assignment then 'no District Assignment overlaps the reporting year'
            when epsb_id is null then 'EPSB ID (License Number) is blank'
            when epsb_id_has_outer_whitespace then 'EPSB ID (License Number) has leading or trailing spaces'
            else 'EPSB ID (License Number) is not all digits'
        end || '; case manager of ' || cast(student_count as varchar) || ' student(s)' as detail
    from case_manager_facts
    where
        not has_active_employment
        or not has_active_assignment
        or epsb_id is null
        or epsb_id_has_outer_whitespace
        or not epsb_id_is_all_digits
),

warnings_16_17 as (
    select
        {{ lead_issue_columns({
            'warning_number': 'warning_number',
            'rule_id': "case warning_number when 16 then 'LEAD-ISSUE-16' else 'LEAD-ISSUE-17' end",
            'warning': "case warning_number when 16 then 'Case Manager Missing or Invalid EPSB ID'"
                ~ " else 'Case Manager Has No Staff Record' end",
            'person_id': 'case_manager_person_id',
            'first_name': 'case_manager_first_name',
            'last_name': 'case_manager_last_name',
            'epsb_id': 'epsb_id',
        }) }}
        detail
    from case_manager_warnings
),

all_warnings as (
    select * from warning_15
    union all
    select * from warnings_16_17
)

select * from all_warnings

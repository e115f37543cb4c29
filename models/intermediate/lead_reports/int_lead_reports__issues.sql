-- KECS LEAD Issues report rows: the course warnings (1-14) and case-load warnings (15-17) with each warning's severity
-- and one-line "how to fix" from the rule catalogue (seeds/reference/rule_catalogue__ky_lead_reports.csv).
-- LEAD-ISSUE-MESSAGE: the message starts "Warning N:" as the vendor prints it (specs/kecs_lead_reports.md §8.1,
-- E1.R3); warning_number stays its own column.
with

course_issues as (
    select * from {{ ref('int_lead_reports__course_issues') }}
),

caseload_issues as (
    select * from {{ ref('int_lead_reports__caseload_issues') }}
),

catalogue as (
    select * from {{ ref('rule_catalogue__ky_lead_reports') }}
),

all_issues as (
    select * from course_issues
    union all
    select * from caseload_issues
),

final as (
    select
        all_issues.warning_number,
        'Warning ' || cast(all_issues.warning_number as varchar) || ': ' || all_issues.warning as warning,
        catalogue.severity,
        all_issues.school_number,
        all_issues.school_name,
        all_issues.person_id,
        all_issues.first_name,
        all_issues.last_name,
        all_issues.epsb_id,
        all_issues.section_id,
        all_issues.course_number,
        all_issues.course_name,
        all_issues.section_number,
        all_issues.state_course_code,
        all_issues.state_id,
        all_issues.student_first_name,
        all_issues.student_last_name,
        all_issues.detail,
        catalogue.how_to_fix,
        all_issues.rule_id
    from all_issues
    left join catalogue on all_issues.rule_id = catalogue.rule_id
)

select * from final

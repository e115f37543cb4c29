-- KECS LEAD Validation Forecast: what KECS's own validation is expected to show for each course section (Courses
-- dashboard) and each case manager (Case Load dashboard), before the data reaches the state (issue 18; seed 001).
-- Rows and rules: int_lead_reports__forecast_sections and int_lead_reports__forecast_caseload (LEAD-FORECAST-*);
-- the fix is the rule catalogue's "how to fix" (seed 001's wording). Our reading of KECS's public rules, not KECS's
-- answer. Sort is the export's order_by.
with

sections as (
    select * from {{ ref('int_lead_reports__forecast_sections') }}
),

caseload as (
    select * from {{ ref('int_lead_reports__forecast_caseload') }}
),

catalogue as (
    select * from {{ ref('int_rules__catalogue') }}
),

section_rows as (
    select
        'Courses' as dashboard,
        end_year,
        school_number,
        school_name,
        section_id,
        course_number,
        course_name,
        section_number,
        state_course_code,
        lead_content_area,
        grade_range,
        educator_person_id,
        educator_first_name,
        educator_last_name,
        epsb_id,
        cast(null as bigint) as caseload_students,
        category,
        sub_category,
        reason,
        missing_input,
        issues_warnings,
        rule_id
    from sections
),

caseload_rows as (
    select
        'Case Load' as dashboard,
        end_year,
        cast(null as varchar) as school_number,
        cast(null as varchar) as school_name,
        cast(null as bigint) as section_id,
        cast(null as varchar) as course_number,
        cast(null as varchar) as course_name,
        cast(null as bigint) as section_number,
        cast(null as varchar) as state_course_code,
        cast(null as varchar) as lead_content_area,
        cast(null as varchar) as grade_range,
        educator_person_id,
        educator_first_name,
        educator_last_name,
        epsb_id,
        student_count as caseload_students,
        category,
        sub_category,
        reason,
        missing_input,
        issues_warnings,
        rule_id
    from caseload
),

all_rows as (
    select * from section_rows
    union all
    select * from caseload_rows
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        all_rows.dashboard,
        all_rows.end_year,
        all_rows.school_number,
        all_rows.school_name,
        all_rows.section_id,
        all_rows.course_number,
        all_rows.course_name,
        all_rows.section_number,
        all_rows.state_course_code,
        all_rows.lead_content_area,
        all_rows.grade_range,
        all_rows.educator_person_id,
        all_rows.educator_first_name,
        all_rows.educator_last_name,
        all_rows.epsb_id,
        all_rows.caseload_students,
        all_rows.category,
        all_rows.sub_category,
        all_rows.reason,
        catalogue.how_to_fix,
        all_rows.issues_warnings,
        all_rows.missing_input,
        all_rows.rule_id
    from all_rows
    left join catalogue on all_rows.rule_id = catalogue.rule_id
)

select * from final

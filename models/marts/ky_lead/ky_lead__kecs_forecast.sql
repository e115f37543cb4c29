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

-- Courses rows have no case-load count, Case Load rows no school or section: those columns are blank on them.
all_rows as (
    select
        'Courses' as dashboard,
        sections.*
    from sections
    {{ union_all_by_name() }}
    select
        'Case Load' as dashboard,
        caseload.*,
        caseload.student_count as caseload_students
    from caseload
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

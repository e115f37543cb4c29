-- KECS LEAD Issues report: numbered warnings about the data the other LEAD reports use (seed 000; specs/kecs_lead_reports.md
-- §8). Warnings 1-14 feed the KECS Courses dashboard, 15-17 the Case Load dashboard (seed 001). Rows and rules:
-- int_lead_reports__issues (LEAD-ISSUE-01 to LEAD-ISSUE-17). Sort is the export's order_by.
with

issues as (
    select * from {{ ref('int_lead_reports__issues') }}
),

reporting_year as (
    select * from {{ ref('int_lead_reports__reporting_year') }}
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        reporting_year.end_year,
        issues.*
    from issues
    cross join reporting_year
)

select * from final

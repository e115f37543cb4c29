-- LEAD-STAFF-REPORTING-YEAR: the school year the KECS LEAD reports cover, the KECS LEAD row of the editor window
-- (int_window__editor_windows: CORE-WINDOW-DATE-RANGE, CORE-WINDOW-SCHOOL-YEAR; the 7/1-6/30 year that contains the
-- Date Range end, blank = the run date).
with

windows as (
    select * from {{ ref('int_window__editor_windows') }}
),

reporting_year as (
    select
        end_year,
        year_start_date,
        year_end_date
    from windows
    where extract_name = 'lead'
)

select * from reporting_year

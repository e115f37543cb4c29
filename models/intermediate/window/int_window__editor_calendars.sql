-- Every calendar as each extract's editor sees it, one row per extract and calendar (issue 22): whether the calendar
-- belongs to the extract's reported school year (CORE-WINDOW-SCHOOL-YEAR, the End Year of int_window__editor_windows)
-- and whether the editor's calendar list selects it (CORE-WINDOW-CALENDAR-SELECTED; empty list = every calendar).
-- Extract-specific calendar rules (LEAD summer school, EL/KIDS state exclude) stay with the extract.
with

windows as (
    select * from {{ ref('int_window__editor_windows') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

final as (
    select
        windows.extract_name,
        calendars.calendar_id,
        calendars.school_id,
        calendars.end_year as calendar_end_year,
        calendars.start_date as calendar_start_date,
        calendars.end_date as calendar_end_date,
        coalesce(calendars.end_year = windows.end_year, false) as is_in_report_year,
        case windows.extract_name
            when 'lead' then {{ editor_calendar_selected('lead', 'calendars.calendar_id') }}
            when 'el' then {{ editor_calendar_selected('el', 'calendars.calendar_id') }}
            when 'kids' then {{ editor_calendar_selected('kids', 'calendars.calendar_id') }}
        end as is_calendar_selected
    from windows
    cross join calendars
)

select * from final

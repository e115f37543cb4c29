-- The report window of each extract, one row per extract (issue 22: one place for each rule). Every extract reads its
-- range, End Year and school-year bounds here (or, inline, through the macros of macros/window.sql that compute the same
-- values from the same vars):
--   CORE-WINDOW-DATE-RANGE (lead, el): the editor Date Range; end blank = var report_run_date, start blank = 7/1 of the
--     school year that contains the end.
--   CORE-WINDOW-SCHOOL-YEAR: the End Year is the 7/1-6/30 school year that contains the range end (July on = next year).
--   KIDS-WINDOW-REPORTED-YEAR (kids): var kids_end_year, else the school year containing the run date, else the active
--     one, else the latest. KIDS has no single Date Range: its From/To dates are per record type
--     (int_ks_kids__windows, KIDS-WINDOW-DEFAULTS).
--   CORE-WINDOW-CALENDAR-SELECTED: selects_every_calendar = the editor's calendar list is empty.
with

school_years as (
    select * from {{ ref('stg_sis__school_year') }}
),

kids_reported_year as (
    {%- if var('kids_end_year') is not none %}
    select cast({{ var('kids_end_year') }} as integer) as end_year
    {%- else %}
        select end_year
        from school_years
        order by
            case
                when {{ report_run_date() }} between start_date and end_date then 0
                when active then 1
                else 2
            end,
            end_year desc
        limit 1
    {%- endif %}
),

windows as (
    select
        editor.extract_name,
        editor.range_start,
        editor.range_end,
        editor.end_year
    from (
        values
        ('lead', {{ editor_range_start('lead') }}, {{ editor_range_end('lead') }}, {{ editor_end_year('lead') }}),
        ('el', {{ editor_range_start('el') }}, {{ editor_range_end('el') }}, {{ editor_end_year('el') }})
    ) as editor (extract_name, range_start, range_end, end_year)
    union all
    select
        'kids' as extract_name,
        cast(null as date) as range_start,
        cast(null as date) as range_end,
        cast(end_year as integer) as end_year
    from kids_reported_year
),

final as (
    select
        extract_name,
        range_start,
        range_end,
        end_year,
        {{ school_year_start('end_year') }} as year_start_date,
        {{ school_year_end('end_year') }} as year_end_date,
        case extract_name
            when 'lead' then {{ editor_selects_every_calendar('lead') }}
            when 'el' then {{ editor_selects_every_calendar('el') }}
            when 'kids' then {{ editor_selects_every_calendar('kids') }}
        end as selects_every_calendar
    from windows
)

select * from final

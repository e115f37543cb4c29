-- The Kansas KIDS editor's date filters resolved per record type and selected calendar (KIDS-WINDOW-DEFAULTS) on the
-- calendars the editor window selects (int_window__editor_calendars: KIDS-WINDOW-REPORTED-YEAR, the reported school
-- year, and CORE-WINDOW-CALENDAR-SELECTED): the Data Filter From/To dates (vars, else each extract's documented default window),
-- the count dates of ENRL (Sept 20) and MILT (Feb 20) moved to the next instructional day when they are not one,
-- the Attendance Filter To Date (EOYA, EXIT only) and EXIT's one-date mode.
{%- set extract_type = var('kids_extract_type') %}
{%- set from_given = var('kids_filter_from_date') not in [none, ''] %}
{%- set to_given = var('kids_filter_to_date') not in [none, ''] %}
with

kids_calendars as (
    select * from {{ ref('int_window__editor_calendars') }}
    where extract_name = 'kids'
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

all_extract_types as (
    {% for record_type in ks_kids_record_types() -%}
        select '{{ record_type }}' as extract_code
        {{ 'union all' if not loop.last }}
    {% endfor %}
),

extract_types as (
    select extract_code
    from all_extract_types
    {%- if extract_type != 'all' %}
    where extract_code = '{{ extract_type }}'
    {%- endif %}
),

selected_calendars as (
    -- The calendars of the reported school year (KIDS-WINDOW-REPORTED-YEAR) that the editor's calendar list selects
    -- (CORE-WINDOW-CALENDAR-SELECTED), both from the editor window.
    select
        calendar_id,
        calendar_end_year as end_year,
        calendar_start_date,
        calendar_end_date
    from kids_calendars
    where is_in_report_year and is_calendar_selected
),

instructional_days as (
    select distinct
        calendar_id,
        date as instruction_date
    from days
    where instruction
),

calendar_bounds as (
    select
        selected_calendars.calendar_id,
        selected_calendars.end_year,
        coalesce(min(instructional_days.instruction_date), selected_calendars.calendar_start_date) as first_day,
        coalesce(max(instructional_days.instruction_date), selected_calendars.calendar_end_date) as last_day,
        {{ ks_kids_month_day('selected_calendars.end_year - 1', 9, 20) }} as sept_20,
        {{ ks_kids_month_day('selected_calendars.end_year', 2, 20) }} as feb_20
    from selected_calendars
    left join instructional_days
        on selected_calendars.calendar_id = instructional_days.calendar_id
    group by
        selected_calendars.calendar_id,
        selected_calendars.end_year,
        selected_calendars.calendar_start_date,
        selected_calendars.calendar_end_date
),

count_dates as (
    -- A count date that is not a school day moves to the next instructional day (PS-EXT ENRL/MILT).
    select
        calendar_bounds.calendar_id,
        coalesce(
            min(case when instructional_days.instruction_date >= calendar_bounds.sept_20 then instructional_days.instruction_date end),
            calendar_bounds.sept_20
        ) as enrl_count_date,
        coalesce(
            min(case when instructional_days.instruction_date >= calendar_bounds.feb_20 then instructional_days.instruction_date end),
            calendar_bounds.feb_20
        ) as milt_count_date
    from calendar_bounds
    left join instructional_days
        on calendar_bounds.calendar_id = instructional_days.calendar_id
    group by calendar_bounds.calendar_id, calendar_bounds.sept_20, calendar_bounds.feb_20
),

defaults as (
    select
        extract_types.extract_code,
        calendar_bounds.calendar_id,
        calendar_bounds.end_year,
        calendar_bounds.first_day,
        calendar_bounds.last_day,
        case
            when extract_types.extract_code = 'ENRL' then count_dates.enrl_count_date
            when extract_types.extract_code = 'MILT' then count_dates.milt_count_date
        end as count_date,
        case
            when extract_types.extract_code = 'ENRL' then count_dates.enrl_count_date
            when extract_types.extract_code = 'MILT' then count_dates.milt_count_date
            else calendar_bounds.first_day
        end as default_from_date,
        case
            when extract_types.extract_code = 'ENRL' then count_dates.enrl_count_date
            when extract_types.extract_code = 'MILT' then count_dates.milt_count_date
            when extract_types.extract_code = 'SMSC' then {{ ks_kids_month_day('calendar_bounds.end_year - 1', 12, 1) }}
            when extract_types.extract_code = 'EOYA' then calendar_bounds.last_day
            else least(calendar_bounds.last_day, cast('{{ var("report_run_date") }}' as date))
        end as default_to_date
    from extract_types
    cross join calendar_bounds
    inner join count_dates
        on calendar_bounds.calendar_id = count_dates.calendar_id
),

final as (
    select
        extract_code,
        calendar_id,
        end_year,
        first_day,
        last_day,
        count_date,
        coalesce({{ ks_kids_date_var('kids_filter_from_date') }}, default_from_date) as from_date,
        coalesce({{ ks_kids_date_var('kids_filter_to_date') }}, default_to_date) as to_date,
        case
            when extract_code in ('EOYA', 'EXIT') then {{ ks_kids_date_var('kids_attendance_filter_to_date') }}
        end as attendance_to_date,
        -- EXIT with exactly one filter date entered: only the latest exit record of a student reports (IC-OV).
        {{ 'true' if (from_given != to_given) else 'false' }} and extract_code = 'EXIT' as is_one_date_exit
    from defaults
)

select * from final

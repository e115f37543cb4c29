{#- The report window (issue 22, "one place for each rule"): the school year, the editor Date Range and the editor's
    calendar selection. Model int_window__editor_windows (one row per extract) and int_window__editor_calendars (one row
    per extract and calendar) are what the extracts read; these macros are the few pieces that must stay inline:
    compile-time values (a Jinja branch on the end year) and per-row school years of a record's own end year. -#}

{#- CORE-WINDOW-SCHOOL-YEAR: a school year runs 7/1-6/30 and is named by its end year; a date from July on belongs to the
    next end year. school_year_of: the end year of a SQL date expression. -#}
{% macro school_year_of(date_expr) -%}
    (extract(year from {{ date_expr }}) + case when extract(month from {{ date_expr }}) >= 7 then 1 else 0 end)
{%- endmacro %}

{#- CORE-WINDOW-SCHOOL-YEAR: first day (7/1) of the school year with this end year (a SQL integer expression). -#}
{% macro school_year_start(end_year_expr) -%}
    {{ ks_kids_month_day(end_year_expr ~ ' - 1', 7, 1) }}
{%- endmacro %}

{#- CORE-WINDOW-SCHOOL-YEAR: last day (6/30) of the school year with this end year (a SQL integer expression). -#}
{% macro school_year_end(end_year_expr) -%}
    {{ ks_kids_month_day(end_year_expr, 6, 30) }}
{%- endmacro %}

{#- CORE-WINDOW-SCHOOL-YEAR at compile time: the end year of a 'YYYY-MM-DD' text, as a Jinja integer. -#}
{% macro school_year_of_text(date_text) -%}
    {%- set day = modules.datetime.datetime.strptime(date_text | string | trim, '%Y-%m-%d').date() -%}
    {{ return(day.year + (1 if day.month >= 7 else 0)) }}
{%- endmacro %}

{#- The editor vars of each extract with a Date Range and a calendar list (the only place that names them). -#}
{% macro editor_fields(extract_name) -%}
    {%- set fields = {
        'lead': {'start': var('lead_start_date'), 'end': var('lead_end_date'), 'calendar_ids': var('lead_calendar_ids')},
        'el': {'start': var('el_start_date'), 'end': var('el_end_date'), 'calendar_ids': var('el_calendar_ids')},
        'kids': {'start': none, 'end': none, 'calendar_ids': var('kids_calendar_ids')}
    } -%}
    {{ return(fields[extract_name]) }}
{%- endmacro %}

{#- CORE-WINDOW-DATE-RANGE at compile time: the Date Range end as 'YYYY-MM-DD' text (blank = var report_run_date,
    "the current date"). -#}
{% macro editor_range_end_text(extract_name) -%}
    {%- set given = editor_fields(extract_name)['end'] -%}
    {{ return((given | string | trim) if given not in [none, ''] and (given | string | trim) else (var('report_run_date') | string)) }}
{%- endmacro %}

{#- CORE-WINDOW-DATE-RANGE at compile time: the Date Range start as 'YYYY-MM-DD' text (blank = 7/1 of the school year
    that contains the range end). -#}
{% macro editor_range_start_text(extract_name) -%}
    {%- set given = editor_fields(extract_name)['start'] -%}
    {%- if given not in [none, ''] and (given | string | trim) -%}
        {{ return(given | string | trim) }}
    {%- endif -%}
    {{ return((school_year_of_text(editor_range_end_text(extract_name)) - 1) ~ '-07-01') }}
{%- endmacro %}

{#- CORE-WINDOW-SCHOOL-YEAR / CORE-WINDOW-DATE-RANGE at compile time: the End Year of the report, the school year that
    contains the Date Range end (a Jinja integer). -#}
{% macro editor_end_year(extract_name) -%}
    {{ return(school_year_of_text(editor_range_end_text(extract_name))) }}
{%- endmacro %}

{#- CORE-WINDOW-CALENDAR-SELECTED: whether the editor's calendar list selects a calendar (SQL boolean); an empty list
    selects every calendar. Read through int_window__editor_calendars; a calendar missing from the calendar table
    (CORE-INPUT-ORPHAN-REFERENCE) has no row there: it is selected only when the list is empty
    (editor_selects_every_calendar, also int_window__editor_windows.selects_every_calendar). -#}
{% macro editor_selects_every_calendar(extract_name) -%}
    {{ 'true' if editor_fields(extract_name)['calendar_ids'] | length == 0 else 'false' }}
{%- endmacro %}

{% macro editor_calendar_selected(extract_name, calendar_id) -%}
    {%- set ids = editor_fields(extract_name)['calendar_ids'] -%}
    {%- if ids | length == 0 -%}
        true
    {%- else -%}
        {{ calendar_id }} in ({{ ids | join(', ') }})
    {%- endif -%}
{%- endmacro %}

{#- The one overlap test of every window rule: an item overlaps a range when it starts on or before the range end (an
    unknown start counts as started) and ends on or after the range start (NULL end = open). Read by the EL extract
    (EL-P3 to EL-P6), the KIDS program records (ks_kids_overlaps_window), the LEAD Staff year (LEAD-STAFF-ACTIVE) and
    the LEAD Detail program indicators (overlaps_enrollment, LEAD-DETAIL-MILITARY, LEAD-DETAIL-MIGRANT,
    LEAD-DETAIL-ECON-DISADV). Two specs read it more narrowly, so each narrowing is an argument rather than a second
    test: unknown_start_counts=false (the LEAD Detail indicators: a record without a start has not started) and
    end_on_range_start_counts=false (LEAD-DETAIL-EL: the record must end strictly after the range start). -#}
{% macro window_overlaps(start_date, end_date, range_start, range_end, unknown_start_counts=true, end_on_range_start_counts=true) -%}
    (
        ({% if unknown_start_counts %}{{ start_date }} is null or {% endif %}{{ start_date }} <= {{ range_end }})
        and ({{ end_date }} is null or {{ end_date }} {{ '>=' if end_on_range_start_counts else '>' }} {{ range_start }})
    )
{%- endmacro %}

{#- CORE-WINDOW-DATE-RANGE as SQL dates, inline where a rule compares many rows with the range (a constant per run). -#}
{% macro editor_range_start(extract_name) -%}
    cast('{{ editor_range_start_text(extract_name) }}' as date)
{%- endmacro %}

{% macro editor_range_end(extract_name) -%}
    cast('{{ editor_range_end_text(extract_name) }}' as date)
{%- endmacro %}

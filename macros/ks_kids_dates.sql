{#- The KIDS extract editor's dates as SQL date expressions, read from the kids_* vars in one place.
    A var left null means "blank in the editor"; the caller supplies the fallback (e.g. the calendar start date). -#}
{% macro kids_date_var(var_name, fallback='null') -%}
    {%- set value = var(var_name, none) -%}
    {%- if value is none or value | string | trim == '' -%}
        cast({{ fallback }} as date)
    {%- else -%}
        cast('{{ value }}' as date)
    {%- endif -%}
{%- endmacro %}

{#- Data Filter From Date; blank in the editor = the calendar start date (IC-EXIT: "no From date => calendar start"). -#}
{% macro kids_filter_from_date(calendar_start_date='null') -%}
    {{ kids_date_var('kids_filter_from_date', calendar_start_date) }}
{%- endmacro %}

{#- Data Filter To Date; blank = the report run date (the editor pre-fills the current date). -#}
{% macro kids_filter_to_date() -%}
    {{ kids_date_var('kids_filter_to_date', "'" ~ var('report_run_date') ~ "'") }}
{%- endmacro %}

{#- Attendance Filter To Date (EOYA/EXIT); null when not entered. -#}
{% macro kids_attendance_filter_to_date() -%}
    {{ kids_date_var('kids_attendance_filter_to_date') }}
{%- endmacro %}

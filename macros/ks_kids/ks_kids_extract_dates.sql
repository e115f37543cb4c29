{#- Kansas KIDS data-field dates. The spec does not state the data-field date format (ks_kids_extracts.md 10 gap 9);
    KITE validates M/D/YYYY and IC's header uses MM/DD, so every KIDS date field is MM/DD/YYYY text (KIDS-DATE-FORMAT),
    the same text the KECS LEAD dates use: the one formatter is format_mdy. Null stays null so the field default
    applies. -#}
{% macro ks_kids_format_date(date_expr) -%}
    {{ format_mdy(date_expr) }}
{%- endmacro %}

{#- A calendar date from a year expression and a fixed month/day (Sept 20, Feb 20, Dec 1, ...). -#}
{% macro ks_kids_month_day(year_expr, month, day) -%}
    {{ return(adapter.dispatch('ks_kids_month_day', 'statereport')(year_expr, month, day)) }}
{%- endmacro %}

{% macro default__ks_kids_month_day(year_expr, month, day) -%}
    make_date(cast({{ year_expr }} as integer), {{ month }}, {{ day }})
{%- endmacro %}

{#- A var holding a 'YYYY-MM-DD' string or null, as a SQL date expression. -#}
{% macro ks_kids_date_var(var_name) -%}
    {%- set value = var(var_name, none) -%}
    {%- if value is none or value == '' -%}
        cast(null as date)
    {%- else -%}
        cast('{{ value }}' as date)
    {%- endif -%}
{%- endmacro %}

{#- A program record (eligibility, disability, gifted, 504, homeless, military, EL) belongs to the candidate record:
    the same student and the candidate's district, or no district. Written once for int_ks_kids__records. -#}
{% macro ks_kids_same_student_and_district(record, candidate='candidates') -%}
    {{ candidate }}.person_id = {{ record }}.person_id
    and ({{ record }}.district_id is null or {{ candidate }}.district_id = {{ record }}.district_id)
{%- endmacro %}

{#- The program record's dates overlap the candidate's window (From-To); an open start or end always does. -#}
{% macro ks_kids_overlaps_window(record, candidate='candidates') -%}
    ({{ record }}.start_date is null or {{ candidate }}.to_date >= {{ record }}.start_date)
    and ({{ record }}.end_date is null or {{ candidate }}.from_date <= {{ record }}.end_date)
{%- endmacro %}

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

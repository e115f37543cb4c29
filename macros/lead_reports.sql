{#- KECS LEAD report helpers (Staff, Caseload, Classes, Schoolwide, Issues). -#}

{#- "Date Time Generated" (KECS LEAD, every report's first column): MM/DD/YYYY HH:MM, from var('generated_at')
    ('YYYY-MM-DD HH:MM:SS'). Formatted at compile time, so the SQL is a plain text literal on every engine. -#}
{% macro lead_date_time_generated() -%}
    {%- set stamp = modules.datetime.datetime.strptime(var('generated_at')[:16], '%Y-%m-%d %H:%M') -%}
    '{{ stamp.strftime("%m/%d/%Y %H:%M") }}'
{%- endmacro %}

{#- KECS LEAD state grades, lowest to highest (seed 002 Low Grade / High Grade order). Used to spell one count column
    per grade in the aggregates; the order itself is the reference seed ky_lead__grade_order. -#}
{% macro lead_state_grades() -%}
    {{ return(['95', '96', '97', '98', '99', '00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '14', '20']) }}
{%- endmacro %}

{#- Sort key of a KECS state grade code in the seed 002 order (95 < 96 < 97 < 98 < 99 < 00 < 01 ... < 12 < 14 < 20):
    the pre-kindergarten codes 95-99 sort before 00. -#}
{% macro lead_grade_sort_key(column_name) -%}
    case
        when {{ column_name }} >= '95' then cast({{ column_name }} as integer) - 100
        else cast({{ column_name }} as integer)
    end
{%- endmacro %}

{#- The one place for the specs' "when the Enrollment End Date is NULL, use the earliest of the Last Instructional
    Day or the Current Date" (KECS LEAD Detail: EL, migrant, FRAM, ILPA, IEP, home/hospital; rule LEAD-DETAIL-EFFECTIVE-END-DATE).
    A missing last instructional day (calendar without instructional days) falls back to the run date. -#}
{% macro effective_end_date(end_date, last_instructional_day) -%}
    coalesce({{ end_date }}, {{ earliest_of_last_day_and_run_date(last_instructional_day) }})
{%- endmacro %}

{#- Earliest of a calendar's last instructional day and var('report_run_date') (NULL last day => run date). -#}
{% macro earliest_of_last_day_and_run_date(last_instructional_day) -%}
    case
        when {{ last_instructional_day }} is not null
            and {{ last_instructional_day }} < {{ report_run_date() }}
            then {{ last_instructional_day }}
        else {{ report_run_date() }}
    end
{%- endmacro %}

{#- var('report_run_date') as a SQL date: the specs' "current date" / "today". -#}
{% macro report_run_date() -%}
    cast('{{ var("report_run_date") }}' as date)
{%- endmacro %}

{#- KECS LEAD extract editor fields (vars lead_* in dbt_project.yml) as SQL expressions. -#}

{#- Date Range end: var('lead_end_date'), blank => the run date ("the End Date ... can be ... the current date"). -#}
{% macro lead_range_end() -%}
    {%- if var('lead_end_date') | trim -%}
        cast('{{ var("lead_end_date") | trim }}' as date)
    {%- else -%}
        {{ report_run_date() }}
    {%- endif -%}
{%- endmacro %}

{#- Date Range start: var('lead_start_date'), blank => the beginning of the school year (7/1) that contains the range end
    ("the Start Date field may be left blank in order to pull data from the beginning of the selected school year"). -#}
{% macro lead_range_start() -%}
    {%- if var('lead_start_date') | trim -%}
        cast('{{ var("lead_start_date") | trim }}' as date)
    {%- else -%}
        cast({{ dbt.dateadd('month', 6, dbt.date_trunc('year', dbt.dateadd('month', -6, lead_range_end()))) }} as date)
    {%- endif -%}
{%- endmacro %}

{#- Select Calendar: true when the calendar is selected (empty var('lead_calendar_ids') = every calendar). -#}
{% macro lead_calendar_selected(calendar_id) -%}
    {%- set ids = var('lead_calendar_ids') -%}
    {%- if ids | length == 0 -%}
        true
    {%- else -%}
        {{ calendar_id }} in ({{ ids | join(', ') }})
    {%- endif -%}
{%- endmacro %}

{#- Exclude Cross-Site Data checkbox (default checked). -#}
{% macro lead_exclude_cross_site() -%}
    {{ 'true' if var('lead_exclude_cross_site') else 'false' }}
{%- endmacro %}

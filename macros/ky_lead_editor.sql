{#- KECS LEAD extract editor fields (vars lead_* in dbt_project.yml) as SQL expressions. -#}

{#- Date Range and Select Calendar: macros/window.sql (editor_range_start('lead'), editor_range_end('lead')) and
    models/intermediate/window (CORE-WINDOW-DATE-RANGE, CORE-WINDOW-CALENDAR-SELECTED). -#}

{#- Exclude Cross-Site Data checkbox (default checked). -#}
{% macro lead_exclude_cross_site() -%}
    {{ 'true' if var('lead_exclude_cross_site') else 'false' }}
{%- endmacro %}

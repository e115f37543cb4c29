{#- The one ordering for "the most recent enrollment" (KECS LEAD R5.BR9, seed 002 population; rule
    LEAD-DETAIL-POP-LATEST-ENROLLMENT): latest start date; then latest end date (an open end counts as latest); with the same
    start and end dates, Service Type P first; then the highest enrollment id. Use as `order by {{ enrollment_recency_order() }}`. -#}
{% macro enrollment_recency_order(alias='') -%}
    {%- set p = alias ~ '.' if alias else '' -%}
    {{ p }}start_date desc nulls last,
    {{ p }}end_date desc nulls first,
    case when {{ p }}service_type = {{ primary_service_type() }} then 0 else 1 end,
    {{ p }}enrollment_id desc
{%- endmacro %}

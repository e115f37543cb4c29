{#- Whether the editors' ad hoc filter is on (var adhoc_students_filter, set by `statereport run --students FILE`).
    Each extract's population rule reads int_person__adhoc_filter only when this is true. -#}
{% macro adhoc_filter_active() %}
    {{- return(var('adhoc_students_filter') in (true, 'true', 'True', 1, '1')) -}}
{% endmacro %}

{#- An enrollment's grade level (the calendar's grade_level row, stg_sis__grade_level): the one of its calendar and
    schedule structure whose name is the enrollment's grade (a grade name means something only within its structure).
    A join condition; every model that reads an enrollment's grade-level settings (state grade, state exclusion, whole
    day absence) finds the row this way. -#}
{% macro is_grade_level_of(enrollment, grade_levels='grade_levels') -%}
    {{ enrollment }}.calendar_id = {{ grade_levels }}.calendar_id
    and {{ enrollment }}.structure_id = {{ grade_levels }}.structure_id
    and {{ enrollment }}.grade = {{ grade_levels }}.name
{%- endmacro %}

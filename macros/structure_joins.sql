{#- A row's schedule structure (int_calendar__structures, one row per calendar and structure): a structure id means
    something only within its calendar, so the join compares both. A join condition, for every model that reads a
    structure's settings (last instructional day, school, state exclusion) for an enrollment or a section. -#}
{% macro is_structure_of(row, structures='structures') -%}
    {{ same_structure(row, structures) }}
{%- endmacro %}

{#- Two rows of the same schedule structure (an enrollment and its instructional days, a section and the student's
    enrollment in it): the calendar and the structure id both match, a structure id meaning something only within its
    calendar. A join condition. -#}
{% macro same_structure(left, right) -%}
    {{ left }}.calendar_id = {{ right }}.calendar_id
    and {{ left }}.structure_id = {{ right }}.structure_id
{%- endmacro %}

{#- An enrollment's grade level (the calendar's grade_level row, stg_sis__grade_level): the one of its calendar and
    schedule structure whose name is the enrollment's grade (a grade name means something only within its structure).
    A join condition; every model that reads an enrollment's grade-level settings (state grade, state exclusion, whole
    day absence) finds the row this way. -#}
{% macro is_grade_level_of(enrollment, grade_levels='grade_levels') -%}
    {{ is_structure_of(enrollment, grade_levels) }}
    and {{ enrollment }}.grade = {{ grade_levels }}.name
{%- endmacro %}

{#- A section's placements (stg_sis__section_placement: the terms and periods it meets in): the rows of its id in its
    own trial, a placement of another trial (a draft schedule) being no placement of the section. A join condition,
    for every model that reads a section's terms or periods (the section's dates, a student's scheduled periods, a
    term covering a date). -#}
{% macro is_placement_of(section, placements) -%}
    {{ section }}.section_id = {{ placements }}.section_id
    and {{ section }}.trial_id = {{ placements }}.trial_id
{%- endmacro %}

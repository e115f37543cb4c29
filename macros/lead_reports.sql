{#- KECS LEAD report helpers (Staff, Caseload, Classes, Schoolwide, Issues). -#}

{#- "Date Time Generated" (KECS LEAD, every report's first column): MM/DD/YYYY HH:MM, from var('generated_at')
    ('YYYY-MM-DD HH:MM:SS'). Formatted at compile time, so the SQL is a plain text literal on every engine. -#}
{% macro lead_date_time_generated() -%}
    {%- set stamp = modules.datetime.datetime.strptime(var('generated_at')[:16], '%Y-%m-%d %H:%M') -%}
    '{{ stamp.strftime("%m/%d/%Y %H:%M") }}'
{%- endmacro %}

{#- KECS LEAD state grades, lowest to highest (seed 002 Low Grade / High Grade order): var lead_state_grades, the one
    list. The aggregates spell one count column per grade from it; int_calendar__kecs_grade_order is the same list as rows. -#}
{% macro lead_state_grades() -%}
    {{ return(var('lead_state_grades') | map('string') | list) }}
{%- endmacro %}

{#- Sort key of a KECS state grade code in the lead_state_grades order: the grade's two-digit position, then the grade
    itself (lead_grade_from_sort_key takes the grade back from the third character), so min/max of the key give the lowest/highest
    grade. A code outside the list has no key (null), so it is neither the lowest nor the highest grade. -#}
{% macro lead_grade_sort_key(column_name) -%}
    case {{ column_name }}
        {%- for grade in lead_state_grades() %}
        when '{{ grade }}' then '{{ '%02d' % loop.index }}{{ grade }}'
        {%- endfor %}
    end
{%- endmacro %}

{% macro lead_grade_from_sort_key(expression) -%}
    substr({{ expression }}, 3)
{%- endmacro %}

{#- The Detail indicators the LEAD aggregates count (our design, specs/kecs_lead_reports.md §9 M2-M4): Detail flag
    column -> count column. -#}
{% macro lead_indicator_counts() -%}
    {{ return([
        ('is_english_learner', 'english_learner_students'),
        ('is_gifted', 'gifted_students'),
        ('is_migrant', 'migrant_students'),
        ('is_economically_disadvantaged', 'economically_disadvantaged_students'),
        ('is_homeless', 'homeless_students'),
        ('is_foster_care', 'foster_care_students'),
        ('is_military_connected', 'military_connected_students'),
        ('is_home_hospital', 'home_hospital_students'),
        ('is_ilpa', 'ilpa_students'),
    ]) }}
{%- endmacro %}

{#- The count columns shared by the LEAD aggregates (LEAD-CASELOAD-COUNTS, LEAD-CLASSES-COUNTS, LEAD-SCHOOLWIDE-COUNTS):
    distinct students in total, per state grade (one column per grade, seed 002 order), SPED, then one per Detail
    indicator. Every count is a count of distinct students, so a student on several rows (sections, case managers)
    counts once. It takes two steps, both here: group `relation`'s rows by the report's `keys` and the `student`
    (did any of the student's rows meet each condition), then group those one-per-student rows by the keys alone and
    count them. The same counts as 31 count(distinct) columns, but DuckDB builds a distinct hash table per such column:
    25 of the Classes report's 35 s at 3.6 million Detail rows.
    A select statement with one row per distinct `keys`, its columns: the keys, `carried` (columns the keys determine,
    taken with max() through both steps: the case manager's name), the counts (`total_name`, students_grade_<grade>,
    `sped_name` for the students meeting `sped_condition`, then the indicator counts), then a report's own extra
    counts: `student_columns` are more per-student aggregates of the first step ('<aggregate> as <name>') and
    `group_columns` the per-key aggregates of the second step that read them. -#}
{% macro lead_distinct_student_counts(
    relation, keys, student, sped_condition, total_name, sped_name, carried=[], student_columns=[], group_columns=[]
) -%}
    select
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        {%- for column in carried %}
        max({{ column }}) as {{ column }},
        {%- endfor %}
        count({{ student }}) as {{ total_name }},
        {%- for grade in lead_state_grades() %}
        count(case when is_grade_{{ grade }} then {{ student }} end) as students_grade_{{ grade }},
        {%- endfor %}
        count(case when is_counted_sped then {{ student }} end) as {{ sped_name }},
        {%- for flag, column in lead_indicator_counts() %}
        count(case when {{ flag }} then {{ student }} end) as {{ column }}{{ ',' if not loop.last or group_columns }}
        {%- endfor %}
        {%- for column in group_columns %}
        {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from (
        -- one row per key and student: the counts above count students
        select
            {%- for key in keys %}
            {{ key }},
            {%- endfor %}
            {{ student }},
            {%- for column in carried %}
            max({{ column }}) as {{ column }},
            {%- endfor %}
            {%- for grade in lead_state_grades() %}
            bool_or(grade = '{{ grade }}') as is_grade_{{ grade }},
            {%- endfor %}
            bool_or({{ sped_condition }}) as is_counted_sped,
            {%- for flag, column in lead_indicator_counts() %}
            bool_or({{ flag }}) as {{ flag }}{{ ',' if not loop.last or student_columns }}
            {%- endfor %}
            {%- for column in student_columns %}
            {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        group by
            {%- for key in keys %}
            {{ key }},
            {%- endfor %}
            {{ student }}
    ) as students
    group by
        {{ keys | join(",\n        ") }}
{%- endmacro %}

{#- The KECS LEAD Issues warning row (LEAD-ISSUE-01 to LEAD-ISSUE-17), written once for both warning lists
    (int_lead_reports__course_issues: 1-14, int_lead_reports__caseload_issues: 15-17) so that they union into one
    report (int_lead_reports__issues): the warning, then what locates it (school, teacher or case manager, section,
    student), then the detail text. A warning fills only the columns that locate it; the others are NULL of the
    column's type, so every column keeps one type across the union. -#}
{% macro lead_issue_layout() -%}
    {{ return([
        ('warning_number', 'integer'),
        ('rule_id', 'varchar'),
        ('warning', 'varchar'),
        ('school_number', 'varchar'),
        ('school_name', 'varchar'),
        ('person_id', 'varchar'),
        ('first_name', 'varchar'),
        ('last_name', 'varchar'),
        ('epsb_id', 'varchar'),
        ('section_id', 'integer'),
        ('course_number', 'varchar'),
        ('course_name', 'varchar'),
        ('section_number', 'integer'),
        ('state_course_code', 'varchar'),
        ('state_id', 'varchar'),
        ('student_first_name', 'varchar'),
        ('student_last_name', 'varchar'),
    ]) }}
{%- endmacro %}

{#- The select list of one warning row but its last column: `values` maps a column of lead_issue_layout() to its SQL
    expression (warning_number, rule_id and warning are required); the caller ends the list with its `... as detail`. -#}
{% macro lead_issue_columns(values) -%}
    {%- for column in ['warning_number', 'rule_id', 'warning'] if column not in values %}
        {{ exceptions.raise_compiler_error("lead_issue_columns: no value for " ~ column) }}
    {%- endfor %}
    {%- set layout_columns = lead_issue_layout() | map(attribute=0) | list %}
    {%- for column in values if column not in layout_columns %}
        {{ exceptions.raise_compiler_error("lead_issue_columns: " ~ column ~ " is not a column of lead_issue_layout()") }}
    {%- endfor %}
    {%- for column, type in lead_issue_layout() %}
        {%- if column not in values %}
        cast(null as {{ type }}) as {{ column }},
        {%- elif values[column] == column %}
        {{ column }},
        {%- else %}
        {{ values[column] }} as {{ column }},
        {%- endif %}
    {%- endfor %}
{%- endmacro %}

{#- True when a text value is one or more digits (KECS EPSB IDs and state course codes are numeric; NULL stays NULL).
    DuckDB's regexp_full_match behind adapter.dispatch so another engine can supply its own. -#}
{% macro lead_is_all_digits(expression) -%}
    {{ return(adapter.dispatch('lead_is_all_digits')(expression)) }}
{%- endmacro %}

{% macro default__lead_is_all_digits(expression) -%}
    regexp_full_match({{ expression }}, '[0-9]+')
{%- endmacro %}

{#- A KY state grade as KECS prints it in a grade range ('7-14', seed 001): without the leading zero, '00' as '0'. -#}
{% macro lead_grade_shown(column_name) -%}
    case when {{ column_name }} = '00' then '0' else ltrim({{ column_name }}, '0') end
{%- endmacro %}

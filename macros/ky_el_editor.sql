{#- Kentucky EL Extract editor fields (specs/ky_el_extract.md §3) as SQL, read from the el_* vars of dbt_project.yml. -#}

{#- Date Range and End Year: macros/window.sql (editor_range_start('el'), editor_range_end('el'), editor_end_year('el'))
    and models/intermediate/window (CORE-WINDOW-DATE-RANGE, CORE-WINDOW-SCHOOL-YEAR). -#}

{#- A compile-time true/false: whether the editor's Extract Type (var el_extract_type) includes this file. -#}
{% macro el_extract_type_selected(extract_type) -%}
    {%- set chosen = var('el_extract_type') | lower -%}
    {{ 'true' if chosen in ('both', extract_type | lower) else 'false' }}
{%- endmacro %}

{#- EL-EDITOR-EXTRACT-TYPE in the exclusions: a candidate of a file the editor's Extract Type did not select is
    excluded under that rule; of a selected file, under its own rule (rule_column) when it has one.
    el_exclusion_rule_id: the rule a candidate is excluded under; el_is_excluded: whether it is excluded. -#}
{% macro el_exclusion_rule_id(extract_type, rule_column) -%}
    {{ rule_column if el_extract_type_selected(extract_type) == 'true' else "'EL-EDITOR-EXTRACT-TYPE'" }}
{%- endmacro %}

{% macro el_is_excluded(extract_type, rule_column) -%}
    {{ rule_column ~ ' is not null' if el_extract_type_selected(extract_type) == 'true' else 'true' }}
{%- endmacro %}

{#- The student columns both EL layouts open with (seed 003: LEA Number to Middle Initial), from int_ky_el__students. -#}
{% macro el_student_columns(students='students') -%}
    {%- for column in ['lea_number', 'district_name', 'state_school_number', 'school_name', 'state_id', 'last_name',
        'first_name', 'middle_initial'] %}
        {{ students }}.{{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- "CODE: Name" as IC displays a dictionary value (G7; separator var el_code_name_separator). Blank code => NULL;
    a code without a known name prints the code alone. -#}
{% macro el_code_and_name(code, name) -%}
    case
        when {{ code }} is null then null
        when {{ name }} is null then {{ code }}
        else {{ code }} || '{{ var("el_code_name_separator") }}' || {{ name }}
    end
{%- endmacro %}

{#- The weekday of a date, 0 = Sunday ... 6 = Saturday (DuckDB/Postgres extract(dow)); dispatched for other adapters. -#}
{% macro el_day_of_week(expression) -%}
    {{ return(adapter.dispatch('el_day_of_week')(expression)) }}
{%- endmacro %}

{% macro default__el_day_of_week(expression) -%}
    extract(dow from {{ expression }})
{%- endmacro %}

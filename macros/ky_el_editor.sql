{#- Kentucky EL Extract editor fields (specs/ky_el_extract.md §3) as SQL, read from the el_* vars of dbt_project.yml. -#}

{#- Date Range and End Year: macros/window.sql (editor_range_start('el'), editor_range_end('el'), editor_end_year('el'))
    and models/intermediate/window (CORE-WINDOW-DATE-RANGE, CORE-WINDOW-SCHOOL-YEAR). -#}

{#- A compile-time true/false: whether the editor's Extract Type (var el_extract_type) includes this file. -#}
{% macro el_extract_type_selected(extract_type) -%}
    {%- set chosen = var('el_extract_type') | lower -%}
    {{ 'true' if chosen in ('both', extract_type | lower) else 'false' }}
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

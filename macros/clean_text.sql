{#- Staging's one text rule: surrounding spaces are data-entry noise and an empty string means "no value". Control
    characters (NUL and the other C0 characters but tab and line ends, and DEL) are removed: no export may carry one,
    and int_input__control_characters lists each raw value that held one (CORE-INPUT-CONTROL-CHARACTERS).
    Other inner characters (leading zeros, tabs in names) are kept: the marts and writers decide about those. -#}
{% macro clean_text(column_name) -%}
    nullif(trim(translate({{ column_name }}, {{ control_characters() }}, '')), '')
{%- endmacro %}

{#- The characters clean_text removes, as one text constant (DuckDB folds the chr() calls once per query). -#}
{% macro control_characters() -%}
    {%- set codes = range(0, 9) | list + [11, 12] + range(14, 32) | list + [127] -%}
    ({% for code in codes %}chr({{ code }}){% if not loop.last %} || {% endif %}{% endfor %})
{%- endmacro %}

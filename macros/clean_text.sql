{#- Staging's one text rule: surrounding spaces are data-entry noise and an empty string means "no value".
    Inner characters (leading zeros, tabs in names) are kept: the marts and writers decide about those. -#}
{% macro clean_text(column_name) -%}
    nullif(trim({{ column_name }}), '')
{%- endmacro %}

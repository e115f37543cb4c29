{#- Staging's one text rule: surrounding spaces are data-entry noise and an empty string means "no value". Control
    characters (NUL and the other C0 characters but tab and line ends, and DEL) are removed: no export may carry one,
    and int_input__control_characters lists each raw value that held one (CORE-INPUT-CONTROL-CHARACTERS).
    Other inner characters (leading zeros, tabs in names) are kept: the marts and writers decide about those.
    regexp_replace, not translate: staging models are views, so this runs on every read of every text column, and
    DuckDB's translate cost about 8 microseconds a value (11 s for one column of 1.4 million enrollments), nine times
    the regular expression. -#}
{% macro clean_text(column_name) -%}
    nullif(trim(regexp_replace({{ column_name }}, {{ control_character_pattern() }}, '', 'g')), '')
{%- endmacro %}

{#- The characters clean_text removes and CORE-INPUT-CONTROL-CHARACTERS finds, as one regular-expression class
    (escapes, so no raw control character stands in the SQL text). -#}
{% macro control_character_pattern() -%}
    '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]'
{%- endmacro %}

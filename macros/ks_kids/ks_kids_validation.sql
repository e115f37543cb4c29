{#- KIDS validation (ks_kids__validation): the whole text value matches a regular expression held in a column of
    seeds/reference/ks_kids__field_forms.csv. DuckDB's regexp_full_match behind adapter.dispatch; the default is the
    POSIX operator most other engines share. -#}
{% macro ks_kids_full_match(expression, pattern) -%}
    {{ return(adapter.dispatch('ks_kids_full_match', 'statereport')(expression, pattern)) }}
{%- endmacro %}

{% macro default__ks_kids_full_match(expression, pattern) -%}
    {{ expression }} ~ ('^(' || {{ pattern }} || ')$')
{%- endmacro %}

{% macro duckdb__ks_kids_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, {{ pattern }})
{%- endmacro %}

{#- A KIDS file date (in the kids_date_format form, KIDS-DATE-FORMAT) as a date; null when blank or not a real
    calendar date (February 30), so the date-logic rules compare only dates that exist. -#}
{% macro ks_kids_parse_date(expression) -%}
    {%- set form = ks_kids_date_form() -%}
    case
        when {{ ks_kids_full_match(expression, "'" ~ form['shape'] ~ "'") }}
            then {{ ks_kids_try_date("substr(" ~ expression ~ ", " ~ form['year'] ~ ", 4) || '-' || substr(" ~ expression ~ ", " ~ form['month'] ~ ", 2) || '-' || substr(" ~ expression ~ ", " ~ form['day'] ~ ", 2)") }}
    end
{%- endmacro %}

{#- The KIDS-VAL-FORM-DATE pattern, as a SQL text literal. -#}
{% macro ks_kids_date_pattern() -%}
    '{{ ks_kids_date_form()['pattern'] }}'
{%- endmacro %}

{#- An ISO date text as a date, null when it names no real day. -#}
{% macro ks_kids_try_date(iso_text) -%}
    {{ return(adapter.dispatch('ks_kids_try_date', 'statereport')(iso_text)) }}
{%- endmacro %}

{% macro default__ks_kids_try_date(iso_text) -%}
    {{ dbt.safe_cast(iso_text, api.Column.translate_type("date")) }}
{%- endmacro %}

{% macro duckdb__ks_kids_try_date(iso_text) -%}
    try_cast({{ iso_text }} as date)
{%- endmacro %}

{#- The record identity every ks_kids__validation row carries (record type, D13, D11, D2), optionally qualified. -#}
{% macro ks_kids_validation_identity(relation=none) -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    {{ prefix }}file_record_type,
        {{ prefix }}state_student_identifier,
        {{ prefix }}student_identifier,
        {{ prefix }}accountability_school_identifier
{%- endmacro %}

{#- ks_kids__validation's field stage, one branch per KIDS column (ks_kids_columns): the distinct value of each checked
    field per record type (`checked`: extract_code, column_name, has_form_check; a field with no form check only when
    blank). A macro, so sqlfluff renders one branch (lint_sample): 77 of the same form cost 18 s of the lint's CPU. -#}
{% macro ks_kids_field_values(records, checked) -%}
    {%- for column in lint_sample(ks_kids_columns()) %}
        select distinct
            {{ records }}.file_record_type,
            '{{ column }}' as column_name,
            coalesce({{ records }}.{{ column }}, '') as value
        from {{ records }}
        inner join {{ checked }}
            on
                {{ records }}.file_record_type = {{ checked }}.extract_code
                and {{ checked }}.column_name = '{{ column }}'
                and ({{ checked }}.has_form_check or coalesce({{ records }}.{{ column }}, '') = '')
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
{%- endmacro %}

{#- Every record holding a failing value (`failing`: file_record_type, column_name, value, field_id, field_name,
    rule_id, message), one row per record and failed check; one branch per KIDS column, as above. -#}
{% macro ks_kids_field_failures(records, failing) -%}
    {%- for column in lint_sample(ks_kids_columns()) %}
        select
            {{ ks_kids_validation_identity(records) }},
            {{ failing }}.field_id,
            {{ failing }}.field_name,
            {{ failing }}.value,
            {{ failing }}.rule_id,
            {{ failing }}.message
        from {{ records }}
        inner join {{ failing }}
            on
                {{ records }}.file_record_type = {{ failing }}.file_record_type
                and {{ failing }}.column_name = '{{ column }}'
                and coalesce({{ records }}.{{ column }}, '') = {{ failing }}.value
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
{%- endmacro %}

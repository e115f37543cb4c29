{#- Export formats for dates. DuckDB's strftime sits behind adapter.dispatch so another adapter can supply its own. -#}

{#- A date as text in a strftime form; NULL stays NULL (blank in the file). -#}
{% macro format_date_as(expression, strftime_form) -%}
    {{ return(adapter.dispatch('format_date_as')(expression, strftime_form)) }}
{%- endmacro %}

{% macro default__format_date_as(expression, strftime_form) -%}
    strftime({{ expression }}, '{{ strftime_form }}')
{%- endmacro %}

{#- A date as MM/DD/YYYY text (KECS LEAD and EL dates). -#}
{% macro format_mdy(expression) -%}
    {{ format_date_as(expression, '%m/%d/%Y') }}
{%- endmacro %}

{#- Export formats for dates. DuckDB's strftime sits behind adapter.dispatch so another adapter can supply its own. -#}

{#- A date as MM/DD/YYYY text (KECS LEAD dates); NULL stays NULL (blank in the file). -#}
{% macro format_mdy(expression) -%}
    {{ return(adapter.dispatch('format_mdy')(expression)) }}
{%- endmacro %}

{% macro default__format_mdy(expression) -%}
    strftime({{ expression }}, '%m/%d/%Y')
{%- endmacro %}

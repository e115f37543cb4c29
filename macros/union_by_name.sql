{#- Stacks rows of several kinds that share one report layout, matching columns by name: a column one kind does not
    have is NULL on its rows (of the type the other kinds give it), so a report that unions rows of different kinds
    (the KECS Validation Forecast's Courses and Case Load rows) writes its column list once, in its final select,
    instead of a list per kind padded with typed NULLs. DuckDB's UNION ALL BY NAME behind adapter.dispatch: another
    engine supplies its own. -#}
{% macro union_all_by_name() -%}
    {{ return(adapter.dispatch('union_all_by_name')()) }}
{%- endmacro %}

{% macro default__union_all_by_name() -%}
    union all by name
{%- endmacro %}

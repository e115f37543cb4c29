{#- Tables and views are created under their final name in one statement when the relation does not exist yet, which
    is every model of a `statereport run`: a run always builds into a new, empty warehouse file
    (statereport.warehouse.building_database), and the file is thrown away if anything fails. dbt's own
    materializations create each model under a temporary name, rename it and drop a backup that never existed: two
    more statements, each with its own commit, per model (about a second of CPU per state on the samples). Where
    the relation already exists (dbt run again on the same warehouse), dbt-duckdb's own materialization runs, with its
    swap. The project sets no grants, docs persistence, indexes or partitioning, which only the adapter's path would
    apply. -#}
{% materialization table, adapter="duckdb" %}
    {%- if load_cached_relation(this) is not none or model['language'] != 'sql' -%}
        {{ return(dbt.materialization_table_duckdb()) }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {{ return(create_under_final_name(target_relation, create_table_as(False, target_relation, compiled_code))) }}
{% endmaterialization %}

{% materialization view, adapter="duckdb" %}
    {%- if load_cached_relation(this) is not none -%}
        {{ return(dbt.materialization_view_default()) }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type='view') -%}
    {{ return(create_under_final_name(target_relation, get_create_view_as_sql(target_relation, sql))) }}
{% endmaterialization %}

{#- The model's hooks around one statement that creates it, committed. -#}
{% macro create_under_final_name(target_relation, create_sql) %}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {% call statement('main') -%}
        {{ create_sql }}
    {%- endcall %}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target_relation]}) }}
{% endmacro %}

{#- Every contract table must exist for staging to compile. A district supplies the tables its state needs
    (the loader enforces that); tables only the other state reads are created here, empty, with the contract's types. -#}
{% macro create_missing_raw_tables() %}
    {%- if execute -%}
        {%- set statements = ["create schema if not exists raw"] -%}
        {#- Tables an enabled sample seed creates are left to the seed: created here first, `dbt seed` (whose relation
            cache was filled before this hook ran) would fail with "table already exists". -#}
        {%- set seeded = [] -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'seed' and node.schema == 'raw' -%}
            {%- do seeded.append(node.alias) -%}
        {%- endfor -%}
        {%- for source in graph.sources.values() if source.source_name in ('sis', 'loader') and source.identifier not in seeded -%}
            {%- set columns = [] -%}
            {%- for column in source.columns.values() -%}
                {%- do columns.append(adapter.quote(column.name) ~ " " ~ column.data_type) -%}
            {%- endfor -%}
            {%- do statements.append("create table if not exists " ~ source.schema ~ "." ~ source.identifier ~ " (" ~ columns | join(", ") ~ ")") -%}
        {%- endfor -%}
        {{ statements | join(";\n") }}
    {%- endif -%}
{% endmacro %}

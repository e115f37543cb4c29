{#- Staging's one shape, for every raw table of the contract (models/staging/sis/_sis__sources.yml): the contract's
    columns in its order, text through clean_text, every other type as loaded (the loader already cast it to the
    contract's type). One macro rather than 52 generated copies, so the rule is written once; scripts/sync_contract
    writes only the one-line model per table. The source is named outside the `execute` branch so dbt records the
    dependency at parse time, when the graph (and so the column list) is not there yet. -#}
{% macro stage_contract_table(table_name) -%}
    {%- set relation = source('sis', table_name) -%}
    {%- set columns = [] -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() if node.source_name == 'sis' and node.name == table_name -%}
            {%- do columns.extend(staged_columns(node)) -%}
        {%- endfor -%}
        {%- if not columns -%}
            {{ exceptions.raise_compiler_error("stage_contract_table: '" ~ table_name ~ "' is not a table of the contract (source sis) or has no columns") }}
        {%- endif -%}
    {%- endif %}
with

source as (
    select * from {{ relation }}
),

cleaned as (
    select
        {{ columns | join(",\n        ") if columns else "*" }}
    from source
)

select * from cleaned
{%- endmacro %}

{#- A contract table's staged select list: the one place that says which columns clean_text applies to. Also used
    where a check must see a raw table as staging does without naming the staging model at parse time
    (input_unknown_codes). -#}
{% macro staged_columns(node) -%}
    {%- set columns = [] -%}
    {%- for column in node.columns.values() -%}
        {%- set quoted = adapter.quote(column.name) -%}
        {%- if (column.data_type or '').lower().startswith('varchar') -%}
            {%- do columns.append(clean_text(quoted) ~ " as " ~ quoted) -%}
        {%- else -%}
            {%- do columns.append(quoted) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}

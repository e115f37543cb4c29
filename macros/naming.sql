{#- Custom schema names are used as written (raw, staging, intermediate, marts, reference), not prefixed with the target schema,
    so the raw tables sit where the loader writes them and users query marts.<model> directly. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}

{#- Sample-district seeds are named <state>__<contract table> (dbt needs unique names across both samples);
    they load under the contract table's own name. -#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- elif node.resource_type == 'seed' and (node.name.startswith('ky__') or node.name.startswith('ks__')) -%}
        {{ node.name[4:] }}
    {%- elif node.version -%}
        {{ node.name ~ "_v" ~ (node.version | replace(".", "_")) }}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro %}

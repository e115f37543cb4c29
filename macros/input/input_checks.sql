{#- The contract-wide input checks (models/intermediate/input): one select per contract table, column or foreign key
    of the sources `sis` (models/staging/sis/_sis__sources.yml), built at compile time from the contract, the way
    create_missing_raw_tables is. They read the raw tables (a source is loaded before any model runs), so they need no
    generated list of refs; text goes through clean_text as staging does. -#}

{#- The contract's tables by name: {name: source node}. Empty at parse time (the graph is not there yet). -#}
{% macro input_contract_tables() -%}
    {%- set tables = {} -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() if node.source_name == 'sis' -%}
            {%- do tables.update({node.name: node}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(lint_sample(tables)) }}
{%- endmacro %}

{#- A table's record key as text: its primary-key columns joined by '|'. -#}
{% macro input_record_key(table, alias) -%}
    {%- set parts = [] -%}
    {%- for column in table.meta.get('primary_key', []) -%}
        {%- do parts.append("coalesce(cast(" ~ alias ~ "." ~ adapter.quote(column) ~ " as varchar), '')") -%}
    {%- endfor -%}
    {{ parts | join(" || '|' || ") if parts else "''" }}
{%- endmacro %}

{#- A select that returns no row, with the model's columns, when the contract gives nothing to check. -#}
{% macro input_no_rows(columns) -%}
    select {% for name, type in columns %}cast(null as {{ type }}) as {{ name }}{{ ", " if not loop.last }}{% endfor %} where false
{%- endmacro %}

{#- CORE-INPUT-ORPHAN-REFERENCE: every reference to a record the district's data does not contain. Checked only where
    the run's state needs both tables (a KS district has no KY-only parent table to point at). -#}
{% macro input_orphan_references() -%}
    {%- set tables = input_contract_tables() -%}
    {%- set selects = [] -%}
    {%- for table in tables.values() -%}
        {%- for foreign_key in table.meta.get('foreign_keys', []) -%}
            {%- set target_table, target_column = foreign_key['references'].split('.') -%}
            {%- set target = tables.get(target_table) -%}
            {%- if target and var('state') in table.meta.get('states', []) and var('state') in target.meta.get('states', []) -%}
                {%- set column = adapter.quote(foreign_key['column']) -%}
                {%- do selects.append(
                    "select '" ~ table.name ~ "' as table_name, "
                    ~ input_record_key(table, 'child') ~ " as record_key, '"
                    ~ foreign_key['column'] ~ "' as column_name, cast(child." ~ column ~ " as varchar) as value, '"
                    ~ foreign_key['references'] ~ "' as references_column from " ~ source('sis', table.name)
                    ~ " as child where child." ~ column ~ " is not null and not exists (select 1 from "
                    ~ source('sis', target_table) ~ " as parent where parent." ~ adapter.quote(target_column)
                    ~ " = child." ~ column ~ ")") -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ selects | join("\nunion all\n") if selects else input_no_rows([('table_name', 'varchar'), ('record_key', 'varchar'), ('column_name', 'varchar'), ('value', 'varchar'), ('references_column', 'varchar')]) }}
{%- endmacro %}

{#- CORE-INPUT-CONTROL-CHARACTERS: raw text values holding a control character (NUL and the other C0 characters but
    tab and line ends, and DEL). Staging removes them (macro clean_text), so this reads the raw tables: after staging
    there is nothing left to find. One scan per table: the rows where any text column holds one, then a row per
    column that does. -#}
{% macro input_control_characters() -%}
    {%- set pattern = control_character_pattern() -%}
    {%- set selects = [] -%}
    {%- for table in input_contract_tables().values() -%}
        {%- set text_columns = [] -%}
        {%- for column in table.columns.values() if (column.data_type or '').lower().startswith('varchar') -%}
            {%- do text_columns.append(column.name) -%}
        {%- endfor -%}
        {%- if text_columns -%}
            {%- set hits = [] -%}
            {%- set values = [] -%}
            {%- for name in text_columns -%}
                {%- do hits.append("case when regexp_matches(raw_row." ~ adapter.quote(name) ~ ", " ~ pattern ~ ") then '" ~ name ~ "' end") -%}
                {%- do values.append("raw_row." ~ adapter.quote(name)) -%}
            {%- endfor -%}
            {%- set person = "raw_row.person_id" if 'person_id' in table.columns else "cast(null as bigint)" -%}
            {%- do selects.append(
                "select '" ~ table.name ~ "' as table_name, record_key, person_id, column_name from (select "
                ~ input_record_key(table, 'raw_row') ~ " as record_key, " ~ person ~ " as person_id, unnest(["
                ~ hits | join(", ") ~ "]) as column_name from " ~ source('sis', table.name) ~ " as raw_row where "
                ~ "regexp_matches(concat_ws('', " ~ values | join(", ") ~ "), " ~ pattern ~ ")) as flagged"
                ~ " where column_name is not null") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ selects | join("\nunion all\n") if selects else input_no_rows([('table_name', 'varchar'), ('record_key', 'varchar'), ('person_id', 'bigint'), ('column_name', 'varchar')]) }}
{%- endmacro %}

{#- The person a contract table's record belongs to, where the table has a person_id column. -#}
{% macro input_person(table, alias) -%}
    {{ alias ~ ".person_id" if 'person_id' in table.columns else "cast(null as bigint)" }}
{%- endmacro %}

{#- CORE-INPUT-REVERSED-DATES: records of a table with start_date and end_date whose end is before their start. -#}
{% macro input_reversed_date_ranges() -%}
    {%- set selects = [] -%}
    {%- for table in input_contract_tables().values() if 'start_date' in table.columns and 'end_date' in table.columns -%}
        {%- do selects.append(
            "select '" ~ table.name ~ "' as table_name, " ~ input_record_key(table, 'raw_row') ~ " as record_key, "
            ~ input_person(table, 'raw_row') ~ " as person_id, raw_row.start_date, raw_row.end_date from "
            ~ source('sis', table.name) ~ " as raw_row where raw_row.end_date < raw_row.start_date") -%}
    {%- endfor -%}
    {{ selects | join("\nunion all\n") if selects else input_no_rows([('table_name', 'varchar'), ('record_key', 'varchar'), ('person_id', 'bigint'), ('start_date', 'date'), ('end_date', 'date')]) }}
{%- endmacro %}

{#- CORE-INPUT-IMPLAUSIBLE-DATE: every date column's values before 1900-01-01 or after 2100-12-31 (kept as given). -#}
{% macro input_implausible_dates(low='1900-01-01', high='2100-12-31') -%}
    {%- set selects = [] -%}
    {%- for table in input_contract_tables().values() -%}
        {%- for column in table.columns.values() if (column.data_type or '').lower() == 'date' -%}
            {%- set value = "raw_row." ~ adapter.quote(column.name) -%}
            {%- do selects.append(
                "select '" ~ table.name ~ "' as table_name, " ~ input_record_key(table, 'raw_row') ~ " as record_key, "
                ~ input_person(table, 'raw_row') ~ " as person_id, '" ~ column.name ~ "' as column_name, "
                ~ value ~ " as value from " ~ source('sis', table.name) ~ " as raw_row where "
                ~ value ~ " < date '" ~ low ~ "' or " ~ value ~ " > date '" ~ high ~ "'") -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ selects | join("\nunion all\n") if selects else input_no_rows([('table_name', 'varchar'), ('record_key', 'varchar'), ('person_id', 'bigint'), ('column_name', 'varchar'), ('value', 'date')]) }}
{%- endmacro %}

{#- CORE-INPUT-UNKNOWN-CODE: code values outside a complete code list the contract gives (column meta
    accepted_values), one select per such column of the tables the run's state reads. Values are judged as staging
    gives them (macro staged_columns), so a padded or empty value is not reported as unknown. -#}
{% macro input_unknown_codes() -%}
    {%- set selects = [] -%}
    {%- for table in input_contract_tables().values() if var('state') in table.meta.get('states', []) -%}
        {%- for column in table.columns.values() if column.meta.get('accepted_values') -%}
            {%- set listed = [] -%}
            {%- for value in column.meta['accepted_values'] -%}
                {%- do listed.append("'" ~ value ~ "'") -%}
            {%- endfor -%}
            {%- set quoted = adapter.quote(column.name) -%}
            {%- do selects.append(
                "select '" ~ table.name ~ "' as table_name, " ~ input_record_key(table, 'staged') ~ " as record_key, '"
                ~ column.name ~ "' as column_name, staged." ~ quoted ~ " as value from (select "
                ~ staged_columns(table) | join(", ") ~ " from " ~ source('sis', table.name) ~ ") as staged where staged."
                ~ quoted ~ " not in (" ~ listed | join(", ") ~ ")") -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ selects | join("\nunion all\n") if selects else input_no_rows([('table_name', 'varchar'), ('record_key', 'varchar'), ('column_name', 'varchar'), ('value', 'varchar')]) }}
{%- endmacro %}

-- KIDS-FIELD-COLLECTED layout check: every Kansas KIDS mart has exactly the D1-D77 columns of the layout seed
-- (seeds/reference/ks_kids__fields.csv), in field order. Returns each mismatching position.
-- depends_on: {{ ref('ks_kids__enrl') }}, {{ ref('ks_kids__test') }}, {{ ref('ks_kids__smsc') }}
-- depends_on: {{ ref('ks_kids__milt') }}, {{ ref('ks_kids__eoya') }}, {{ ref('ks_kids__asgt') }}
-- depends_on: {{ ref('ks_kids__exit') }}, {{ ref('ks_kids__qery') }}, {{ ref('ks_kids__sped') }}
{{ config(enabled=var('state', 'ky') == 'ks') }}
with

fields as (
    select * from {{ ref('ks_kids__fields') }}
),

marts as (
    select 'ks_kids__enrl' as table_name
    union all
    select 'ks_kids__test' as table_name
    union all
    select 'ks_kids__smsc' as table_name
    union all
    select 'ks_kids__milt' as table_name
    union all
    select 'ks_kids__eoya' as table_name
    union all
    select 'ks_kids__asgt' as table_name
    union all
    select 'ks_kids__exit' as table_name
    union all
    select 'ks_kids__qery' as table_name
    union all
    select 'ks_kids__sped' as table_name
),

expected as (
    select
        marts.table_name,
        fields.field_number as position,
        fields.column_name
    from marts
    cross join fields
),

actual as (
    select
        table_name,
        ordinal_position as position,
        column_name
    from information_schema.columns
    where
        table_schema = '{{ ref("ks_kids__enrl").schema }}'
        and table_name in (select marts.table_name from marts)
),

mismatches as (
    select
        coalesce(expected.table_name, actual.table_name) as table_name,
        coalesce(expected.position, actual.position) as position,
        expected.column_name as expected_column,
        actual.column_name as actual_column
    from expected
    full outer join actual
        on expected.table_name = actual.table_name and expected.position = actual.position
    where expected.column_name is distinct from actual.column_name
)

select * from mismatches

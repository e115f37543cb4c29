-- One row per KIDS record type: for every D1-D77 column whether the extract collects it (field x extract matrix seed)
-- and its documented default (layout seed). Marts read this instead of the seeds (KIDS-FIELD-COLLECTED, KIDS-FIELD-DEFAULT).
with

fields as (
    select * from {{ ref('ks_kids__fields') }}
),

field_matrix as (
    select * from {{ ref('ks_kids__field_matrix') }}
),

cells as (
    select
        field_matrix.extract_code,
        field_matrix.column_name,
        field_matrix.collected,
        coalesce(fields.default_value, '') as default_value
    from field_matrix
    inner join fields
        on field_matrix.column_name = fields.column_name
),

final as (
    select
        extract_code,
    {%- for column in ks_kids_columns() %}
        coalesce(bool_or(case when column_name = '{{ column }}' then collected end), false) as collects_{{ column }},
        coalesce(max(case when column_name = '{{ column }}' then default_value end), '') as default_{{ column }}
        {{- "," if not loop.last }}
    {%- endfor %}
    from cells
    group by extract_code
)

select * from final

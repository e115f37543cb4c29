-- The district-editable KIDS code maps (seed ks_kids__code_maps), one row per field and source code; read by
-- int_ks_kids__records so no KIDS output code is a literal in SQL.
with

code_maps as (
    select * from {{ ref('ks_kids__code_maps') }}
),

final as (
    select
        field_id,
        source_value,
        coalesce(source_qualifier, '*') as source_qualifier,
        kids_code,
        meaning
    from code_maps
)

select * from final

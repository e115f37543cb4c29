-- Every Kansas KIDS candidate record that is not reported, with its rule id (documented in _ks_kids__models.yml).
with

population as (
    select * from {{ ref('int_ks_kids__population') }}
),

final as (
    select
        extract_name,
        record_key,
        person_id,
        cast(null as integer) as section_id,
        cast(null as integer) as staff_person_id,
        school_id,
        rule_id,
        detail
    from population
    where not is_reported
)

select * from final

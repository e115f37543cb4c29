{#- Follows each enrollment's previous-enrollment link back to the start of its consecutive attendance
    (int_ks_kids__entry_dates, rules KIDS-D18-SCHOOL-ENTRY, KIDS-D19-DISTRICT-ENTRY, KIDS-D20-STATE-ENTRY).
    `relation` needs: enrollment_id, previous_enrollment_id, start_date, the three *_override dates, the three
    *_continues flags and previous_same_school / previous_same_district. A recursive CTE (standard SQL), written as a
    subquery so it can sit inside the model's own WITH list (dbt injects unit-test and ephemeral CTEs into that list). -#}
{% macro kids_entry_date_chain(relation) -%}
    select * from (
        with recursive entry_chain as (
            select
                enrollment_id,
                coalesce(school_entry_date_override, start_date) as school_entry_date,
                coalesce(district_entry_date_override, start_date) as district_entry_date,
                coalesce(state_entry_date_override, start_date) as state_entry_date
            from {{ relation }}
            where previous_enrollment_id is null
            union all
            select
                link.enrollment_id,
                coalesce(
                    link.school_entry_date_override,
                    case when link.school_continues and link.previous_same_school then earlier.school_entry_date end,
                    link.start_date
                ) as school_entry_date,
                coalesce(
                    link.district_entry_date_override,
                    case when link.district_continues and link.previous_same_district then earlier.district_entry_date end,
                    link.start_date
                ) as district_entry_date,
                coalesce(
                    link.state_entry_date_override,
                    case when link.state_continues then earlier.state_entry_date end,
                    link.start_date
                ) as state_entry_date
            from {{ relation }} as link
            inner join entry_chain as earlier
                on link.previous_enrollment_id = earlier.enrollment_id
        )

        select
            entry_chain.enrollment_id,
            entry_chain.school_entry_date,
            entry_chain.district_entry_date,
            entry_chain.state_entry_date
        from entry_chain
    ) as entry_chain_result
{%- endmacro %}

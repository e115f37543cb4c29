-- The exclusion ledger: every candidate record an extract of this run's state does not report, with the rule that
-- excluded it, the reason and the fix. Each extract's <extract>__exclusions model is listed in macro ledger_sources.
{#- var ledger_folders: the mart folders this run built (statereport run --extract sets it); empty = every extract. -#}
{%- set folders = var('ledger_folders') %}
{%- set sources = [] %}
{%- for source in ledger_sources(var('state')) %}
    {%- if folders | length == 0 or source.split('__')[0] in folders %}
        {%- do sources.append(source) %}
    {%- endif %}
{%- endfor %}

with

catalogue as (
    select * from {{ ref('int_rules__catalogue') }}
),

exclusions as (
    {%- for source in sources %}
        select
            extract_name,
            record_key,
            cast(person_id as bigint) as person_id,
            cast(section_id as bigint) as section_id,
            cast(staff_person_id as bigint) as staff_person_id,
            cast(school_id as bigint) as school_id,
            rule_id,
            detail
        from {{ ref(source) }}
        union all
    {%- endfor %}
    -- typed and empty: the ledger has the same shape for a state whose extracts exclude nothing
    select
        cast(null as varchar) as extract_name,
        cast(null as varchar) as record_key,
        cast(null as bigint) as person_id,
        cast(null as bigint) as section_id,
        cast(null as bigint) as staff_person_id,
        cast(null as bigint) as school_id,
        cast(null as varchar) as rule_id,
        cast(null as varchar) as detail
    where false
),

final as (
    select
        exclusions.extract_name,
        exclusions.record_key,
        exclusions.person_id,
        exclusions.section_id,
        exclusions.staff_person_id,
        exclusions.school_id,
        exclusions.rule_id,
        catalogue.description as reason,
        catalogue.how_to_fix,
        catalogue.severity,
        exclusions.detail
    from exclusions
    left join catalogue on exclusions.rule_id = catalogue.rule_id
)

select * from final

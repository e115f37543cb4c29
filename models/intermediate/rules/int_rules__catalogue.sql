-- Every rule id of every extract, from the per-extract catalogue seeds. Ids are never reused (unique test).
-- A new seeds/reference/rule_catalogue__*.csv must be listed here (tests/test_rule_catalogue.py checks).
{%- set catalogues = [
    'rule_catalogue__core',
    'rule_catalogue__ks_kids',
    'rule_catalogue__ks_kids_files',
    'rule_catalogue__ks_kids_rules',
    'rule_catalogue__ks_kids_validation',
    'rule_catalogue__ky_el',
    'rule_catalogue__ky_lead',
    'rule_catalogue__ky_lead_reports',
] %}

with

unioned as (
    {%- for catalogue in catalogues %}
        select
            rule_id,
            extract_name,
            kind,
            severity,
            description,
            how_to_fix,
            spec_reference,
            '{{ catalogue }}' as catalogue
        from {{ ref(catalogue) }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select * from unioned

{#- The exclusions model of every extract, per state: the exclusion ledger unions exactly these.
    tests/test_rule_catalogue.py fails when an *__exclusions model is missing here. -#}
{% macro ledger_sources(state) -%}
    {%- set by_state = {
        'ky': [
            'ky_lead__detail_exclusions',
            'ky_lead__staff_exclusions',
            'ky_el__exclusions',
        ],
        'ks': [
            'ks_kids__exclusions',
        ],
    } -%}
    {{- return(by_state[state]) -}}
{%- endmacro %}

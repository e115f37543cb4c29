{#- The enrollment service type that counts as primary for KIDS (KIDS-D22-MEMBERSHIP winner, D24 truancy,
    one-record and previous-enrollment ties): one place for the code, as a quoted text literal. Not a dbt var:
    the KIDS State Format transmission id is a fingerprint of every var (src/statereport/kids_files.py), so a new
    var would change every TH/TT line of every export. -#}
{% macro ks_kids_primary_service_type() -%}
    'P'
{%- endmacro %}

{#- The enrollment service type that counts as primary (IC Service Type P), as a quoted text literal: one place for the
    code every enrollment choice reads (enrollment_recency_order, overlapping primary enrollments, KY EL reporting
    enrollments, the KIDS membership winner, D24 truancy, one-record and previous-enrollment ties). Not a dbt var:
    the KIDS State Format transmission id is a fingerprint of every var (src/statereport/kids_files.py), so a new var
    would change every TH/TT line of every Kansas export. -#}
{% macro primary_service_type() -%}
    'P'
{%- endmacro %}

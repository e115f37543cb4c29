-- Every record of the nine KIDS record marts, as the State Format files hold them, tagged with the file's record
-- type (the mart it came from), so ks_kids__validation checks what is actually submitted. A table, unlike the other
-- marts: the validation reads it several times per query, and the summary, export and review page query the
-- validation once per rule; as a view every read would rebuild all nine marts.
{{ config(materialized='table') }}
-- The import CTEs and the union are made by Jinja loops, one per record type; sqlfluff cannot lay out loop-made CTEs.
-- noqa: disable=LT02
with

{% for record_type in ks_kids_record_types() %}
{{ record_type | lower }}_records as (
    select * from {{ ref('ks_kids__' ~ record_type | lower) }}
),

{% endfor %}
unioned as (
    {% for record_type in ks_kids_record_types() %}
        select
            '{{ record_type }}' as file_record_type,
            {{ record_type | lower }}_records.*
        from {{ record_type | lower }}_records
        {{ 'union all' if not loop.last }}
    {% endfor %}
)

select * from unioned

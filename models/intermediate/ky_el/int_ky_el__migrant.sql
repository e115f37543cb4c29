-- One row per student with a migrant record: whether the student counts as Migrant for the KY EL Demographics extract,
-- 2019-20 onward (rule EL-DEMO-MIGRANT; the article lost the 'Y' condition, gap G2). var el_migrant_rule:
--   'date_range' (default, spec's interim rule): a record with last qualifying arrival date <= range end and eligibility
--     expiration date (NULL = never expires) >= range start;
--   'migrant_year': a record active for the migrant education year 9/1 (End Year - 1) - 8/31 (End Year), the KECS LEAD
--     Detail definition (arrival <= 8/31 of End Year, expiration NULL or >= 9/1 of End Year - 1).
-- Migrant records are state-created in KY, so records of any district count. Years before
-- el_migrant_calculated_from_end_year report enrollment.migrant as entered (in the mart).
with

migrant_records as (
    select * from {{ ref('stg_sis__migrant') }}
),

{%- set end_year = editor_end_year('el') %}
{%- if var('el_migrant_rule') == 'migrant_year' %}
    {%- set window_start = "cast('" ~ (end_year - 1) ~ "-09-01' as date)" %}
    {%- set window_end = "cast('" ~ end_year ~ "-08-31' as date)" %}
{%- else %}
    {%- set window_start = editor_range_start('el') %}
    {%- set window_end = editor_range_end('el') %}
{%- endif %}

final as (
    select
        person_id,
        count(*) as qualifying_record_count
    from migrant_records
    where
        last_qualifying_arrival_date <= {{ window_end }}
        and coalesce(eligibility_expiration_date >= {{ window_start }}, true)
    group by person_id
)

select * from final

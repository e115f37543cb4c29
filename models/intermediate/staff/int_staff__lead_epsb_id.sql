-- LEAD-STAFF-EPSB-ID: one District Employment record per staff person for the LEAD reporting year, and the EPSB ID it
-- carries (License Number). IC-STAFF: the record with a NULL end date; when all are end-dated, the one with the latest
-- start date that overlaps 7/1-6/30. Only records overlapping the year are candidates (our reading: a NULL-end record
-- that starts after 6/30 is not active in the year); last tie-break highest employment_id (ours).
with

employment as (
    select * from {{ ref('stg_sis__employment') }}
),

licenses_raw as (
    select * from {{ ref('int_staff__employment_license_raw') }}
),

reporting_year as (
    select * from {{ ref('int_lead_reports__reporting_year') }}
),

overlapping as (
    select
        employment.employment_id,
        employment.person_id,
        employment.start_date,
        employment.end_date,
        employment.license_number
    from employment
    cross join reporting_year
    where
        {{ window_overlaps(
            'employment.start_date', 'employment.end_date', 'reporting_year.year_start_date', 'reporting_year.year_end_date'
        ) }}
),

ranked as (
    select
        overlapping.*,
        row_number() over (
            partition by overlapping.person_id
            order by
                case when overlapping.end_date is null then 0 else 1 end,
                overlapping.start_date desc,
                overlapping.employment_id desc
        ) as record_rank
    from overlapping
),

selected as (
    select
        ranked.person_id,
        ranked.employment_id,
        ranked.start_date as employment_start_date,
        ranked.end_date as employment_end_date,
        ranked.license_number as epsb_id,
        licenses_raw.license_number_raw as epsb_id_raw,
        coalesce(licenses_raw.has_outer_whitespace, false) as epsb_id_has_outer_whitespace
    from ranked
    left join licenses_raw on ranked.employment_id = licenses_raw.employment_id
    where ranked.record_rank = 1
)

select * from selected

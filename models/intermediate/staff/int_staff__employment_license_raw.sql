-- The District Employment License Number (KY EPSB ID) exactly as the district exported it. Staging trims text, so
-- leading/trailing spaces (KDE: "be careful NOT to include leading or trailing spaces", seed 001 error #1) can only be
-- seen here, on the raw table. Used by LEAD-ISSUE-04 and LEAD-ISSUE-16.
with

source_employment as (
    select * from {{ source('sis', 'employment') }}
),

licenses as (
    select
        employment_id,
        person_id,
        license_number as license_number_raw,
        coalesce(license_number <> trim(license_number), false) as has_outer_whitespace
    from source_employment
)

select * from licenses

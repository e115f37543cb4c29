-- Staging for raw migrant: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'migrant') }}
),

cleaned as (
    select
        migrant_id,
        person_id,
        district_id,
        last_qualifying_arrival_date,
        eligibility_expiration_date
    from source
)

select * from cleaned

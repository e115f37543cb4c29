-- Staging for raw employment: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'employment') }}
),

cleaned as (
    select
        employment_id,
        person_id,
        district_id,
        start_date,
        end_date,
        {{ clean_text('license_number') }} as license_number
    from source
)

select * from cleaned

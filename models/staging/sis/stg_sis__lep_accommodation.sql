-- Staging for raw lep_accommodation: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'lep_accommodation') }}
),

cleaned as (
    select
        lep_accommodation_id,
        person_id,
        district_id,
        {{ clean_text('accommodation_code') }} as accommodation_code,
        {{ clean_text('type') }} as type,
        start_date,
        end_date
    from source
)

select * from cleaned

-- Staging for raw district: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'district') }}
),

cleaned as (
    select
        district_id,
        {{ clean_text('number') }} as number,
        {{ clean_text('name') }} as name,
        {{ clean_text('state') }} as state,
        county_id
    from source
)

select * from cleaned

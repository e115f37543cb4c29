-- Staging for raw county: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'county') }}
),

cleaned as (
    select
        county_id,
        {{ clean_text('name') }} as name,
        {{ clean_text('code') }} as code,
        {{ clean_text('state') }} as state
    from source
)

select * from cleaned

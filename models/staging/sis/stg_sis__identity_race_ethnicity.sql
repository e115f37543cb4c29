-- Staging for raw identity_race_ethnicity: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'identity_race_ethnicity') }}
),

cleaned as (
    select
        identity_id,
        {{ clean_text('race_code') }} as race_code
    from source
)

select * from cleaned

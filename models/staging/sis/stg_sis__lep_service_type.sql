-- Staging for raw lep_service_type: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'lep_service_type') }}
),

cleaned as (
    select
        lep_service_type_id,
        {{ clean_text('code') }} as code,
        {{ clean_text('name') }} as name,
        {{ clean_text('state_code') }} as state_code
    from source
)

select * from cleaned

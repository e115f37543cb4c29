-- Staging for raw campus_dictionary: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'campus_dictionary') }}
),

cleaned as (
    select
        attribute_id,
        {{ clean_text('code') }} as code,
        {{ clean_text('name') }} as name
    from source
)

select * from cleaned

-- Staging for raw campus_attribute: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'campus_attribute') }}
),

cleaned as (
    select
        attribute_id,
        {{ clean_text('object') }} as object,
        {{ clean_text('element') }} as element,
        {{ clean_text('name') }} as name
    from source
)

select * from cleaned

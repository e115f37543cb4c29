-- Staging for raw school: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'school') }}
),

cleaned as (
    select
        school_id,
        district_id,
        {{ clean_text('number') }} as number,
        {{ clean_text('name') }} as name,
        {{ clean_text('state_classification') }} as state_classification,
        {{ clean_text('county') }} as county
    from source
)

select * from cleaned

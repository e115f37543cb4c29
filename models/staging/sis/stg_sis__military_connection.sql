-- Staging for raw military_connection: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'military_connection') }}
),

cleaned as (
    select
        military_connection_id,
        person_id,
        district_id,
        {{ clean_text('status') }} as status,
        start_date,
        end_date
    from source
)

select * from cleaned

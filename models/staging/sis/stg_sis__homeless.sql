-- Staging for raw homeless: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'homeless') }}
),

cleaned as (
    select
        homeless_id,
        person_id,
        district_id,
        start_date,
        end_date,
        {{ clean_text('primary_nighttime_residence') }} as primary_nighttime_residence,
        unaccompanied_youth
    from source
)

select * from cleaned

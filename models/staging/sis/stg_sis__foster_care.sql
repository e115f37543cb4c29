-- Staging for raw foster_care: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'foster_care') }}
),

cleaned as (
    select
        foster_care_id,
        person_id,
        district_id,
        start_date,
        end_date
    from source
)

select * from cleaned

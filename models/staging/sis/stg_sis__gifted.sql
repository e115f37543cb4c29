-- Staging for raw gifted: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'gifted') }}
),

cleaned as (
    select
        gifted_id,
        person_id,
        district_id,
        {{ clean_text('category') }} as category,
        {{ clean_text('program_status') }} as program_status,
        start_date,
        end_date
    from source
)

select * from cleaned

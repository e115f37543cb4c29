-- Staging for raw school_year: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'school_year') }}
),

cleaned as (
    select
        end_year,
        start_year,
        {{ clean_text('label') }} as label,
        start_date,
        end_date,
        active
    from source
)

select * from cleaned

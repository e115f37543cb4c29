-- Staging for raw term: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'term') }}
),

cleaned as (
    select
        term_id,
        term_schedule_id,
        {{ clean_text('name') }} as name,
        seq,
        start_date,
        end_date
    from source
)

select * from cleaned

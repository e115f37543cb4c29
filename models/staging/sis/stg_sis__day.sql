-- Staging for raw day: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'day') }}
),

cleaned as (
    select
        calendar_id,
        structure_id,
        date,
        school_day,
        instruction,
        period_schedule_id
    from source
)

select * from cleaned

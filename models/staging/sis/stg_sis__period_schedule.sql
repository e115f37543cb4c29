-- Staging for raw period_schedule: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'period_schedule') }}
),

cleaned as (
    select
        period_schedule_id,
        structure_id,
        {{ clean_text('name') }} as name
    from source
)

select * from cleaned

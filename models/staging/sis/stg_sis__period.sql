-- Staging for raw period: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'period') }}
),

cleaned as (
    select
        period_id,
        period_schedule_id,
        {{ clean_text('name') }} as name,
        seq,
        period_minutes,
        non_instructional,
        lunch,
        {{ clean_text('start_time') }} as start_time,
        {{ clean_text('end_time') }} as end_time
    from source
)

select * from cleaned

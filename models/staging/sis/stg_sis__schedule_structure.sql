-- Staging for raw schedule_structure: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'schedule_structure') }}
),

cleaned as (
    select
        structure_id,
        calendar_id,
        {{ clean_text('name') }} as name
    from source
)

select * from cleaned

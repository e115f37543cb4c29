-- Staging for raw attendance_excuse: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'attendance_excuse') }}
),

cleaned as (
    select
        excuse_id,
        calendar_id,
        {{ clean_text('code') }} as code,
        {{ clean_text('description') }} as description,
        {{ clean_text('status') }} as status,
        {{ clean_text('excuse') }} as excuse
    from source
)

select * from cleaned

-- Staging for raw attendance: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'attendance') }}
),

cleaned as (
    select
        attendance_id,
        person_id,
        calendar_id,
        period_id,
        date,
        {{ clean_text('status') }} as status,
        {{ clean_text('excuse') }} as excuse,
        excuse_id,
        present_minutes
    from source
)

select * from cleaned

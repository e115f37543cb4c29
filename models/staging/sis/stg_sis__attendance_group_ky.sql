-- Staging for raw attendance_group_ky: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'attendance_group_ky') }}
),

cleaned as (
    select
        attendance_group_id,
        enrollment_id,
        person_id,
        {{ clean_text('group_category') }} as group_category,
        start_date,
        end_date
    from source
)

select * from cleaned

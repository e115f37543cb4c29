-- Staging for raw section_staff_history: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'section_staff_history') }}
),

cleaned as (
    select
        history_id,
        section_id,
        trial_id,
        person_id,
        {{ clean_text('staff_type') }} as staff_type,
        {{ clean_text('role') }} as role,
        assignment_id,
        start_date,
        end_date
    from source
)

select * from cleaned

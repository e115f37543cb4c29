-- Staging for raw person: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'person') }}
),

cleaned as (
    select
        person_id,
        current_identity_id,
        {{ clean_text('state_id') }} as state_id,
        {{ clean_text('student_number') }} as student_number,
        {{ clean_text('staff_number') }} as staff_number,
        {{ clean_text('staff_state_id') }} as staff_state_id
    from source
)

select * from cleaned

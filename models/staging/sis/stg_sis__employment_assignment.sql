-- Staging for raw employment_assignment: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'employment_assignment') }}
),

cleaned as (
    select
        assignment_id,
        person_id,
        district_id,
        school_id,
        start_date,
        end_date,
        {{ clean_text('title') }} as title,
        teacher,
        "primary",
        counselor,
        supervisor,
        substitute,
        {{ clean_text('type') }} as type,
        {{ clean_text('alt_type') }} as alt_type,
        {{ clean_text('employee_type') }} as employee_type
    from source
)

select * from cleaned

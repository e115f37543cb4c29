-- Staging for raw grade_level: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'grade_level') }}
),

cleaned as (
    select
        calendar_id,
        structure_id,
        {{ clean_text('name') }} as name,
        {{ clean_text('state_grade') }} as state_grade,
        exclude_enrollment,
        half_day_absence,
        whole_day_absence
    from source
)

select * from cleaned

-- Staging for raw course: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'course') }}
),

cleaned as (
    select
        course_id,
        calendar_id,
        course_master_id,
        {{ clean_text('number') }} as number,
        {{ clean_text('name') }} as name,
        active,
        {{ clean_text('state_code') }} as state_code,
        {{ clean_text('teaching_method') }} as teaching_method,
        {{ clean_text('instructional_setting') }} as instructional_setting,
        responsive,
        {{ clean_text('type') }} as type,
        {{ clean_text('difficulty_level') }} as difficulty_level,
        homeroom,
        {{ clean_text('kids_subject') }} as kids_subject
    from source
)

select * from cleaned

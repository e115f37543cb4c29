-- Staging for raw custom_course: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'custom_course') }}
),

cleaned as (
    select
        course_id,
        attribute_id,
        {{ clean_text('value') }} as value
    from source
)

select * from cleaned

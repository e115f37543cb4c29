-- Staging for raw section: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'section') }}
),

cleaned as (
    select
        section_id,
        course_id,
        trial_id,
        number,
        teacher_person_id,
        homeroom_section,
        {{ clean_text('core_content') }} as core_content,
        {{ clean_text('instructional_setting') }} as instructional_setting,
        {{ clean_text('special_type') }} as special_type,
        {{ clean_text('cross_site_enrollment') }} as cross_site_enrollment
    from source
)

select * from cleaned

-- Staging for raw kecs_state_course_code: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'kecs_state_course_code') }}
),

cleaned as (
    select
        {{ clean_text('state_course_code') }} as state_course_code,
        {{ clean_text('name') }} as name,
        {{ clean_text('lead_content_area') }} as lead_content_area,
        {{ clean_text('grade_band') }} as grade_band,
        {{ clean_text('low_grade') }} as low_grade,
        {{ clean_text('high_grade') }} as high_grade,
        {{ clean_text('populations') }} as populations,
        start_year,
        end_year,
        required_years_of_experience
    from source
)

select * from cleaned

-- Staging for raw kecs_credential_permission: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'kecs_credential_permission') }}
),

cleaned as (
    select
        {{ clean_text('epsb_id') }} as epsb_id,
        {{ clean_text('credential_code') }} as credential_code,
        {{ clean_text('content') }} as content,
        {{ clean_text('job_function') }} as job_function,
        {{ clean_text('population') }} as population,
        {{ clean_text('low_grade') }} as low_grade,
        {{ clean_text('high_grade') }} as high_grade
    from source
)

select * from cleaned

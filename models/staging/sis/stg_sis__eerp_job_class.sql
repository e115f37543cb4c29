-- Staging for raw eerp_job_class: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'eerp_job_class') }}
),

cleaned as (
    select
        {{ clean_text('epsb_id') }} as epsb_id,
        {{ clean_text('job_class_code') }} as job_class_code
    from source
)

select * from cleaned

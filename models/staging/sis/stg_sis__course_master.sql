-- Staging for raw course_master: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'course_master') }}
),

cleaned as (
    select
        course_master_id,
        catalog_id,
        {{ clean_text('number') }} as number,
        {{ clean_text('name') }} as name
    from source
)

select * from cleaned

-- Staging for raw course_catalog: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'course_catalog') }}
),

cleaned as (
    select
        catalog_id,
        district_id,
        {{ clean_text('name') }} as name
    from source
)

select * from cleaned

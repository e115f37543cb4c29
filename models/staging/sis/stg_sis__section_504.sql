-- Staging for raw section_504: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'section_504') }}
),

cleaned as (
    select
        section504_id,
        person_id,
        district_id,
        start_date,
        end_date
    from source
)

select * from cleaned

-- Staging for raw term_schedule: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'term_schedule') }}
),

cleaned as (
    select
        term_schedule_id,
        structure_id
    from source
)

select * from cleaned

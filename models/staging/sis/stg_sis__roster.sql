-- Staging for raw roster: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'roster') }}
),

cleaned as (
    select
        roster_id,
        person_id,
        section_id,
        trial_id,
        start_date,
        end_date
    from source
)

select * from cleaned

-- Staging for raw section_placement: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'section_placement') }}
),

cleaned as (
    select
        section_id,
        trial_id,
        term_id,
        period_id
    from source
)

select * from cleaned

-- Staging for raw trial: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'trial') }}
),

cleaned as (
    select
        trial_id,
        calendar_id,
        structure_id,
        {{ clean_text('name') }} as name,
        active
    from source
)

select * from cleaned

-- Staging for raw plan_type: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'plan_type') }}
),

cleaned as (
    select
        type_id,
        {{ clean_text('name') }} as name,
        {{ clean_text('abbreviation') }} as abbreviation,
        {{ clean_text('module') }} as module,
        active
    from source
)

select * from cleaned

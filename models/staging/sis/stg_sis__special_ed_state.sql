-- Staging for raw special_ed_state: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'special_ed_state') }}
),

cleaned as (
    select
        special_ed_state_id,
        person_id,
        district_id,
        {{ clean_text('primary_disability') }} as primary_disability,
        {{ clean_text('secondary_disability') }} as secondary_disability,
        start_date,
        end_date,
        exit_date,
        {{ clean_text('exit_reason') }} as exit_reason
    from source
)

select * from cleaned

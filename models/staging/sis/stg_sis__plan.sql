-- Staging for raw plan: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'plan') }}
),

cleaned as (
    select
        plan_id,
        person_id,
        type_id,
        district_id,
        start_date,
        end_date,
        locked,
        {{ clean_text('primary_disability') }} as primary_disability,
        {{ clean_text('special_ed_status') }} as special_ed_status,
        {{ clean_text('special_ed_setting') }} as special_ed_setting
    from source
)

select * from cleaned

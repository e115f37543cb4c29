-- Staging for raw team_member: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'team_member') }}
),

cleaned as (
    select
        team_member_id,
        person_id,
        staff_person_id,
        district_id,
        {{ clean_text('module') }} as module,
        {{ clean_text('role') }} as role,
        start_date,
        end_date
    from source
)

select * from cleaned

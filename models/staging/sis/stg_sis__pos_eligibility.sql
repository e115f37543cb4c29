-- Staging for raw pos_eligibility: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'pos_eligibility') }}
),

cleaned as (
    select
        eligibility_id,
        person_id,
        district_id,
        end_year,
        {{ clean_text('eligibility') }} as eligibility,
        {{ clean_text('source') }} as source,
        start_date,
        end_date
    from source
)

select * from cleaned

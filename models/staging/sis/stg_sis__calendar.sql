-- Staging for raw calendar: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'calendar') }}
),

cleaned as (
    select
        calendar_id,
        school_id,
        district_id,
        end_year,
        {{ clean_text('name') }} as name,
        {{ clean_text('number') }} as number,
        start_date,
        end_date,
        summer_school,
        exclude,
        half_day_absence,
        whole_day_absence
    from source
)

select * from cleaned

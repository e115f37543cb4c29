-- Staging for raw lep: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'lep') }}
),

cleaned as (
    select
        lep_id,
        person_id,
        district_id,
        {{ clean_text('program_status') }} as program_status,
        identified_date,
        exit_date,
        first_year_monitoring,
        second_year_monitoring,
        sit_exited_no_monitor
    from source
)

select * from cleaned

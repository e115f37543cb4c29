-- Staging for raw lep_service: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'lep_service') }}
),

cleaned as (
    select
        lep_service_id,
        person_id,
        district_id,
        lep_service_type_id,
        start_date,
        end_date,
        service_minutes,
        parent_refused_services
    from source
)

select * from cleaned

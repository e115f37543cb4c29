-- Every EL service with its service type and its assumed end date: a service with no end date runs to the last
-- instructional day of the school year of the student's most recent enrollment (rule EL-P5; seed 003). A student with no
-- enrollment (or a calendar with no instructional days) keeps an open end. Shared by the KY EL extract and KS KIDS ESOL logic.
with

services as (
    select * from {{ ref('stg_sis__lep_service') }}
),

service_types as (
    select * from {{ ref('stg_sis__lep_service_type') }}
),

most_recent_enrollment as (
    select * from {{ ref('int_el__most_recent_enrollment') }}
),

final as (
    select
        services.lep_service_id,
        services.person_id,
        services.district_id,
        services.lep_service_type_id,
        service_types.code as service_type_code,
        service_types.name as service_type_name,
        service_types.state_code as service_state_code,
        services.start_date,
        services.end_date,
        coalesce(services.end_date, most_recent_enrollment.last_instructional_day) as assumed_end_date,
        services.service_minutes,
        coalesce(services.parent_refused_services, false) as is_parent_refused
    from services
    left join service_types
        on services.lep_service_type_id = service_types.lep_service_type_id
    left join most_recent_enrollment
        on services.person_id = most_recent_enrollment.person_id
)

select * from final

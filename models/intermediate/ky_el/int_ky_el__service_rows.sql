-- One row per candidate student, district and unique EL service (the KY EL Services extract's grain; specs/ky_el_extract.md
-- §9, rule EL-SVC-EL-SERVICE): a student's services recorded by the district (or with no district) collapse to one row
-- per service type code and start date (the "unique service" key is not stated; this is the spec's assumption), keeping
-- the one with the latest assumed end date, then the highest id. The row's verdict: rule_id NULL = reported; else the
-- student's Services exclusion (int_ky_el__candidates.services_rule_id), or EL-P5 when this service does not overlap the
-- date range (start <= range end, assumed end NULL or >= range start).
with

candidates as (
    select * from {{ ref('int_ky_el__candidates') }}
),

services as (
    select * from {{ ref('int_el__services') }}
),

candidate_services as (
    select
        candidates.person_id,
        candidates.district_id,
        candidates.services_rule_id,
        services.lep_service_id,
        services.service_type_code,
        services.service_type_name,
        services.start_date,
        services.end_date,
        services.assumed_end_date,
        {{ window_overlaps(
            'services.start_date', 'services.assumed_end_date', editor_range_start('el'), editor_range_end('el')
        ) }} as is_in_range,
        row_number() over (
            partition by candidates.person_id, candidates.district_id, services.service_type_code, services.start_date
            order by services.assumed_end_date desc nulls first, services.lep_service_id desc
        ) as duplicate_rank
    from candidates
    inner join services
        on
            candidates.person_id = services.person_id
            and coalesce(services.district_id, candidates.district_id) = candidates.district_id
),

final as (
    select
        person_id,
        district_id,
        lep_service_id,
        service_type_code,
        service_type_name,
        start_date,
        end_date,
        assumed_end_date,
        is_in_range,
        coalesce(services_rule_id, case when not is_in_range then 'EL-P5' end) as rule_id
    from candidate_services
    where duplicate_rank = 1
)

select * from final

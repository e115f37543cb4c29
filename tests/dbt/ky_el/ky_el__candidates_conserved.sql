{{ config(enabled=var('state', 'ky') == 'ky', tags=['ky', 'run_check']) }}

-- Nothing is lost (CONTRIBUTING.md): for each KY EL file, candidates = reported + excluded. Returns a row per file that
-- does not add up.
with

candidates as (
    select
        'EL_Extract_Demographics' as extract_name,
        count(*) as candidate_count
    from {{ ref('int_ky_el__candidates') }}
    union all
    select
        'EL_Extract_Services' as extract_name,
        count(*) as candidate_count
    from {{ ref('int_ky_el__service_rows') }}
),

reported as (
    select
        'EL_Extract_Demographics' as extract_name,
        count(*) as reported_count
    from {{ ref('ky_el__demographics') }}
    union all
    select
        'EL_Extract_Services' as extract_name,
        count(*) as reported_count
    from {{ ref('ky_el__services') }}
),

excluded as (
    select
        extract_name,
        count(*) as excluded_count
    from {{ ref('ky_el__exclusions') }}
    group by extract_name
),

final as (
    select
        candidates.extract_name,
        candidates.candidate_count,
        reported.reported_count,
        coalesce(excluded.excluded_count, 0) as excluded_count
    from candidates
    inner join reported
        on candidates.extract_name = reported.extract_name
    left join excluded
        on candidates.extract_name = excluded.extract_name
    where candidates.candidate_count != reported.reported_count + coalesce(excluded.excluded_count, 0)
)

select * from final

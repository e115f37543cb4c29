-- KIDS-CONSERVATION: for every KIDS record type, candidates = reported records + excluded records.
-- Returns each extract whose counts do not add up.
{{ config(enabled=var('state', 'ky') == 'ks', tags=['run_check']) }}
with

candidates as (
    select
        extract_code,
        count(*) as candidate_count
    from {{ ref('int_ks_kids__candidates') }}
    group by extract_code
),

excluded as (
    select
        replace(extract_name, 'KIDS_', '') as extract_code,
        count(*) as excluded_count
    from {{ ref('ks_kids__exclusions') }}
    group by extract_name
),

reported as (
    select
        'ENRL' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__enrl') }}

    union all

    select
        'TEST' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__test') }}

    union all

    select
        'SMSC' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__smsc') }}

    union all

    select
        'MILT' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__milt') }}

    union all

    select
        'EOYA' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__eoya') }}

    union all

    select
        'ASGT' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__asgt') }}

    union all

    select
        'EXIT' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__exit') }}

    union all

    select
        'QERY' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__qery') }}

    union all

    select
        'SPED' as extract_code,
        count(*) as reported_count
    from {{ ref('ks_kids__sped') }}
),

balance as (
    select
        reported.extract_code,
        coalesce(candidates.candidate_count, 0) as candidate_count,
        reported.reported_count,
        coalesce(excluded.excluded_count, 0) as excluded_count
    from reported
    left join candidates
        on reported.extract_code = candidates.extract_code
    left join excluded
        on reported.extract_code = excluded.extract_code
)

select * from balance
where candidate_count != reported_count + excluded_count

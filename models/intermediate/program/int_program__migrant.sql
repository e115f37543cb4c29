-- KECS LEAD Migrant per enrollment (rule LEAD-DETAIL-MIGRANT): a migrant record active in the migrant education year
-- 9/1 of End Year - 1 to 8/31 of End Year (arrival <= 8/31, expiration >= 9/1 or none) that overlaps the enrollment
-- (effective end >= arrival and start <= expiration).
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

migrant as (
    select * from {{ ref('stg_sis__migrant') }}
),

windows as (
    select
        enrollment_id,
        person_id,
        start_date,
        effective_end_date,
        cast(cast(end_year - 1 as varchar) || '-09-01' as date) as migrant_year_start,
        cast(cast(end_year as varchar) || '-08-31' as date) as migrant_year_end
    from enrollments
),

qualifying as (
    select distinct windows.enrollment_id
    from windows
    inner join migrant
        on windows.person_id = migrant.person_id
    where
        migrant.last_qualifying_arrival_date <= windows.migrant_year_end
        and (migrant.eligibility_expiration_date is null or migrant.eligibility_expiration_date >= windows.migrant_year_start)
        and windows.effective_end_date >= migrant.last_qualifying_arrival_date
        and (migrant.eligibility_expiration_date is null or windows.start_date <= migrant.eligibility_expiration_date)
),

final as (
    select
        enrollments.enrollment_id,
        qualifying.enrollment_id is not null as is_migrant
    from enrollments
    left join qualifying
        on enrollments.enrollment_id = qualifying.enrollment_id
)

select * from final

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

-- Active in the migrant year and overlapping the enrollment: the record's window runs from its last qualifying arrival
-- to its eligibility expiration (none = not expired).
qualifying as (
    {{ enrollments_with_program_record('migrant', match='person', enrollments='windows') }}
    where
        {{ window_overlaps(
            'migrant.last_qualifying_arrival_date', 'migrant.eligibility_expiration_date',
            'windows.migrant_year_start', 'windows.migrant_year_end',
            unknown_start_counts=false
        ) }}
        and {{ overlaps_enrollment(
            'migrant', start='last_qualifying_arrival_date', end='eligibility_expiration_date', enrollments='windows'
        ) }}
),

final as (
    {{ program_flag('is_migrant') }}
)

select * from final

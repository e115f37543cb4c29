-- KECS LEAD Military Connected per enrollment (rule LEAD-DETAIL-MILITARY): a military connection of the enrollment's district
-- with a status of seeds/reference/ky_lead__military_statuses.csv ('Active Duty, Deployed' or 'Active Duty, Not
-- Deployed', any case) that overlaps the enrollment's school year (CORE-WINDOW-SCHOOL-YEAR: starting on or before 6/30 of
-- the End Year and ending on or after 7/1 of the start year, or not ended). A NULL start date counts as "before".
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

connections as (
    select * from {{ ref('stg_sis__military_connection') }}
),

military_statuses as (
    select * from {{ ref('ky_lead__military_statuses') }}
),

qualifying as (
    {{ enrollments_with_program_record('connections') }}
    where
        lower(connections.status) in (select lower(military_statuses.status) from military_statuses)
        and {{ window_overlaps(
            'connections.start_date', 'connections.end_date',
            school_year_start('enrollments.end_year'), school_year_end('enrollments.end_year')
        ) }}
),

final as (
    {{ program_flag('is_military_connected') }}
)

select * from final

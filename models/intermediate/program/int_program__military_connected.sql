-- KECS LEAD Military Connected per enrollment (rule LEAD-DETAIL-MILITARY): a military connection of the enrollment's district
-- with status 'Active Duty, Deployed' or 'Active Duty, Not Deployed', starting before 7/1 of the End Year and ending after
-- 6/30 of the start year (End Year - 1) or not ended. A NULL start date counts as "before".
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

connections as (
    select * from {{ ref('stg_sis__military_connection') }}
),

qualifying as (
    select distinct enrollments.enrollment_id
    from enrollments
    inner join connections
        on
            enrollments.person_id = connections.person_id
            and enrollments.district_id = connections.district_id
    where
        lower(connections.status) in ('active duty, deployed', 'active duty, not deployed')
        and (
            connections.start_date is null
            or connections.start_date < cast(cast(enrollments.end_year as varchar) || '-07-01' as date)
        )
        and (
            connections.end_date is null
            or connections.end_date > cast(cast(enrollments.end_year - 1 as varchar) || '-06-30' as date)
        )
),

final as (
    select
        enrollments.enrollment_id,
        qualifying.enrollment_id is not null as is_military_connected
    from enrollments
    left join qualifying
        on enrollments.enrollment_id = qualifying.enrollment_id
)

select * from final

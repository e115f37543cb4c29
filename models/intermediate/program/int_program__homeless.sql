-- KECS LEAD Homeless per enrollment (rule LEAD-DETAIL-HOMELESS): any homeless record of the enrollment's district that
-- overlaps the enrollment (start <= effective end, end NULL or >= enrollment start).
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

homeless as (
    select * from {{ ref('stg_sis__homeless') }}
),

qualifying as (
    select distinct enrollments.enrollment_id
    from enrollments
    inner join homeless
        on
            enrollments.person_id = homeless.person_id
            and enrollments.district_id = homeless.district_id
    where
        homeless.start_date <= enrollments.effective_end_date
        and (homeless.end_date is null or homeless.end_date >= enrollments.start_date)
),

final as (
    select
        enrollments.enrollment_id,
        qualifying.enrollment_id is not null as is_homeless
    from enrollments
    left join qualifying
        on enrollments.enrollment_id = qualifying.enrollment_id
)

select * from final

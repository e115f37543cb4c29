-- KECS LEAD Economically Disadvantaged per enrollment (rule LEAD-DETAIL-ECON-DISADV): of the FRAM records of the
-- enrollment's district whose dates cover the enrollment's effective end date, those with the most recent start date;
-- 1 when any of them is 'F' (Free, 4103) or 'R' (Reduced, 4104).
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

eligibility as (
    select * from {{ ref('stg_sis__pos_eligibility') }}
),

covering as (
    select
        enrollments.enrollment_id,
        eligibility.eligibility,
        rank() over (partition by enrollments.enrollment_id order by eligibility.start_date desc) as start_rank
    from enrollments
    inner join eligibility
        on
            enrollments.person_id = eligibility.person_id
            and enrollments.district_id = eligibility.district_id
    where
        eligibility.start_date <= enrollments.effective_end_date
        and (eligibility.end_date is null or eligibility.end_date >= enrollments.effective_end_date)
),

qualifying as (
    select distinct enrollment_id
    from covering
    where start_rank = 1 and eligibility in ('F', 'R')
),

final as (
    select
        enrollments.enrollment_id,
        qualifying.enrollment_id is not null as is_economically_disadvantaged
    from enrollments
    left join qualifying
        on enrollments.enrollment_id = qualifying.enrollment_id
)

select * from final

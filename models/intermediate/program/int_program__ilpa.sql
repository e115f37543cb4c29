-- KECS LEAD Alternative Education ILPA per enrollment (rule LEAD-DETAIL-ILPA): a locked plan of plan type module 'alp' that
-- overlaps the enrollment at any time (plan start <= effective end, plan end >= enrollment start; open plan end counts).
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

plans as (
    select * from {{ ref('stg_sis__plan') }}
),

plan_types as (
    select * from {{ ref('stg_sis__plan_type') }}
),

qualifying as (
    select distinct enrollments.enrollment_id
    from enrollments
    inner join plans
        on enrollments.person_id = plans.person_id
    inner join plan_types
        on plans.type_id = plan_types.type_id
    where
        lower(plan_types.module) = 'alp'
        and coalesce(plans.locked, false)
        and plans.start_date <= enrollments.effective_end_date
        and (plans.end_date is null or plans.end_date >= enrollments.start_date)
),

final as (
    select
        enrollments.enrollment_id,
        qualifying.enrollment_id is not null as is_ilpa
    from enrollments
    left join qualifying
        on enrollments.enrollment_id = qualifying.enrollment_id
)

select * from final

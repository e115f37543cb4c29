-- Every locked special-education plan (KY IEP: plan_type.module 'specialed', plan.locked) with its selection order per student.
-- To take "the qualifying plan at date D": keep plans with start_date <= D and (end_date NULL or >= D), then the lowest
-- selection_rank (latest end date, an open end counting as latest; then latest start date; then highest plan id).
-- Rules LEAD-DETAIL-DISABILITY-SECTION and LEAD-DETAIL-DISABILITY-ENROLLMENT.
with

plans as (
    select * from {{ ref('stg_sis__plan') }}
),

plan_types as (
    select * from {{ ref('stg_sis__plan_type') }}
),

locked_ieps as (
    select
        plans.plan_id,
        plans.person_id,
        plans.district_id,
        plans.start_date,
        plans.end_date,
        plans.primary_disability,
        plans.special_ed_status,
        plans.special_ed_setting
    from plans
    inner join plan_types
        on plans.type_id = plan_types.type_id
    where
        lower(plan_types.module) = 'specialed'
        and coalesce(plans.locked, false)
),

final as (
    select
        *,
        row_number() over (
            partition by person_id
            order by end_date desc nulls first, start_date desc nulls last, plan_id desc
        ) as selection_rank
    from locked_ieps
)

select * from final

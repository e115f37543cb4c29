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

alp_plans as (
    select plans.*
    from plans
    inner join plan_types
        on plans.type_id = plan_types.type_id
    where
        lower(plan_types.module) = 'alp'
        and coalesce(plans.locked, false)
),

qualifying as (
    {{ enrollments_with_program_record('alp_plans', match='person') }}
    where
        {{ overlaps_enrollment('alp_plans') }}
),

final as (
    {{ program_flag('is_ilpa') }}
)

select * from final

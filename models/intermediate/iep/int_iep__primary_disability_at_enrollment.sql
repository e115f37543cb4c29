-- KECS LEAD "Primary Disability Enrollment" for every enrollment (rule LEAD-DETAIL-DISABILITY-ENROLLMENT): the locked IEP
-- valid at the earlier of the run date and the enrollment's effective end date (null end => earliest of last instructional
-- day and run date); reported only when its Primary Disability, Special Ed Status and Special Ed Setting are all present.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

plans as (
    select * from {{ ref('int_iep__locked_plans') }}
),

reference_dates as (
    select
        enrollment_id,
        person_id,
        case
            when effective_end_date < {{ report_run_date() }} then effective_end_date
            else {{ report_run_date() }}
        end as reference_date
    from enrollments
),

valid_plans as (
    select
        reference_dates.enrollment_id,
        plans.plan_id,
        plans.primary_disability,
        plans.special_ed_status,
        plans.special_ed_setting,
        row_number() over (partition by reference_dates.enrollment_id order by plans.selection_rank) as plan_rank
    from reference_dates
    inner join plans
        on
            reference_dates.person_id = plans.person_id
            and (plans.start_date is null or reference_dates.reference_date >= plans.start_date)
            and (plans.end_date is null or reference_dates.reference_date <= plans.end_date)
),

final as (
    select
        reference_dates.enrollment_id,
        reference_dates.reference_date,
        valid_plans.plan_id,
        case
            when
                valid_plans.primary_disability is not null
                and valid_plans.special_ed_status is not null
                and valid_plans.special_ed_setting is not null
                then valid_plans.primary_disability
        end as primary_disability_enrollment
    from reference_dates
    left join valid_plans
        on
            reference_dates.enrollment_id = valid_plans.enrollment_id
            and valid_plans.plan_rank = 1
)

select * from final

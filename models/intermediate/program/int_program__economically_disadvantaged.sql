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
        on {{ program_record_matches('eligibility', 'person_and_district') }}
    -- covers the effective end date: a window of that one day
    where
        {{ window_overlaps(
            'eligibility.start_date', 'eligibility.end_date',
            'enrollments.effective_end_date', 'enrollments.effective_end_date',
            unknown_start_counts=false
        ) }}
),

qualifying as (
    select distinct enrollment_id
    from covering
    where start_rank = 1 and eligibility in ('F', 'R')
),

final as (
    {{ program_flag('is_economically_disadvantaged') }}
)

select * from final

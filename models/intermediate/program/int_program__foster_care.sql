-- KECS LEAD Foster Care per enrollment (rule LEAD-DETAIL-FOSTER-CARE): a state-created foster care record (district_id NULL)
-- that overlaps the enrollment (start <= effective end, end NULL or >= enrollment start). When several overlap the spec picks
-- the latest end date; the flag is the same either way.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

foster_care as (
    select * from {{ ref('stg_sis__foster_care') }}
),

qualifying as (
    select distinct enrollments.enrollment_id
    from enrollments
    inner join foster_care
        on enrollments.person_id = foster_care.person_id
    where
        foster_care.district_id is null
        and foster_care.start_date <= enrollments.effective_end_date
        and (foster_care.end_date is null or foster_care.end_date >= enrollments.start_date)
),

final as (
    select
        enrollments.enrollment_id,
        qualifying.enrollment_id is not null as is_foster_care
    from enrollments
    left join qualifying
        on enrollments.enrollment_id = qualifying.enrollment_id
)

select * from final

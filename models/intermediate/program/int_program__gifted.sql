-- KECS LEAD Gifted per enrollment (rule LEAD-DETAIL-GIFTED): a gifted record of the enrollment's district whose start is
-- on/before the run date (open enrollment) or on/before the enrollment end date (ended enrollment); grade <= 03 requires
-- category 12, grade > 03 any other category. Grade = the enrollment's state grade in the KECS grade order.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

gifted as (
    select * from {{ ref('stg_sis__gifted') }}
),

grade_order as not materialized (
    select * from {{ ref('int_calendar__kecs_grade_order') }}
),

grade_bands as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.district_id,
        enrollments.end_date,
        coalesce(
            grade_order.grade_sort <= (
                select third.grade_sort from grade_order as third
                where third.state_grade = '03'
            ),
            false
        ) as is_grade_03_or_below
    from enrollments
    left join grade_order
        on enrollments.state_grade = grade_order.state_grade
),

qualifying as (
    {{ enrollments_with_program_record('gifted', enrollments='grade_bands') }}
    where
        (
            (grade_bands.end_date is null and gifted.start_date <= {{ report_run_date() }})
            or (grade_bands.end_date is not null and grade_bands.end_date >= gifted.start_date)
        )
        and (
            (grade_bands.is_grade_03_or_below and gifted.category = '12')
            or (not grade_bands.is_grade_03_or_below and coalesce(gifted.category, '') <> '12')
        )
),

final as (
    {{ program_flag('is_gifted') }}
)

select * from final

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
    {{ enrollments_with_program_record('homeless') }}
    where
        {{ overlaps_enrollment('homeless') }}
),

final as (
    {{ program_flag('is_homeless') }}
)

select * from final

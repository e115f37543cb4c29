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
    {{ enrollments_with_program_record('foster_care', match='person') }}
    where
        foster_care.district_id is null
        and {{ overlaps_enrollment('foster_care') }}
),

final as (
    {{ program_flag('is_foster_care') }}
)

select * from final

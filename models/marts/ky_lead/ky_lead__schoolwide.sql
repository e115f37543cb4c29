-- KECS LEAD Schoolwide (Aggregate) (specs/kecs_lead_reports.md §6): students per school. Reads the Detail rows
-- (int_ky_lead__detail) with State ID not null (LEAD-SCHOOLWIDE-INPUT: empty-section rows drop out), one enrollment per
-- student per school (LEAD-AGGREGATE-ONE-ENROLLMENT), grouped by End Year, District Number, District Name, School
-- Number, School Name, State Classification (LEAD-SCHOOLWIDE-GROUP); counts are ours (LEAD-SCHOOLWIDE-COUNTS).
with

aggregate_enrollments as (
    select * from {{ ref('int_lead_reports__aggregate_enrollments') }}
),

chosen as (
    select * from aggregate_enrollments
    where is_schoolwide_choice
),

grouped as (
    select
        end_year,
        district_number,
        district_name,
        school_number,
        school_name,
        state_classification,
        {{ lead_student_counts('state_id', 'student_count', 'primary_disability_enrollment is not null', 'sped_students') }}
    from chosen
    group by
        end_year,
        district_number,
        district_name,
        school_number,
        school_name,
        state_classification
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        grouped.*
    from grouped
)

select * from final

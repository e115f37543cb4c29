-- KECS LEAD Schoolwide (Aggregate) (specs/kecs_lead_reports.md §6): students per school. Reads the Detail rows
-- (int_ky_lead__detail) with State ID not null (LEAD-SCHOOLWIDE-INPUT: empty-section rows drop out), one enrollment per
-- student per school (LEAD-AGGREGATE-ONE-ENROLLMENT), grouped by End Year, District Number, District Name, School
-- Number, School Name, State Classification (LEAD-SCHOOLWIDE-GROUP); counts are ours (LEAD-SCHOOLWIDE-COUNTS).
{%- set school_keys = [
    'end_year',
    'district_number',
    'district_name',
    'school_number',
    'school_name',
    'state_classification'
] %}

with

aggregate_enrollments as (
    select * from {{ ref('int_lead_reports__aggregate_enrollments') }}
),

chosen as (
    select * from aggregate_enrollments
    where is_schoolwide_choice
),

-- one row per school, each student counted once
grouped as (
    {{ lead_distinct_student_counts(
        relation='chosen',
        keys=school_keys,
        student='state_id',
        sped_condition='primary_disability_enrollment is not null',
        total_name='student_count',
        sped_name='sped_students',
    ) }}
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        grouped.*
    from grouped
)

select * from final

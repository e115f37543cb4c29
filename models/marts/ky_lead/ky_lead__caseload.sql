-- KECS LEAD Caseload (Aggregate) (specs/kecs_lead_reports.md §4): students per special-education case manager, at
-- district level. Reads the Detail rows (int_ky_lead__detail, never re-deriving its rules) with State ID, Primary
-- Disability Enrollment and Case Manager PersonID all not null (LEAD-CASELOAD-INPUT; case manager 0 = SPED student
-- with no active case manager), one enrollment per student per school (LEAD-AGGREGATE-ONE-ENROLLMENT), grouped by End
-- Year, District Number, District Name, Case Manager PersonID (LEAD-CASELOAD-GROUP); counts are ours
-- (LEAD-CASELOAD-COUNTS). A student with two active case managers counts in both groups.
{%- set caseload_keys = [
    'end_year',
    'district_number',
    'district_name',
    'case_manager_person_id'
] %}

with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

aggregate_enrollments as (
    select * from {{ ref('int_lead_reports__aggregate_enrollments') }}
),

caseload_rows as (
    select
        detail.case_manager_person_id,
        detail.case_manager_first_name,
        detail.case_manager_last_name,
        aggregate_enrollments.*
    from detail
    inner join aggregate_enrollments
        on
            detail.enrollment_id = aggregate_enrollments.enrollment_id
            and detail.state_id = aggregate_enrollments.state_id
            and detail.school_number = aggregate_enrollments.school_number
            and aggregate_enrollments.is_caseload_choice
    where
        detail.state_id is not null
        and detail.primary_disability_enrollment is not null
        and detail.case_manager_person_id is not null
),

-- one row per case manager, each student counted once; the case manager's name rides along
grouped as (
    {{ lead_distinct_student_counts(
        relation='caseload_rows',
        keys=caseload_keys,
        student='state_id',
        sped_condition='primary_disability_enrollment is not null',
        total_name='student_count',
        sped_name='sped_students',
        carried=['case_manager_first_name', 'case_manager_last_name'],
    ) }}
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        grouped.*
    from grouped
)

select * from final

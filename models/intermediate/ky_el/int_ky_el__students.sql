-- One row per student and district that otherwise qualifies for the KY EL Extract (passes EL-P1..EL-P4, EL-P8..EL-P11
-- and the editor; EL-W1..EL-W4 still flagged, not applied) with the columns both layouts share, unformatted
-- (seed 003 layouts, specs/ky_el_extract.md §8-§9). Rules:
--   EL-DEMO-STATE-ID, EL-DEMO-LAST-NAME, EL-DEMO-FIRST-NAME (the legal last/first name of the current identity,
--   else the name in use when blank),
--   EL-DEMO-MIDDLE-INITIAL (first letter of the middle name), EL-DEMO-STATE-GRADE (state grade of the reporting
--   enrollment), EL-DEMO-ENROLLMENT-START-DATE / -END-DATE (int_ky_el__reporting_enrollments),
--   EL-DEMO-EL-PROGRAM-STATUS (the chosen record's status, EL-RECORD-CHOICE), EL-DEMO-PROGRAM-EXIT-DATE (the exit date only
--   when the status is Exited EL and the date is inside the range, else blank).
with

candidates as (
    select * from {{ ref('int_ky_el__candidates') }}
),

reporting_enrollments as (
    select * from {{ ref('int_ky_el__reporting_enrollments') }}
),

schools as (
    select * from {{ ref('int_ky_el__schools') }}
),

identities as (
    select * from {{ ref('int_person__current_identity') }}
),

identity_details as (
    select * from {{ ref('stg_sis__identity') }}
),

final as (
    select
        candidates.person_id,
        candidates.district_id,
        reporting_enrollments.school_id,
        reporting_enrollments.enrollment_id,
        reporting_enrollments.calendar_id,
        reporting_enrollments.structure_id,
        reporting_enrollments.end_year,
        reporting_enrollments.last_instructional_day,
        schools.lea_number,
        schools.district_name,
        schools.state_school_number,
        schools.school_name,
        identities.state_id,
        -- Seed 003: the student's legal names (contract legal_*; the first/last name in use when blank), not LEAD's preferred names.
        coalesce(identities.legal_last_name, identities.last_name) as last_name,
        coalesce(identities.legal_first_name, identities.first_name) as first_name,
        substring(identity_details.middle_name, 1, 1) as middle_initial,
        identities.birthdate,
        reporting_enrollments.state_grade,
        identities.gender,
        identities.race_ethnicity_fed,
        identities.home_primary_language,
        identity_details.language_alt,
        reporting_enrollments.immigrant,
        reporting_enrollments.migrant as enrollment_migrant,
        reporting_enrollments.refugee,
        reporting_enrollments.start_date as enrollment_start_date,
        reporting_enrollments.end_date as enrollment_end_date,
        candidates.lep_id,
        candidates.program_status,
        case
            when
                candidates.program_status = '{{ var("el_program_status_exited") }}'
                and candidates.exit_date between {{ editor_range_start('el') }} and {{ editor_range_end('el') }}
                then candidates.exit_date
        end as program_exit_date,
        candidates.is_w1_no_service,
        candidates.is_w2_no_accommodation,
        candidates.is_w3_english,
        candidates.is_w4_other_language,
        candidates.is_reported_demographics,
        candidates.is_reported_services
    from candidates
    inner join reporting_enrollments
        on
            candidates.person_id = reporting_enrollments.person_id
            and candidates.district_id = reporting_enrollments.district_id
    left join schools
        on reporting_enrollments.school_id = schools.school_id
    left join identities
        on candidates.person_id = identities.person_id
    left join identity_details
        on identities.identity_id = identity_details.identity_id
    where candidates.is_otherwise_qualified
)

select * from final

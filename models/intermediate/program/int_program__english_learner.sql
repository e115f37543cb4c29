-- KECS LEAD English Learner per enrollment (rule LEAD-DETAIL-EL). Window: enrollment start date to effective end date
-- (null end => earliest of last instructional day and run date). All records must come from the enrollment's district.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

identities as (
    select * from {{ ref('int_person__current_identity') }}
),

lep as (
    select * from {{ ref('stg_sis__lep') }}
),

lep_services as (
    select * from {{ ref('stg_sis__lep_service') }}
),

lep_accommodations as (
    select * from {{ ref('stg_sis__lep_accommodation') }}
),

-- EL status 'EL' or 'Exited EL' (vars el_program_status_el, el_program_status_exited: the one spelling of the codes);
-- identified on/before the enrollment end; exit after the enrollment start or none.
el_records as (
    {{ enrollments_with_program_record('lep') }}
    where
        lep.program_status in ('{{ var("el_program_status_el") }}', '{{ var("el_program_status_exited") }}')
        and {{ overlaps_enrollment('lep', start='identified_date', end='exit_date', ends_after_start=true) }}
),

el_services as (
    {{ enrollments_with_program_record('lep_services') }}
    where
        {{ overlaps_enrollment('lep_services', ends_after_start=true) }}
),

-- Accommodation Type 'I: Instructional' only.
el_accommodations as (
    {{ enrollments_with_program_record('lep_accommodations') }}
    where
        (lep_accommodations.type = 'I' or lower(lep_accommodations.type) like 'i:%')
        and {{ overlaps_enrollment('lep_accommodations', ends_after_start=true) }}
),

final as (
    select
        enrollments.enrollment_id,
        coalesce(
            identities.home_primary_language is not null
            and identities.home_primary_language <> '0400'
            and el_records.enrollment_id is not null
            and el_services.enrollment_id is not null
            and el_accommodations.enrollment_id is not null,
            false
        ) as is_english_learner
    from enrollments
    left join identities
        on enrollments.person_id = identities.person_id
    left join el_records
        on enrollments.enrollment_id = el_records.enrollment_id
    left join el_services
        on enrollments.enrollment_id = el_services.enrollment_id
    left join el_accommodations
        on enrollments.enrollment_id = el_accommodations.enrollment_id
)

select * from final

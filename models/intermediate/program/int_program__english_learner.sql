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
    select distinct enrollments.enrollment_id
    from enrollments
    inner join lep
        on
            enrollments.person_id = lep.person_id
            and enrollments.district_id = lep.district_id
    where
        lep.program_status in ('{{ var("el_program_status_el") }}', '{{ var("el_program_status_exited") }}')
        and lep.identified_date <= enrollments.effective_end_date
        and (lep.exit_date is null or lep.exit_date > enrollments.start_date)
),

el_services as (
    select distinct enrollments.enrollment_id
    from enrollments
    inner join lep_services
        on
            enrollments.person_id = lep_services.person_id
            and enrollments.district_id = lep_services.district_id
    where
        lep_services.start_date <= enrollments.effective_end_date
        and (lep_services.end_date is null or lep_services.end_date > enrollments.start_date)
),

-- Accommodation Type 'I: Instructional' only.
el_accommodations as (
    select distinct enrollments.enrollment_id
    from enrollments
    inner join lep_accommodations
        on
            enrollments.person_id = lep_accommodations.person_id
            and enrollments.district_id = lep_accommodations.district_id
    where
        (lep_accommodations.type = 'I' or lower(lep_accommodations.type) like 'i:%')
        and lep_accommodations.start_date <= enrollments.effective_end_date
        and (lep_accommodations.end_date is null or lep_accommodations.end_date > enrollments.start_date)
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

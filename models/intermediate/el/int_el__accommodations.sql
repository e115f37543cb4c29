-- Every EL accommodation with its assumed end date (no end date => the last instructional day of the school year of the
-- student's most recent enrollment) and whether it is Instructional (type var el_instructional_accommodation_type, 'I').
-- Rule EL-P6; seed 003. Shared by the KY EL extract and KS KIDS ESOL logic.
with

accommodations as (
    select * from {{ ref('stg_sis__lep_accommodation') }}
),

most_recent_enrollment as (
    select * from {{ ref('int_el__most_recent_enrollment') }}
),

final as (
    select
        accommodations.lep_accommodation_id,
        accommodations.person_id,
        accommodations.district_id,
        accommodations.accommodation_code,
        accommodations.type as accommodation_type,
        coalesce(accommodations.type = '{{ var("el_instructional_accommodation_type") }}', false) as is_instructional,
        accommodations.start_date,
        accommodations.end_date,
        coalesce(accommodations.end_date, most_recent_enrollment.last_instructional_day) as assumed_end_date
    from accommodations
    left join most_recent_enrollment
        on accommodations.person_id = most_recent_enrollment.person_id
)

select * from final

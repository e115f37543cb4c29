-- One row per person with the current identity's preferred (in-use) names and demographics (rule LEAD-DETAIL-PREFERRED-NAME).
with

persons as (
    select * from {{ ref('stg_sis__person') }}
),

identities as (
    select * from {{ ref('stg_sis__identity') }}
),

final as (
    select
        persons.person_id,
        persons.state_id,
        persons.student_number,
        identities.identity_id,
        identities.first_name,
        identities.last_name,
        identities.legal_first_name,
        identities.legal_last_name,
        identities.gender,
        identities.birthdate,
        identities.race_ethnicity_fed,
        identities.home_primary_language
    from persons
    left join identities
        on persons.current_identity_id = identities.identity_id
)

select * from final

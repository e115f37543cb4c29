-- Staging for raw identity: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'identity') }}
),

cleaned as (
    select
        identity_id,
        person_id,
        effective_date,
        {{ clean_text('first_name') }} as first_name,
        {{ clean_text('last_name') }} as last_name,
        {{ clean_text('middle_name') }} as middle_name,
        {{ clean_text('suffix') }} as suffix,
        {{ clean_text('legal_first_name') }} as legal_first_name,
        {{ clean_text('legal_last_name') }} as legal_last_name,
        {{ clean_text('legal_middle_name') }} as legal_middle_name,
        {{ clean_text('gender') }} as gender,
        birthdate,
        {{ clean_text('race_ethnicity') }} as race_ethnicity,
        {{ clean_text('race_ethnicity_fed') }} as race_ethnicity_fed,
        {{ clean_text('hispanic_ethnicity') }} as hispanic_ethnicity,
        {{ clean_text('home_primary_language') }} as home_primary_language,
        {{ clean_text('language_alt') }} as language_alt,
        {{ clean_text('birth_country') }} as birth_country,
        date_entered_us,
        date_entered_us_school,
        {{ clean_text('ssn') }} as ssn
    from source
)

select * from cleaned

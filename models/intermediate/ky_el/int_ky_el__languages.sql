-- One row per Kentucky language code with its name and ISO 639-2 code (rules EL-DEMO-HOME-LANGUAGE,
-- EL-DEMO-ISO-LANGUAGE-CODE, EL-DEMO-NATIVE-AMERICAN-LANGUAGE; gap G8). The district's own Campus dictionaries win
-- (attribute Identity.homePrimaryLanguage / Identity.languageAlt for names, definition.iso639-2Language for the ISO code,
-- matched case-insensitively); the reference seed ky_el__home_languages fills codes the district's export lacks.
with

attributes as (
    select * from {{ ref('stg_sis__campus_attribute') }}
),

dictionary as (
    select * from {{ ref('stg_sis__campus_dictionary') }}
),

reference_languages as (
    select * from {{ ref('ky_el__home_languages') }}
),

district_names as (
    select
        dictionary.code as language_code,
        min(dictionary.name) as language_name
    from dictionary
    inner join attributes
        on dictionary.attribute_id = attributes.attribute_id
    where
        lower(attributes.object) = 'identity'
        and lower(attributes.element) in ('homeprimarylanguage', 'languagealt')
    group by dictionary.code
),

district_iso_codes as (
    select
        dictionary.code as language_code,
        min(dictionary.name) as iso639_2_code
    from dictionary
    inner join attributes
        on dictionary.attribute_id = attributes.attribute_id
    where
        lower(attributes.object) = 'definition'
        and lower(attributes.element) = 'iso639-2language'
    group by dictionary.code
),

all_codes as (
    select language_code from district_names
    union
    select language_code from district_iso_codes
    union
    select cast(language_code as varchar) as language_code from reference_languages
),

final as (
    select
        all_codes.language_code,
        coalesce(district_names.language_name, reference_languages.language_name) as language_name,
        coalesce(district_iso_codes.iso639_2_code, reference_languages.iso639_2_code) as iso639_2_code
    from all_codes
    left join district_names
        on all_codes.language_code = district_names.language_code
    left join district_iso_codes
        on all_codes.language_code = district_iso_codes.language_code
    left join reference_languages
        on all_codes.language_code = reference_languages.language_code
)

select * from final

-- KY EL Extract, Demographics layout (seed 003; specs/ky_el_extract.md §8): one row per student (District Edition) or
-- per student and district (State Edition), columns in the layout's order. Population: int_ky_el__candidates
-- (EL-P1..EL-P11, EL-W1..EL-W3 applied). Dates print MM/DD/YYYY.
with

students as (
    select * from {{ ref('int_ky_el__students') }}
),

languages as not materialized (
    select * from {{ ref('int_ky_el__languages') }}
),

migrant as (
    select * from {{ ref('int_ky_el__migrant') }}
),

special_education as (
    select * from {{ ref('int_ky_el__special_education') }}
),

enrollment_days as (
    select * from {{ ref('int_ky_el__enrollment_days') }}
),

final as (
    select
        {{ el_student_columns() }},
        {{ format_mdy('students.birthdate') }} as birth_date,
        students.state_grade,
        students.gender,
        case
            when {{ dbt.length('students.race_ethnicity_fed') }} = 1 then '0' || students.race_ethnicity_fed
            else students.race_ethnicity_fed
        end as race_ethnicity,
        {{ el_code_and_name('students.home_primary_language', 'home_languages.language_name') }} as home_language,
        home_languages.iso639_2_code as iso_language_code,
        {{ el_code_and_name('students.language_alt', 'alt_languages.language_name') }} as native_american_language,
        students.immigrant,
        {% if editor_end_year('el') >= var('el_migrant_calculated_from_end_year') -%}
            case when migrant.person_id is not null then 'Y' else 'N' end
        {%- else -%}
            students.enrollment_migrant
        {%- endif %} as migrant,
        students.refugee,
        case when special_education.person_id is not null then 'Y' else 'N' end as active_special_education,
        {{ format_mdy('students.enrollment_start_date') }} as enrollment_start_date,
        {{ format_mdy('students.enrollment_end_date') }} as enrollment_end_date,
        enrollment_days.total_days_enrolled,
        enrollment_days.percent_enrolled,
        students.program_status as el_program_status,
        {{ format_mdy('students.program_exit_date') }} as program_exit_date
    from students
    left join languages as home_languages
        on students.home_primary_language = home_languages.language_code
    left join languages as alt_languages
        on students.language_alt = alt_languages.language_code
    left join migrant
        on students.person_id = migrant.person_id
    left join special_education
        on students.person_id = special_education.person_id
    left join enrollment_days
        on
            students.person_id = enrollment_days.person_id
            and students.district_id = enrollment_days.district_id
    where
        students.is_reported_demographics
        and {{ el_extract_type_selected('Demographics') }}
)

select * from final

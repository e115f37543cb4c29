-- Staging for raw enrollment: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'enrollment') }}
),

cleaned as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id,
        district_id,
        end_year,
        {{ clean_text('grade') }} as grade,
        {{ clean_text('service_type') }} as service_type,
        start_date,
        end_date,
        {{ clean_text('start_status') }} as start_status,
        {{ clean_text('end_status') }} as end_status,
        active,
        no_show,
        state_exclude,
        {{ clean_text('immigrant') }} as immigrant,
        {{ clean_text('migrant') }} as migrant,
        {{ clean_text('refugee') }} as refugee,
        {{ clean_text('disability1') }} as disability1,
        {{ clean_text('resident_district') }} as resident_district,
        {{ clean_text('school_of_accountability') }} as school_of_accountability,
        {{ clean_text('funding_school') }} as funding_school,
        {{ clean_text('attendance_school') }} as attendance_school,
        {{ clean_text('virtual_education') }} as virtual_education,
        school_entry_date,
        district_entry_date,
        state_entry_date,
        minutes_enrolled,
        {{ clean_text('concurrent_hs') }} as concurrent_hs,
        {{ clean_text('sct_choice') }} as sct_choice,
        {{ clean_text('post_grad_plans') }} as post_grad_plans,
        {{ clean_text('section504') }} as section504,
        {{ clean_text('title1') }} as title1,
        cte_contact_minutes,
        miles_transported,
        transportation_fte,
        {{ clean_text('transportation_address') }} as transportation_address,
        {{ clean_text('transportation_city') }} as transportation_city,
        {{ clean_text('transportation_zip') }} as transportation_zip,
        {{ clean_text('non_resident_transport') }} as non_resident_transport,
        {{ clean_text('neglected_delinquent') }} as neglected_delinquent,
        {{ clean_text('state_math_assessment') }} as state_math_assessment,
        {{ clean_text('state_ela_assessment') }} as state_ela_assessment,
        {{ clean_text('state_science_assessment') }} as state_science_assessment,
        {{ clean_text('state_history_gov_assessment') }} as state_history_gov_assessment,
        {{ clean_text('comp_agriculture_assessment') }} as comp_agriculture_assessment,
        {{ clean_text('animal_systems_assessment') }} as animal_systems_assessment,
        {{ clean_text('plant_systems_assessment') }} as plant_systems_assessment,
        {{ clean_text('kelpa_assessment') }} as kelpa_assessment
    from source
)

select * from cleaned

-- Generated from the contract by scripts/sync_contract: text values holding control characters (NUL and the
-- other C0 characters but tab and line ends). Staging removes them (macro clean_text), so no export holds one.
with

control_characters as (
    select
        'district' as table_name,
        coalesce(cast(district_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'number' as column_name
    from {{ source('sis', 'district') }}
    where regexp_matches(number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'district' as table_name,
        coalesce(cast(district_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'district') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'district' as table_name,
        coalesce(cast(district_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state' as column_name
    from {{ source('sis', 'district') }}
    where regexp_matches(state, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'county' as table_name,
        coalesce(cast(county_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'county') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'county' as table_name,
        coalesce(cast(county_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'code' as column_name
    from {{ source('sis', 'county') }}
    where regexp_matches(code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'county' as table_name,
        coalesce(cast(county_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state' as column_name
    from {{ source('sis', 'county') }}
    where regexp_matches(state, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'school' as table_name,
        coalesce(cast(school_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'number' as column_name
    from {{ source('sis', 'school') }}
    where regexp_matches(number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'school' as table_name,
        coalesce(cast(school_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'school') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'school' as table_name,
        coalesce(cast(school_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state_classification' as column_name
    from {{ source('sis', 'school') }}
    where regexp_matches(state_classification, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'school' as table_name,
        coalesce(cast(school_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'county' as column_name
    from {{ source('sis', 'school') }}
    where regexp_matches(county, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'school_year' as table_name,
        coalesce(cast(end_year as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'label' as column_name
    from {{ source('sis', 'school_year') }}
    where regexp_matches(label, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'calendar' as table_name,
        coalesce(cast(calendar_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'calendar') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'calendar' as table_name,
        coalesce(cast(calendar_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'number' as column_name
    from {{ source('sis', 'calendar') }}
    where regexp_matches(number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'schedule_structure' as table_name,
        coalesce(cast(structure_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'schedule_structure') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'grade_level' as table_name,
        coalesce(cast(calendar_id as varchar), '')
        || '|' || coalesce(cast(structure_id as varchar), '')
        || '|' || coalesce(cast(name as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'grade_level') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'grade_level' as table_name,
        coalesce(cast(calendar_id as varchar), '')
        || '|' || coalesce(cast(structure_id as varchar), '')
        || '|' || coalesce(cast(name as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state_grade' as column_name
    from {{ source('sis', 'grade_level') }}
    where regexp_matches(state_grade, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'term' as table_name,
        coalesce(cast(term_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'term') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'period_schedule' as table_name,
        coalesce(cast(period_schedule_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'period_schedule') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'period' as table_name,
        coalesce(cast(period_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'period') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'period' as table_name,
        coalesce(cast(period_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'start_time' as column_name
    from {{ source('sis', 'period') }}
    where regexp_matches(start_time, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'period' as table_name,
        coalesce(cast(period_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'end_time' as column_name
    from {{ source('sis', 'period') }}
    where regexp_matches(end_time, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'trial' as table_name,
        coalesce(cast(trial_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'trial') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course_catalog' as table_name,
        coalesce(cast(catalog_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'course_catalog') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course_master' as table_name,
        coalesce(cast(course_master_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'number' as column_name
    from {{ source('sis', 'course_master') }}
    where regexp_matches(number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course_master' as table_name,
        coalesce(cast(course_master_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'course_master') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'number' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state_code' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(state_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'teaching_method' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(teaching_method, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'instructional_setting' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(instructional_setting, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'type' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'difficulty_level' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(difficulty_level, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'kids_subject' as column_name
    from {{ source('sis', 'course') }}
    where regexp_matches(kids_subject, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'custom_course' as table_name,
        coalesce(cast(course_id as varchar), '')
        || '|' || coalesce(cast(attribute_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'value' as column_name
    from {{ source('sis', 'custom_course') }}
    where regexp_matches(value, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'section' as table_name,
        coalesce(cast(section_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'core_content' as column_name
    from {{ source('sis', 'section') }}
    where regexp_matches(core_content, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'section' as table_name,
        coalesce(cast(section_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'instructional_setting' as column_name
    from {{ source('sis', 'section') }}
    where regexp_matches(instructional_setting, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'section' as table_name,
        coalesce(cast(section_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'special_type' as column_name
    from {{ source('sis', 'section') }}
    where regexp_matches(special_type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'section' as table_name,
        coalesce(cast(section_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'cross_site_enrollment' as column_name
    from {{ source('sis', 'section') }}
    where regexp_matches(cross_site_enrollment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(history_id as varchar), '') as record_key,
        person_id,
        'staff_type' as column_name
    from {{ source('sis', 'section_staff_history') }}
    where regexp_matches(staff_type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(history_id as varchar), '') as record_key,
        person_id,
        'role' as column_name
    from {{ source('sis', 'section_staff_history') }}
    where regexp_matches(role, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'person' as table_name,
        coalesce(cast(person_id as varchar), '') as record_key,
        person_id,
        'state_id' as column_name
    from {{ source('sis', 'person') }}
    where regexp_matches(state_id, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'person' as table_name,
        coalesce(cast(person_id as varchar), '') as record_key,
        person_id,
        'student_number' as column_name
    from {{ source('sis', 'person') }}
    where regexp_matches(student_number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'person' as table_name,
        coalesce(cast(person_id as varchar), '') as record_key,
        person_id,
        'staff_number' as column_name
    from {{ source('sis', 'person') }}
    where regexp_matches(staff_number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'person' as table_name,
        coalesce(cast(person_id as varchar), '') as record_key,
        person_id,
        'staff_state_id' as column_name
    from {{ source('sis', 'person') }}
    where regexp_matches(staff_state_id, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'first_name' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(first_name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'last_name' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(last_name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'middle_name' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(middle_name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'suffix' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(suffix, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'legal_first_name' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(legal_first_name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'legal_last_name' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(legal_last_name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'legal_middle_name' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(legal_middle_name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'gender' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(gender, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'race_ethnicity' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(race_ethnicity, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'race_ethnicity_fed' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(race_ethnicity_fed, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'hispanic_ethnicity' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(hispanic_ethnicity, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'home_primary_language' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(home_primary_language, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'language_alt' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(language_alt, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'birth_country' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(birth_country, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'ssn' as column_name
    from {{ source('sis', 'identity') }}
    where regexp_matches(ssn, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'identity_race_ethnicity' as table_name,
        coalesce(cast(identity_id as varchar), '')
        || '|' || coalesce(cast(race_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'race_code' as column_name
    from {{ source('sis', 'identity_race_ethnicity') }}
    where regexp_matches(race_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'grade' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(grade, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'service_type' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(service_type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'start_status' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(start_status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'end_status' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(end_status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'immigrant' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(immigrant, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'migrant' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(migrant, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'refugee' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(refugee, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'disability1' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(disability1, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'resident_district' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(resident_district, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'school_of_accountability' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(school_of_accountability, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'funding_school' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(funding_school, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'attendance_school' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(attendance_school, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'virtual_education' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(virtual_education, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'concurrent_hs' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(concurrent_hs, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'sct_choice' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(sct_choice, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'post_grad_plans' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(post_grad_plans, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'section504' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(section504, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'title1' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(title1, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'transportation_address' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(transportation_address, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'transportation_city' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(transportation_city, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'transportation_zip' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(transportation_zip, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'non_resident_transport' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(non_resident_transport, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'neglected_delinquent' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(neglected_delinquent, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'state_math_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(state_math_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'state_ela_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(state_ela_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'state_science_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(state_science_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'state_history_gov_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(state_history_gov_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'comp_agriculture_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(comp_agriculture_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'animal_systems_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(animal_systems_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'plant_systems_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(plant_systems_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'kelpa_assessment' as column_name
    from {{ source('sis', 'enrollment') }}
    where regexp_matches(kelpa_assessment, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance_group_ky' as table_name,
        coalesce(cast(attendance_group_id as varchar), '') as record_key,
        person_id,
        'group_category' as column_name
    from {{ source('sis', 'attendance_group_ky') }}
    where regexp_matches(group_category, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'employment' as table_name,
        coalesce(cast(employment_id as varchar), '') as record_key,
        person_id,
        'license_number' as column_name
    from {{ source('sis', 'employment') }}
    where regexp_matches(license_number, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        'title' as column_name
    from {{ source('sis', 'employment_assignment') }}
    where regexp_matches(title, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        'type' as column_name
    from {{ source('sis', 'employment_assignment') }}
    where regexp_matches(type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        'alt_type' as column_name
    from {{ source('sis', 'employment_assignment') }}
    where regexp_matches(alt_type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        'employee_type' as column_name
    from {{ source('sis', 'employment_assignment') }}
    where regexp_matches(employee_type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'plan_type' as table_name,
        coalesce(cast(type_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'plan_type') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'plan_type' as table_name,
        coalesce(cast(type_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'abbreviation' as column_name
    from {{ source('sis', 'plan_type') }}
    where regexp_matches(abbreviation, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'plan_type' as table_name,
        coalesce(cast(type_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'module' as column_name
    from {{ source('sis', 'plan_type') }}
    where regexp_matches(module, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        person_id,
        'primary_disability' as column_name
    from {{ source('sis', 'plan') }}
    where regexp_matches(primary_disability, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        person_id,
        'special_ed_status' as column_name
    from {{ source('sis', 'plan') }}
    where regexp_matches(special_ed_status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        person_id,
        'special_ed_setting' as column_name
    from {{ source('sis', 'plan') }}
    where regexp_matches(special_ed_setting, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'team_member' as table_name,
        coalesce(cast(team_member_id as varchar), '') as record_key,
        person_id,
        'module' as column_name
    from {{ source('sis', 'team_member') }}
    where regexp_matches(module, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'team_member' as table_name,
        coalesce(cast(team_member_id as varchar), '') as record_key,
        person_id,
        'role' as column_name
    from {{ source('sis', 'team_member') }}
    where regexp_matches(role, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        'primary_disability' as column_name
    from {{ source('sis', 'special_ed_state') }}
    where regexp_matches(primary_disability, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        'secondary_disability' as column_name
    from {{ source('sis', 'special_ed_state') }}
    where regexp_matches(secondary_disability, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        'exit_reason' as column_name
    from {{ source('sis', 'special_ed_state') }}
    where regexp_matches(exit_reason, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'lep' as table_name,
        coalesce(cast(lep_id as varchar), '') as record_key,
        person_id,
        'program_status' as column_name
    from {{ source('sis', 'lep') }}
    where regexp_matches(program_status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'lep_service_type' as table_name,
        coalesce(cast(lep_service_type_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'code' as column_name
    from {{ source('sis', 'lep_service_type') }}
    where regexp_matches(code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'lep_service_type' as table_name,
        coalesce(cast(lep_service_type_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'lep_service_type') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'lep_service_type' as table_name,
        coalesce(cast(lep_service_type_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state_code' as column_name
    from {{ source('sis', 'lep_service_type') }}
    where regexp_matches(state_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(lep_accommodation_id as varchar), '') as record_key,
        person_id,
        'accommodation_code' as column_name
    from {{ source('sis', 'lep_accommodation') }}
    where regexp_matches(accommodation_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(lep_accommodation_id as varchar), '') as record_key,
        person_id,
        'type' as column_name
    from {{ source('sis', 'lep_accommodation') }}
    where regexp_matches(type, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'gifted' as table_name,
        coalesce(cast(gifted_id as varchar), '') as record_key,
        person_id,
        'category' as column_name
    from {{ source('sis', 'gifted') }}
    where regexp_matches(category, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'gifted' as table_name,
        coalesce(cast(gifted_id as varchar), '') as record_key,
        person_id,
        'program_status' as column_name
    from {{ source('sis', 'gifted') }}
    where regexp_matches(program_status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(eligibility_id as varchar), '') as record_key,
        person_id,
        'eligibility' as column_name
    from {{ source('sis', 'pos_eligibility') }}
    where regexp_matches(eligibility, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(eligibility_id as varchar), '') as record_key,
        person_id,
        'source' as column_name
    from {{ source('sis', 'pos_eligibility') }}
    where regexp_matches(source, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'homeless' as table_name,
        coalesce(cast(homeless_id as varchar), '') as record_key,
        person_id,
        'primary_nighttime_residence' as column_name
    from {{ source('sis', 'homeless') }}
    where regexp_matches(primary_nighttime_residence, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'military_connection' as table_name,
        coalesce(cast(military_connection_id as varchar), '') as record_key,
        person_id,
        'status' as column_name
    from {{ source('sis', 'military_connection') }}
    where regexp_matches(status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance_excuse' as table_name,
        coalesce(cast(excuse_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'code' as column_name
    from {{ source('sis', 'attendance_excuse') }}
    where regexp_matches(code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance_excuse' as table_name,
        coalesce(cast(excuse_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'description' as column_name
    from {{ source('sis', 'attendance_excuse') }}
    where regexp_matches(description, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance_excuse' as table_name,
        coalesce(cast(excuse_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'status' as column_name
    from {{ source('sis', 'attendance_excuse') }}
    where regexp_matches(status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance_excuse' as table_name,
        coalesce(cast(excuse_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'excuse' as column_name
    from {{ source('sis', 'attendance_excuse') }}
    where regexp_matches(excuse, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance' as table_name,
        coalesce(cast(attendance_id as varchar), '') as record_key,
        person_id,
        'status' as column_name
    from {{ source('sis', 'attendance') }}
    where regexp_matches(status, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'attendance' as table_name,
        coalesce(cast(attendance_id as varchar), '') as record_key,
        person_id,
        'excuse' as column_name
    from {{ source('sis', 'attendance') }}
    where regexp_matches(excuse, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'campus_attribute' as table_name,
        coalesce(cast(attribute_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'object' as column_name
    from {{ source('sis', 'campus_attribute') }}
    where regexp_matches(object, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'campus_attribute' as table_name,
        coalesce(cast(attribute_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'element' as column_name
    from {{ source('sis', 'campus_attribute') }}
    where regexp_matches(element, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'campus_attribute' as table_name,
        coalesce(cast(attribute_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'campus_attribute') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'campus_dictionary' as table_name,
        coalesce(cast(attribute_id as varchar), '')
        || '|' || coalesce(cast(code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'code' as column_name
    from {{ source('sis', 'campus_dictionary') }}
    where regexp_matches(code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'campus_dictionary' as table_name,
        coalesce(cast(attribute_id as varchar), '')
        || '|' || coalesce(cast(code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'campus_dictionary') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'epsb_id' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(epsb_id, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'credential_code' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(credential_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'content' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(content, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'job_function' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(job_function, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'population' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(population, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'low_grade' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(low_grade, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_credential_permission' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(content as varchar), '')
        || '|' || coalesce(cast(job_function as varchar), '')
        || '|' || coalesce(cast(population as varchar), '')
        || '|' || coalesce(cast(low_grade as varchar), '')
        || '|' || coalesce(cast(high_grade as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'high_grade' as column_name
    from {{ source('sis', 'kecs_credential_permission') }}
    where regexp_matches(high_grade, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_educator_experience' as table_name,
        coalesce(cast(epsb_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'epsb_id' as column_name
    from {{ source('sis', 'kecs_educator_experience') }}
    where regexp_matches(epsb_id, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'state_course_code' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(state_course_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'name' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(name, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'lead_content_area' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(lead_content_area, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'grade_band' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(grade_band, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'low_grade' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(low_grade, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'high_grade' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(high_grade, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'kecs_state_course_code' as table_name,
        coalesce(cast(state_course_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'populations' as column_name
    from {{ source('sis', 'kecs_state_course_code') }}
    where regexp_matches(populations, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'eerp_job_class' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(job_class_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'epsb_id' as column_name
    from {{ source('sis', 'eerp_job_class') }}
    where regexp_matches(epsb_id, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
    union all
    select
        'eerp_job_class' as table_name,
        coalesce(cast(epsb_id as varchar), '')
        || '|' || coalesce(cast(job_class_code as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'job_class_code' as column_name
    from {{ source('sis', 'eerp_job_class') }}
    where regexp_matches(job_class_code, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]')
)

select * from control_characters

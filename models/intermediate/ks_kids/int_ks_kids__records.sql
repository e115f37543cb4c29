-- The shared Kansas KIDS D1-D77 values, one row per candidate record (extract and enrollment), as text already
-- formatted for the files (dates in var kids_date_format via ks_kids_format_date). Null = the source is empty: the mart then
-- applies the field's documented default, or blank when the extract does not collect the field.
-- Program records are read as of the extract's window (From-To): a record counts when it overlaps the window.
-- Every window comes from int_ks_kids__windows (through the candidates); the per-field rule models (truancy, ESOL,
-- grouping indicators) are evaluated per record type on the same windows and joined on extract_code, and so is
-- D22/D23 (int_ks_kids__attendance). D25 minutes (int_ks_kids__minutes_enrolled) is per record type collecting it.
with

candidates as not materialized (
    select * from {{ ref('int_ks_kids__candidates') }}
),

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

schools as (
    select * from {{ ref('stg_sis__school') }}
),

districts as (
    select * from {{ ref('stg_sis__district') }}
),

persons as (
    select * from {{ ref('stg_sis__person') }}
),

identities as (
    select * from {{ ref('stg_sis__identity') }}
),

pos_eligibilities as (
    select * from {{ ref('stg_sis__pos_eligibility') }}
),

special_ed_states as (
    select * from {{ ref('stg_sis__special_ed_state') }}
),

gifted_records as (
    select * from {{ ref('stg_sis__gifted') }}
),

section_504_records as (
    select * from {{ ref('stg_sis__section_504') }}
),

homeless_records as (
    select * from {{ ref('stg_sis__homeless') }}
),

lep_records as (
    select * from {{ ref('stg_sis__lep') }}
),

military_connections as (
    select * from {{ ref('stg_sis__military_connection') }}
),

code_maps as not materialized (
    select * from {{ ref('int_ks_kids__code_maps') }}
),

enrollment_grades as (
    select * from {{ ref('int_ks_kids__enrollment_grade') }}
),

entry_dates as (
    select * from {{ ref('int_ks_kids__entry_dates') }}
),

exit_types as (
    select * from {{ ref('int_ks_kids__exit_withdrawal_types') }}
),

attendance as (
    select * from {{ ref('int_ks_kids__attendance') }}
),

truancy as (
    select * from {{ ref('int_ks_kids__truancy') }}
),

minutes_enrolled as (
    select * from {{ ref('int_ks_kids__minutes_enrolled') }}
),

comprehensive_race as (
    select * from {{ ref('int_ks_kids__comprehensive_race') }}
),

esol_participation as (
    select * from {{ ref('int_ks_kids__esol') }}
),

grouping_indicators as (
    select * from {{ ref('int_ks_kids__grouping_indicators') }}
),

-- One program record per candidate: the latest record overlapping the window, from the enrollment's district
-- (or a record without district).
lunch as (
    {{ ks_kids_latest_record_in_window(
        'pos_eligibilities', 'eligibility_id', ['eligibility', 'source'],
        also='(pos_eligibilities.end_year is null or candidates.end_year = pos_eligibilities.end_year)'
    ) }}
),

disabilities as (
    {{ ks_kids_latest_record_in_window(
        'special_ed_states', 'special_ed_state_id', ['primary_disability'],
        also='special_ed_states.primary_disability is not null'
            ~ ' and (special_ed_states.exit_date is null or candidates.from_date <= special_ed_states.exit_date)'
    ) }}
),

gifted as (
    select distinct
        candidates.extract_code,
        candidates.enrollment_id
    from candidates
    inner join gifted_records
        on
            {{ ks_kids_same_student_and_district('gifted_records') }}
            and {{ ks_kids_overlaps_window('gifted_records') }}
),

section_504 as (
    -- current: a 504 record active on the To date; former: one ended this school year before the To date.
    select
        candidates.extract_code,
        candidates.enrollment_id,
        case
            when bool_or(section_504_records.end_date is null or section_504_records.end_date >= candidates.to_date) then 'current'
            else 'former'
        end as status_504
    from candidates
    inner join section_504_records
        on
            {{ ks_kids_same_student_and_district('section_504_records') }}
            and (section_504_records.start_date is null or candidates.to_date >= section_504_records.start_date)
            and (
                section_504_records.end_date is null
                or section_504_records.end_date >= {{ school_year_start('candidates.end_year') }}
            )
    group by candidates.extract_code, candidates.enrollment_id
),

homeless as (
    {{ ks_kids_latest_record_in_window('homeless_records', 'homeless_id', ['primary_nighttime_residence']) }}
),

esol_entry as (
    -- D39: the identified date of the student's latest EL record of the district that started on/before the To date.
    select
        candidates.extract_code,
        candidates.enrollment_id,
        lep_records.identified_date,
        row_number() over (
            partition by candidates.extract_code, candidates.enrollment_id
            order by lep_records.identified_date desc, lep_records.lep_id desc
        ) as record_rank
    from candidates
    inner join lep_records
        on
            {{ ks_kids_same_student_and_district('lep_records') }}
            and candidates.to_date >= lep_records.identified_date
),

military as (
    {{ ks_kids_latest_record_in_window('military_connections', 'military_connection_id', ['status']) }}
),

base as (
    select
        candidates.extract_code,
        candidates.enrollment_id,
        candidates.person_id,
        enrollments.end_year,
        enrollments.end_date,
        enrollments.district_id,
        enrollments.school_of_accountability,
        enrollments.resident_district,
        enrollments.funding_school,
        enrollments.attendance_school,
        enrollments.virtual_education,
        enrollments.concurrent_hs,
        enrollments.sct_choice,
        enrollments.post_grad_plans,
        enrollments.disability1,
        enrollments.section504,
        enrollments.cte_contact_minutes,
        enrollments.title1,
        enrollments.miles_transported,
        enrollments.transportation_fte,
        enrollments.transportation_address,
        enrollments.transportation_city,
        enrollments.transportation_zip,
        enrollments.non_resident_transport,
        enrollments.immigrant,
        enrollments.neglected_delinquent,
        enrollments.state_math_assessment,
        enrollments.state_ela_assessment,
        enrollments.state_science_assessment,
        enrollments.state_history_gov_assessment,
        enrollments.comp_agriculture_assessment,
        enrollments.animal_systems_assessment,
        enrollments.plant_systems_assessment,
        enrollments.kelpa_assessment,
        schools.number as school_number,
        districts.number as district_number,
        persons.state_id,
        persons.student_number,
        identities.legal_last_name,
        identities.legal_first_name,
        identities.legal_middle_name,
        identities.last_name,
        identities.first_name,
        identities.middle_name,
        identities.suffix,
        identities.gender,
        identities.birthdate,
        identities.hispanic_ethnicity,
        identities.home_primary_language,
        identities.birth_country,
        identities.date_entered_us,
        identities.date_entered_us_school,
        lunch.eligibility as lunch_eligibility,
        lunch.source as lunch_source,
        disabilities.primary_disability,
        gifted.enrollment_id is not null as is_gifted,
        section_504.status_504,
        homeless.primary_nighttime_residence,
        esol_entry.identified_date as esol_identified_date,
        military.status as military_status,
        enrollment_grades.kids_grade_code,
        entry_dates.school_entry_date,
        entry_dates.district_entry_date,
        entry_dates.state_entry_date,
        exit_types.kids_exit_withdrawal_type,
        attendance.membership_days,
        attendance.attended_days,
        truancy.truant_student,
        minutes_enrolled.minutes_enrolled,
        comprehensive_race.comprehensive_race,
        esol_participation.esol_participation,
        esol_participation.esol_program_ending_date,
        esol_participation.esol_contact_minutes,
        grouping_indicators.math_grouping_indicator_1,
        grouping_indicators.math_grouping_indicator_2,
        grouping_indicators.ela_grouping_indicator_1,
        grouping_indicators.ela_grouping_indicator_2,
        grouping_indicators.science_grouping_indicator_1,
        grouping_indicators.science_grouping_indicator_2,
        grouping_indicators.comprehensive_agriculture_grouping_indicator,
        grouping_indicators.animal_systems_grouping_indicator,
        grouping_indicators.plant_systems_grouping_indicator,
        grouping_indicators.kelpa2_grouping_indicator_1,
        grouping_indicators.kelpa2_grouping_indicator_2
    from candidates
    inner join enrollments
        on candidates.enrollment_id = enrollments.enrollment_id
    left join schools
        on candidates.school_id = schools.school_id
    left join districts
        on enrollments.district_id = districts.district_id
    left join persons
        on candidates.person_id = persons.person_id
    left join identities
        on persons.current_identity_id = identities.identity_id
    left join lunch
        on candidates.extract_code = lunch.extract_code and candidates.enrollment_id = lunch.enrollment_id and lunch.record_rank = 1
    left join disabilities
        on
            candidates.extract_code = disabilities.extract_code
            and candidates.enrollment_id = disabilities.enrollment_id
            and disabilities.record_rank = 1
    left join gifted
        on candidates.extract_code = gifted.extract_code and candidates.enrollment_id = gifted.enrollment_id
    left join section_504
        on candidates.extract_code = section_504.extract_code and candidates.enrollment_id = section_504.enrollment_id
    left join homeless
        on candidates.extract_code = homeless.extract_code
            and candidates.enrollment_id = homeless.enrollment_id
            and homeless.record_rank = 1
    left join esol_entry
        on
            candidates.extract_code = esol_entry.extract_code
            and candidates.enrollment_id = esol_entry.enrollment_id
            and esol_entry.record_rank = 1
    left join enrollment_grades
        on candidates.enrollment_id = enrollment_grades.enrollment_id
    left join entry_dates
        on candidates.enrollment_id = entry_dates.enrollment_id
    left join exit_types
        on candidates.enrollment_id = exit_types.enrollment_id
    left join attendance
        on candidates.extract_code = attendance.extract_code and candidates.enrollment_id = attendance.enrollment_id
    left join truancy
        on
            candidates.extract_code = truancy.extract_code
            and candidates.person_id = truancy.person_id
            and candidates.end_year = truancy.end_year
    left join minutes_enrolled
        on
            candidates.extract_code = minutes_enrolled.extract_code
            and candidates.enrollment_id = minutes_enrolled.enrollment_id
    left join comprehensive_race
        on candidates.person_id = comprehensive_race.person_id
    left join esol_participation
        on candidates.extract_code = esol_participation.extract_code and candidates.enrollment_id = esol_participation.enrollment_id
    left join grouping_indicators
        on candidates.extract_code = grouping_indicators.extract_code and candidates.enrollment_id = grouping_indicators.enrollment_id
    left join military
        on candidates.extract_code = military.extract_code
            and candidates.enrollment_id = military.enrollment_id
            and military.record_rank = 1
),

final as (
    select
        base.extract_code,
        base.enrollment_id,
        base.person_id,
        base.extract_code as record_type,
        -- KIDS-D2-ACCOUNTABILITY-SCHOOL: the enrollment's accountability school override, else its school's state number (IC-SPED).
        coalesce(base.school_of_accountability, base.school_number) as accountability_school_identifier,
        -- KIDS-D3-RESIDENT-DISTRICT: the enrollment's Home District, else the district's State District Number (IC-SPED).
        coalesce(base.resident_district, base.district_number) as resident_district,
        -- KIDS-D4-LEGAL-NAMES: legal names, falling back to the names in use when the legal fields are blank (PS-QERY).
        coalesce(base.legal_last_name, base.last_name) as legal_last_name,
        coalesce(base.legal_first_name, base.first_name) as legal_first_name,
        coalesce(base.legal_middle_name, base.middle_name) as legal_middle_name,
        base.suffix,
        -- KIDS-D8-GENDER and other coded fields: seeded code maps (int_ks_kids__code_maps); unmapped values pass through.
        coalesce(gender_map.kids_code, base.gender) as gender,
        {{ ks_kids_format_date('base.birthdate') }} as date_of_birth,
        -- KIDS-D10-GRADE (kids-rules int_ks_kids__enrollment_grade).
        base.kids_grade_code as grade,
        base.student_number as student_identifier,
        coalesce(hispanic_map.kids_code, base.hispanic_ethnicity) as hispanic_ethnicity,
        base.state_id as state_student_identifier,
        -- KIDS-D14-SCHOOL-YEAR: the end year of the school year (2025 = 2024-25).
        cast(base.end_year as varchar) as school_year,
        -- KIDS-D15-FUNDING-SCHOOL / KIDS-D16-ATTENDANCE-SCHOOL: enrollment fields, else the enrollment's school.
        coalesce(base.funding_school, base.school_number) as funding_school,
        coalesce(base.attendance_school, base.school_number) as attendance_school,
        base.virtual_education as virtual_education_student,
        {{ ks_kids_format_date('base.school_entry_date') }} as school_entry_date,
        {{ ks_kids_format_date('base.district_entry_date') }} as district_entry_date,
        {{ ks_kids_format_date('base.state_entry_date') }} as state_entry_date,
        cast(null as varchar) as field_d21,
        -- KIDS-D22-MEMBERSHIP / KIDS-D23-ATTENDED: per record window, capped and rounded (int_ks_kids__attendance).
        cast(base.membership_days as varchar) as membership_days,
        cast(base.attended_days as varchar) as attended_days,
        base.truant_student,
        cast(base.minutes_enrolled as varchar) as minutes_enrolled,
        base.concurrent_hs as concurrent_hs_enrollment,
        -- KIDS-D27-EXIT-DATE: the enrollment's end date.
        {{ ks_kids_format_date('base.end_date') }} as exit_withdrawal_date,
        base.kids_exit_withdrawal_type as exit_withdrawal_type,
        cast(null as varchar) as field_d29,
        cast(null as varchar) as field_d30,
        base.sct_choice as special_circumstance_transfer_choice,
        base.post_grad_plans as post_graduation_plans,
        base.comprehensive_race,
        -- KIDS-D34-LUNCH: FRAM eligibility overlapping the window, mapped by eligibility and source.
        coalesce(lunch_exact_map.kids_code, lunch_any_map.kids_code, base.lunch_eligibility) as lunch_program,
        -- KIDS-D35-PRIMARY-DISABILITY: latest Special Ed State Reporting record overlapping the window, else the
        -- enrollment's Special Ed Fields disability (pre-2021-22 source).
        coalesce(base.primary_disability, base.disability1) as primary_disability,
        case when base.is_gifted then gifted_map.kids_code end as gifted_student_code,
        -- KIDS-D37-SECTION-504: the enrollment's 504 code wins; else 504 records (current / former this year / none).
        coalesce(base.section504, section_504_map.kids_code, base.status_504) as section_504,
        coalesce(homeless_map.kids_code, base.primary_nighttime_residence) as resident_of_homeless,
        {{ ks_kids_format_date('base.esol_identified_date') }} as esol_entry_date,
        {{ ks_kids_format_date('coalesce(base.date_entered_us_school, base.date_entered_us)') }} as date_entered_us,
        base.home_primary_language as first_language,
        base.esol_participation,
        {{ ks_kids_format_date('base.esol_program_ending_date') }} as esol_bilingual_program_ending_date,
        cast(base.esol_contact_minutes as varchar) as esol_contact_minutes,
        cast(base.cte_contact_minutes as varchar) as career_tech_ed_contact_minutes,
        base.title1 as title_1_participation,
        -- KIDS-D47-MILES: tenths, truncated not rounded (EDFI: 2.48 -> 2.4).
        cast(cast(floor(base.miles_transported * 10) / 10 as decimal(9, 1)) as varchar) as miles_transported,
        cast(cast(round(base.transportation_fte, 1) as decimal(9, 1)) as varchar) as transportation_fte,
        base.transportation_address as transportation_street_address,
        base.transportation_city,
        base.transportation_zip,
        base.non_resident_transport as non_resident_transportation,
        coalesce(military_map.kids_code, base.military_status) as child_of_military_family,
        coalesce(immigrant_map.kids_code, base.immigrant) as immigrant_student,
        base.birth_country as country_of_birth,
        base.neglected_delinquent as neglected_student,
        cast(null as varchar) as field_d57,
        cast(null as varchar) as field_d58,
        cast(base.math_grouping_indicator_1 as varchar) as math_grouping_indicator_1,
        cast(base.math_grouping_indicator_2 as varchar) as math_grouping_indicator_2,
        cast(base.ela_grouping_indicator_1 as varchar) as ela_grouping_indicator_1,
        cast(base.ela_grouping_indicator_2 as varchar) as ela_grouping_indicator_2,
        cast(base.science_grouping_indicator_1 as varchar) as science_grouping_indicator_1,
        cast(base.science_grouping_indicator_2 as varchar) as science_grouping_indicator_2,
        cast(base.comprehensive_agriculture_grouping_indicator as varchar) as comprehensive_agriculture_grouping_indicator,
        cast(base.animal_systems_grouping_indicator as varchar) as animal_systems_grouping_indicator,
        cast(base.plant_systems_grouping_indicator as varchar) as plant_systems_grouping_indicator,
        cast(base.kelpa2_grouping_indicator_1 as varchar) as kelpa2_grouping_indicator_1,
        cast(base.kelpa2_grouping_indicator_2 as varchar) as kelpa2_grouping_indicator_2,
        base.state_math_assessment as state_mathematics_assessment,
        base.state_ela_assessment,
        base.state_science_assessment,
        base.state_history_gov_assessment,
        base.comp_agriculture_assessment as comprehensive_agriculture_assessment,
        base.animal_systems_assessment,
        base.plant_systems_assessment,
        base.kelpa_assessment as kansas_english_proficiency_assessment
    from base
    left join code_maps as gender_map
        on gender_map.field_id = 'D8' and base.gender = gender_map.source_value and gender_map.source_qualifier = '*'
    left join code_maps as hispanic_map
        on hispanic_map.field_id = 'D12' and base.hispanic_ethnicity = hispanic_map.source_value and hispanic_map.source_qualifier = '*'
    left join code_maps as lunch_exact_map
        on
            lunch_exact_map.field_id = 'D34'
            and base.lunch_eligibility = lunch_exact_map.source_value
            and base.lunch_source = lunch_exact_map.source_qualifier
    left join code_maps as lunch_any_map
        on lunch_any_map.field_id = 'D34' and base.lunch_eligibility = lunch_any_map.source_value and lunch_any_map.source_qualifier = '*'
    left join code_maps as gifted_map
        on gifted_map.field_id = 'D36' and gifted_map.source_value = 'active' and gifted_map.source_qualifier = '*'
    left join code_maps as section_504_map
        on section_504_map.field_id = 'D37' and base.status_504 = section_504_map.source_value and section_504_map.source_qualifier = '*'
    left join code_maps as homeless_map
        on
            homeless_map.field_id = 'D38'
            and base.primary_nighttime_residence = homeless_map.source_value
            and homeless_map.source_qualifier = '*'
    left join code_maps as military_map
        on military_map.field_id = 'D53' and base.military_status = military_map.source_value and military_map.source_qualifier = '*'
    left join code_maps as immigrant_map
        on immigrant_map.field_id = 'D54' and base.immigrant = immigrant_map.source_value and immigrant_map.source_qualifier = '*'
)

select * from final

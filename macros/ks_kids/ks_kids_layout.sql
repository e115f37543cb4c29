{#- The nine KIDS record types (the editor's Extract Type codes, in its order): one mart ks_kids__<code> each. -#}
{% macro ks_kids_record_types() -%}
    {{ return(['ENRL', 'TEST', 'SMSC', 'MILT', 'EOYA', 'ASGT', 'EXIT', 'QERY', 'SPED']) }}
{%- endmacro %}

{#- Kansas KIDS D1-D77 record layout: column names in field order. seeds/reference/ks_kids__fields.csv is the
    documented layout; the data test ks_kids_marts_match_layout proves every KIDS mart matches it column by column. -#}
{% macro ks_kids_columns() -%}
    {{ return([
        'record_type', 'accountability_school_identifier', 'resident_district', 'legal_last_name', 'legal_first_name',
        'legal_middle_name', 'suffix', 'gender', 'date_of_birth', 'grade',
        'student_identifier', 'hispanic_ethnicity', 'state_student_identifier', 'school_year', 'funding_school',
        'attendance_school', 'virtual_education_student', 'school_entry_date', 'district_entry_date', 'state_entry_date',
        'field_d21', 'membership_days', 'attended_days', 'truant_student', 'minutes_enrolled',
        'concurrent_hs_enrollment', 'exit_withdrawal_date', 'exit_withdrawal_type', 'field_d29', 'field_d30',
        'special_circumstance_transfer_choice', 'post_graduation_plans', 'comprehensive_race', 'lunch_program', 'primary_disability',
        'gifted_student_code', 'section_504', 'resident_of_homeless', 'esol_entry_date', 'date_entered_us',
        'first_language', 'esol_participation', 'esol_bilingual_program_ending_date', 'esol_contact_minutes', 'career_tech_ed_contact_minutes',
        'title_1_participation', 'miles_transported', 'transportation_fte', 'transportation_street_address', 'transportation_city',
        'transportation_zip', 'non_resident_transportation', 'child_of_military_family', 'immigrant_student', 'country_of_birth',
        'neglected_student', 'field_d57', 'field_d58', 'math_grouping_indicator_1', 'math_grouping_indicator_2',
        'ela_grouping_indicator_1', 'ela_grouping_indicator_2', 'science_grouping_indicator_1', 'science_grouping_indicator_2',
        'comprehensive_agriculture_grouping_indicator',
        'animal_systems_grouping_indicator', 'plant_systems_grouping_indicator', 'kelpa2_grouping_indicator_1', 'kelpa2_grouping_indicator_2',
        'state_mathematics_assessment',
        'state_ela_assessment', 'state_science_assessment', 'state_history_gov_assessment', 'comprehensive_agriculture_assessment',
        'animal_systems_assessment',
        'plant_systems_assessment', 'kansas_english_proficiency_assessment'
    ]) }}
{%- endmacro %}

{#- The body of one KIDS mart: the extract's reported population joined to the shared D1-D77 values; a field the
    extract collects reports its value or, when the source is empty, its documented default (0 or blank); a field the
    extract does not collect reports blank (KIDS-FIELD-COLLECTED, KIDS-FIELD-DEFAULT). -#}
{% macro ks_kids_mart(extract_code) -%}
with

population as (
    select * from {{ ref('int_ks_kids__population') }}
    where extract_code = '{{ extract_code }}' and is_reported
),

records as (
    select * from {{ ref('int_ks_kids__records') }}
    where extract_code = '{{ extract_code }}'
),

layout as (
    select * from {{ ref('int_ks_kids__extract_layout') }}
    where extract_code = '{{ extract_code }}'
),

final as (
    select
        {%- for column in lint_sample(ks_kids_columns()) %}
        case
            when layout.collects_{{ column }} then coalesce(records.{{ column }}, layout.default_{{ column }})
            else ''
        end as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from population
    inner join records
        on population.enrollment_id = records.enrollment_id
    cross join layout
)

select * from final
{%- endmacro %}

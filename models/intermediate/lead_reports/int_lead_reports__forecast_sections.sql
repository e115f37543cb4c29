-- The KECS course validation forecast, one row per reported Detail section: the category KECS is expected to show
-- (Clear, Error, Out of Field) or Not checked, from int_lead_reports__forecast_section_facts. The rules are tried in
-- the order below and the first that holds decides (each has its id LEAD-FORECAST-*):
--   errors first, because KECS cannot identify the course or the teacher without them (seed 001's four errors, 94 %
--   of all course errors); then the exemptions KECS clears without validating credentials; then the out-of-field
--   causes seed 001 names, each once its inputs are present. A check whose optional input is missing gives
--   Not checked with the missing table named (never a guess). This is our reading of KECS's public rules
--   (specs/ky_kecs_validation.md §4-§7, §14), not KECS's own answer.
{%- set not_digits = 'not ' ~ lead_is_all_digits('state_course_code') -%}
{%- set ladder = [
    ('LEAD-FORECAST-COURSE-CODE',
        '(catalogue_supplied and not code_offered_in_year) or (not catalogue_supplied and (state_course_code is null'
        ~ ' or length(state_course_code) <> 6 or ' ~ not_digits ~ '))'),
    ('LEAD-FORECAST-NO-PRIMARY', 'not has_primary_teacher'),
    ('LEAD-FORECAST-NO-STAFF-RECORD', 'not teacher_has_active_employment or not teacher_has_assignment_at_school'),
    ('LEAD-FORECAST-NO-EPSB', 'epsb_id is null'),
    ('LEAD-FORECAST-INVALID-EPSB', 'epsb_id_has_outer_whitespace or not epsb_id_is_all_digits'),
    ('LEAD-FORECAST-CLEAR-TM02', "teaching_method = '02'"),
    ('LEAD-FORECAST-CLEAR-TM12', "teaching_method = '12'"),
    ('LEAD-FORECAST-CLEAR-OFFSITE-CTE', "instructional_setting = '02'"),
    ('LEAD-FORECAST-CLEAR-KTS', 'is_kts_exchange'),
    ('LEAD-FORECAST-CLEAR-NOT-NEEDED', 'is_placeholder_course_code and teacher_is_counselor_or_administrator'),
    ('LEAD-FORECAST-OOF-PROFESSOR',
        'placeholder_required_teaching_method is not null and teaching_method <> placeholder_required_teaching_method'),
    ('LEAD-FORECAST-OOF-SUBSTITUTE', 'teacher_is_substitute'),
    ('LEAD-FORECAST-VACANCY', "placeholder_kind = 'vacancy'"),
    ('LEAD-FORECAST-OOF-SPED-GENERAL',
        "section_special_type = '05' and rostered_students > 0 and general_population_students * 4 > rostered_students"),
    ('LEAD-FORECAST-NOT-CHECKED', 'not catalogue_supplied or not permissions_supplied or not educator_in_permissions'),
    ('LEAD-FORECAST-OOF-CONTENT', 'not has_content_permission'),
    ('LEAD-FORECAST-OOF-POPULATION', 'missing_population is not null'),
    ('LEAD-FORECAST-OOF-GRADE', 'not has_grade_permission'),
    ('LEAD-FORECAST-NOT-CHECKED',
        'required_years_of_experience is not null and (not experience_supplied or years_of_experience is null)'),
    ('LEAD-FORECAST-OOF-EXPERIENCE', 'years_of_experience < required_years_of_experience'),
] %}
with

facts as (
    select * from {{ ref('int_lead_reports__forecast_section_facts') }}
),

ruled as (
    select
        facts.*,
        coalesce(facts.lead_content_area, 'course ' || coalesce(facts.state_course_code, facts.section_id::varchar)) as content_shown,
        case
            when facts.grade_low = facts.grade_high then {{ lead_grade_shown('grade_low') }}
            else {{ lead_grade_shown('grade_low') }} || '-' || {{ lead_grade_shown('grade_high') }}
        end as grade_range_shown,
        case
            {%- for rule_id, condition in ladder %}
                when {{ condition }} then '{{ rule_id }}'
            {%- endfor %}
            else 'LEAD-FORECAST-CLEAR'
        end as rule_id,
        -- what a plain Clear was cleared for: its Sub-Category and its Reason alike
        case
            when facts.required_years_of_experience is not null then 'Cleared (Experience met)'
            when facts.section_special_type = '05' then 'Cleared (Special Type - Specific Disability)'
            else 'Cleared for content'
        end as cleared_for
    from facts
),

forecast as (
    select
        end_year,
        school_id,
        school_number,
        school_name,
        section_id,
        course_number,
        course_name,
        section_number,
        state_course_code,
        lead_content_area,
        grade_range_shown as grade_range,
        primary_teacher_person_id as educator_person_id,
        primary_teacher_first_name as educator_first_name,
        primary_teacher_last_name as educator_last_name,
        epsb_id,
        case
            when rule_id in ('LEAD-FORECAST-NOT-CHECKED', 'LEAD-FORECAST-VACANCY') then 'Not checked'
            when rule_id like 'LEAD-FORECAST-CLEAR%' then 'Clear'
            when rule_id like 'LEAD-FORECAST-OOF-%' then 'Out of Field'
            else 'Error'
        end as category,
        case rule_id
            when 'LEAD-FORECAST-CLEAR-TM02' then 'Teaching Method 02: 3rd Party'
            when 'LEAD-FORECAST-CLEAR-TM12' then 'Teaching Method 12: Dual Credit'
            when 'LEAD-FORECAST-CLEAR-OFFSITE-CTE' then 'Offsite CTE 02'
            when 'LEAD-FORECAST-CLEAR-KTS' then 'KTS Exchange Course'
            when 'LEAD-FORECAST-CLEAR-NOT-NEEDED' then 'Validation not needed'
            when 'LEAD-FORECAST-CLEAR' then cleared_for
            when 'LEAD-FORECAST-OOF-PROFESSOR' then 'Content'
            when 'LEAD-FORECAST-OOF-SUBSTITUTE' then 'Content'
            when 'LEAD-FORECAST-OOF-CONTENT' then 'Content'
            when 'LEAD-FORECAST-OOF-POPULATION' then 'Content'
            when 'LEAD-FORECAST-OOF-GRADE' then 'Grade Range'
            when 'LEAD-FORECAST-OOF-SPED-GENERAL' then 'Other'
            when 'LEAD-FORECAST-OOF-EXPERIENCE' then 'Other'
        end as sub_category,
        case rule_id
            when 'LEAD-FORECAST-CLEAR-TM02' then 'Teaching Method 02: 3rd Party: No Validation Needed'
            when 'LEAD-FORECAST-CLEAR-TM12' then 'Teaching Method 12: Dual Credit: No Validation Needed'
            when 'LEAD-FORECAST-CLEAR-OFFSITE-CTE' then 'Offsite CTE 02: No validation required'
            when 'LEAD-FORECAST-CLEAR-KTS' then 'KTS Exchange Course'
            when 'LEAD-FORECAST-CLEAR-NOT-NEEDED' then 'Cleared (Validation not needed)'
            when 'LEAD-FORECAST-CLEAR' then cleared_for
            when 'LEAD-FORECAST-COURSE-CODE' then 'Invalid Course Code'
            when 'LEAD-FORECAST-NO-PRIMARY' then 'No Primary Teacher Assigned'
            when 'LEAD-FORECAST-NO-STAFF-RECORD' then 'No Staff Record Found'
            when 'LEAD-FORECAST-NO-EPSB' then 'No EPSB ID Provided'
            when 'LEAD-FORECAST-INVALID-EPSB' then 'Invalid EPSB ID'
            when 'LEAD-FORECAST-OOF-PROFESSOR' then 'Educator does not have permissions for (' || content_shown || ')'
            when 'LEAD-FORECAST-OOF-SUBSTITUTE' then 'Educator does not have permissions for (' || content_shown || ')'
            when 'LEAD-FORECAST-OOF-CONTENT' then 'Educator does not have permissions for (' || content_shown || ')'
            when 'LEAD-FORECAST-OOF-POPULATION' then 'Educator does not have permissions for (' || missing_population || ')'
            when 'LEAD-FORECAST-OOF-GRADE'
                then
                    'Educator does not have permissions for (' || content_shown || ') within the grade range of '
                    || grade_range_shown
            when 'LEAD-FORECAST-OOF-SPED-GENERAL'
                then
                    'More than 25% of students for the special education course are general population'
            when 'LEAD-FORECAST-OOF-EXPERIENCE'
                then
                    'Educator must have ' || required_years_of_experience::varchar || ' years of experience for this course'
            when 'LEAD-FORECAST-VACANCY' then 'Vacancy placeholder as primary teacher: KECS does not publish its result'
            when 'LEAD-FORECAST-NOT-CHECKED' then 'Not checked: needs ' || case
                    when not catalogue_supplied then 'kecs_state_course_code (the state course-code catalogue)'
                    when not permissions_supplied then 'kecs_credential_permission (educator credential permissions)'
                    when not educator_in_permissions
                        then
                            'kecs_credential_permission rows for EPSB ID ' || epsb_id || ' (the educator is not in the file)'
                    when not experience_supplied then 'kecs_educator_experience (educator years of experience)'
                    else 'kecs_educator_experience row for EPSB ID ' || epsb_id || ' (the educator is not in the file)'
                end
        end as reason,
        case
            when rule_id <> 'LEAD-FORECAST-NOT-CHECKED' then null
            when not catalogue_supplied then 'kecs_state_course_code'
            when not permissions_supplied or not educator_in_permissions then 'kecs_credential_permission'
            else 'kecs_educator_experience'
        end as missing_input,
        case rule_id
            when 'LEAD-FORECAST-COURSE-CODE'
                then
                    -- Warning 8 checks the code's shape only; a six-digit code missing from the catalogue has no warning.
                    case
                        when state_course_code is null or length(state_course_code) <> 6 or {{ not_digits }} then '8'
                    end
            when 'LEAD-FORECAST-NO-PRIMARY' then '7'
            when 'LEAD-FORECAST-NO-STAFF-RECORD' then case when teacher_has_active_employment then '1' else '9' end
            when 'LEAD-FORECAST-NO-EPSB' then '3'
            when 'LEAD-FORECAST-INVALID-EPSB'
                then
                    case
                        when epsb_id_has_outer_whitespace and not epsb_id_is_all_digits then '4, 5'
                        when epsb_id_has_outer_whitespace then '4'
                        else '5'
                    end
            when 'LEAD-FORECAST-OOF-PROFESSOR' then '11'
            when 'LEAD-FORECAST-OOF-SUBSTITUTE' then '10'
            when 'LEAD-FORECAST-OOF-SPED-GENERAL' then '14'
            when 'LEAD-FORECAST-OOF-CONTENT' then case when is_placeholder_course_code then '12' end
            when 'LEAD-FORECAST-OOF-GRADE' then case when grade_range_from_school then '13' end
        end as issues_warnings,
        rule_id
    from ruled
)

select * from forecast

-- Reported or excluded, for every KIDS candidate record (one row per extract and candidate enrollment).
-- The first rule a candidate fails is its rule_id; survivors are reduced to one record per reported grain.
-- KIDS-<TYPE>-ADHOC-FILTER: with the editor's ad hoc filter on, a student it does not list (int_person__adhoc_filter).
{%- set test_grades = var('kids_test_grades') %}
with

candidates as (
    select * from {{ ref('int_ks_kids__candidates') }}
),

adhoc_students as (
    select distinct person_id from {{ ref('int_person__adhoc_filter') }}
    where person_id is not null
),

listed_candidates as (
    select
        candidates.*,
        adhoc_students.person_id is not null as is_adhoc_listed
    from candidates
    left join adhoc_students
        on candidates.person_id = adhoc_students.person_id
),

keyed as (
    select
        *,
        -- Reported grain (KIDS-<TYPE>-ONE-RECORD; KIDS-EXIT-LATEST): EOYA one record per
        -- student and AYP school (seed 004: "all students who were enrolled at the AYP school at any point during the
        -- school year", so a student of two AYP schools gets one record at each, with that school's D22/D23); EXIT
        -- one per exited enrollment (per student in one-date mode); every other record type one per student per
        -- selected calendar (IC-TEST, IC-SMSC).
        case
            when extract_code = 'EOYA'
                then cast(person_id as varchar) || '|' || cast(school_id as varchar)
            when extract_code = 'EXIT' and is_one_date_exit then cast(person_id as varchar)
            when extract_code = 'EXIT' then cast(enrollment_id as varchar)
            else cast(person_id as varchar) || '|' || cast(calendar_id as varchar)
        end as record_key,
        case
            when calendar_excluded then 'CALENDAR-EXCLUDE'
            when enrollment_state_exclude then 'STATE-EXCLUDE'
            when no_show then 'NO-SHOW'
            when grade_excluded then 'GRADE-EXCLUDE'
            {%- if adhoc_filter_active() %}
            when not is_adhoc_listed then 'ADHOC-FILTER'
            {%- endif %}
            {%- if var('kids_students_without_state_ids') %}
            when has_state_id then 'HAS-STATE-ID'
            {%- endif %}
            {%- if test_grades | length > 0 %}
                when
                    extract_code = 'TEST'
                    and (
                        state_grade is null
                        or state_grade not in (
                            '{{ test_grades | join("', '") }}'
                        )
                    )
                    then 'GRADE'
            {%- endif %}
            {%- if var('kids_test_exclude_after_feb8') %}
                when extract_code = 'TEST' and first_start_date > {{ ks_kids_month_day('end_year', 2, 8) }} then 'LATE-ENTRANT'
            {%- endif %}
            {%- if var('kids_smsc_k12_only') %}
            when extract_code = 'SMSC' and (state_grade is null or state_grade not between '05' and '17') then 'GRADE'
            {%- endif %}
            when extract_code = 'EOYA' and not is_accountability_school then 'NOT-ACCOUNTABILITY-SCHOOL'
            when extract_code = 'SPED' and not has_primary_disability then 'NO-DISABILITY'
            {%- if var('kids_milt_military_only') %}
            when extract_code = 'MILT' and not is_military_connected then 'NOT-MILITARY'
            {%- endif %}
            when
                extract_code in ('ENRL', 'MILT')
                and (start_date > count_date or (end_date is not null and end_date < count_date))
                then 'COUNT-DAY'
            when
                extract_code in ('ENRL', 'MILT')
                {%- if not var('kids_enrl_count_day_attendance') %}
                and extract_code != 'ENRL'
                {%- endif %}
                and not coalesce(attended_count_date, false)
                and not (coalesce(attended_before_count_date, false) and coalesce(attended_after_count_date, false))
                then 'COUNT-DAY'
        end as failed_rule
    from listed_candidates
),

ranked as (
    select
        *,
        case
            when failed_rule is null
                then row_number() over (
                        partition by extract_code, record_key, failed_rule is null
                        order by
                            case when extract_code = 'EXIT' then end_date end desc nulls last,
                            start_date desc,
                            case when service_type = {{ primary_service_type() }} then 0 else 1 end,
                            enrollment_id desc
                    )
        end as record_rank
    from keyed
),

final as (
    select
        extract_code,
        'KIDS_' || extract_code as extract_name,
        enrollment_id,
        person_id,
        calendar_id,
        school_id,
        school_number,
        record_key,
        failed_rule is null and record_rank = 1 as is_reported,
        case
            when failed_rule is not null then 'KIDS-' || extract_code || '-' || failed_rule
            when record_rank > 1 and extract_code = 'EXIT' then 'KIDS-EXIT-LATEST'
            when record_rank > 1 then 'KIDS-' || extract_code || '-ONE-RECORD'
        end as rule_id,
        case
            when failed_rule is not null
                then 'enrollment ' || cast(enrollment_id as varchar) || ' (grade ' || coalesce(state_grade, grade, '?')
                    || ', ' || cast(start_date as varchar) || ' to ' || coalesce(cast(end_date as varchar), 'open') || ')'
            when record_rank > 1
                then 'enrollment ' || cast(enrollment_id as varchar) || ' superseded by a later enrollment of the same record'
        end as detail
    from ranked
)

select * from final

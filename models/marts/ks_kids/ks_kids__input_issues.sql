-- KIDS-INPUT-D25-NOT-ENTERED: the Kansas run's own input issues, records the state will fund on whose source data is
-- missing. Seed 004: "Schools and districts enter minutes" for D25 Minutes Enrolled, and D25 defaults to blank; a
-- reported ENRL record with no minutes entered on its enrollment goes out blank (KSDE funds on ENRL's minutes), so the
-- clerk gets one row per such record. With var kids_d25_minutes_from_schedule on the record reports the computed
-- minutes, and the row says so. Same columns as input_issues (which is shared by both states and cannot read the
-- Kansas models).
with

population as (
    select * from {{ ref('int_ks_kids__population') }}
),

minutes_enrolled as (
    select * from {{ ref('int_ks_kids__minutes_enrolled') }}
),

catalogue as (
    select * from {{ ref('int_rules__catalogue') }}
),

issues as (
    select
        'KIDS-INPUT-D25-NOT-ENTERED' as rule_id,
        'enrollment' as table_name,
        cast(population.enrollment_id as varchar) as record_key,
        population.person_id,
        'enrollment ' || cast(population.enrollment_id as varchar) || ' (school ' || coalesce(population.school_number, '?')
        || ') reports on ENRL with no minutes_enrolled entered; D25 '
        || case
            when minutes_enrolled.minutes_enrolled is null then 'is blank'
            else 'reports ' || cast(minutes_enrolled.minutes_enrolled as varchar) || ' minutes computed from the schedule'
        end as detail
    from population
    inner join minutes_enrolled
        on
            population.extract_code = minutes_enrolled.extract_code
            and population.enrollment_id = minutes_enrolled.enrollment_id
    where
        population.extract_code = 'ENRL'
        and population.is_reported
        and minutes_enrolled.minutes_enrolled_entered is null
),

final as (
    {{ input_issue_columns() }}
)

select * from final

-- One row per calendar and schedule structure, with its school, district, school year, instructional-day bounds and
-- KECS LEAD grade span (rules LEAD-DETAIL-LAST-INSTRUCTIONAL-DAY, LEAD-DETAIL-GRADE-SPAN).
with

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

structures as (
    select * from {{ ref('stg_sis__schedule_structure') }}
),

schools as (
    select * from {{ ref('stg_sis__school') }}
),

districts as (
    select * from {{ ref('stg_sis__district') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

grade_levels as (
    select * from {{ ref('stg_sis__grade_level') }}
),

grade_order as (
    select * from {{ ref('int_calendar__kecs_grade_order') }}
),

instructional_days as (
    select
        days.calendar_id,
        days.structure_id,
        min(days.date) as first_instructional_day,
        max(days.date) as last_instructional_day
    from days
    where days.instruction
    group by days.calendar_id, days.structure_id
),

-- Low/High Grade: lowest and highest state grade of the structure's grade levels that are not excluded,
-- in the KECS order 95, 96, 97, 98, 99, 00 ... 12, 14, 20.
ordered_grades as (
    select
        grade_levels.calendar_id,
        grade_levels.structure_id,
        grade_levels.state_grade,
        grade_order.grade_sort,
        row_number() over (
            partition by grade_levels.calendar_id, grade_levels.structure_id order by grade_order.grade_sort
        ) as rank_low,
        row_number() over (
            partition by grade_levels.calendar_id, grade_levels.structure_id order by grade_order.grade_sort desc
        ) as rank_high
    from grade_levels
    inner join grade_order
        on grade_levels.state_grade = grade_order.state_grade
    where not coalesce(grade_levels.exclude_enrollment, false)
),

grade_span as (
    select
        calendar_id,
        structure_id,
        max(case when rank_low = 1 then state_grade end) as low_grade,
        max(case when rank_high = 1 then state_grade end) as high_grade
    from ordered_grades
    group by calendar_id, structure_id
),

final as (
    select
        structures.calendar_id,
        structures.structure_id,
        structures.name as structure_name,
        calendars.name as calendar_name,
        calendars.end_year,
        calendars.start_date as calendar_start_date,
        calendars.end_date as calendar_end_date,
        coalesce(calendars.summer_school, false) as is_summer_school,
        coalesce(calendars.exclude, false) as is_state_excluded,
        calendars.school_id,
        schools.number as school_number,
        schools.name as school_name,
        schools.state_classification,
        calendars.district_id,
        districts.number as district_number,
        districts.name as district_name,
        instructional_days.first_instructional_day,
        instructional_days.last_instructional_day,
        grade_span.low_grade,
        grade_span.high_grade
    from structures
    inner join calendars
        on structures.calendar_id = calendars.calendar_id
    left join schools
        on calendars.school_id = schools.school_id
    left join districts
        on calendars.district_id = districts.district_id
    left join instructional_days
        on {{ same_structure('structures', 'instructional_days') }}
    left join grade_span
        on {{ same_structure('structures', 'grade_span') }}
)

select * from final

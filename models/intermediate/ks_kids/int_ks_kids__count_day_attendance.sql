-- Count-day attendance of ENRL (Sept 20) and MILT (Feb 20) candidates (KIDS-ENRL-COUNT-DAY, KIDS-MILT-COUNT-DAY).
-- A student attended an instructional day of the enrollment unless absent the whole day: absent (status A, the
-- attendance code's status winning over the raw mark) for minutes >= the Whole Day Absence minutes (grade level,
-- else calendar), or for every instructional period of that day's bell schedule when no threshold is set.
-- ENRL: attended on the count date, or once before it and once after it on/before Oct 4.
-- MILT: attended on the count date, or once on/after Feb 1 before it and once after it on/before Mar 4 (PS-EXT).
with

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
    where extract_code in ('ENRL', 'MILT')
),

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

grade_levels as (
    select * from {{ ref('stg_sis__grade_level') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

periods as (
    select * from {{ ref('stg_sis__period') }}
),

attendance as (
    select * from {{ ref('stg_sis__attendance') }}
),

attendance_excuses as (
    select * from {{ ref('stg_sis__attendance_excuse') }}
),

ranges as (
    select
        windows.extract_code,
        windows.calendar_id,
        windows.count_date,
        case
            when windows.extract_code = 'ENRL' then windows.first_day
            else {{ ks_kids_month_day('windows.end_year', 2, 1) }}
        end as before_from,
        case
            when windows.extract_code = 'ENRL' then {{ ks_kids_month_day('windows.end_year - 1', 10, 4) }}
            else {{ ks_kids_month_day('windows.end_year', 3, 4) }}
        end as after_to
    from windows
),

-- Not DISTINCT: the days only feed the bool_or()s of final, which a repeated row cannot change (a DISTINCT over
-- 42 million enrollment days took 11 of 15 s at 700,000 students).
enrollment_days as (
    select
        ranges.extract_code,
        ranges.count_date,
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.calendar_id,
        enrollments.structure_id,
        enrollments.grade,
        days.date as school_date,
        days.period_schedule_id
    from ranges
    inner join enrollments
        on ranges.calendar_id = enrollments.calendar_id
    inner join days
        on
            enrollments.calendar_id = days.calendar_id
            and (enrollments.structure_id is null or enrollments.structure_id = days.structure_id)
            and days.instruction
            and days.date between ranges.before_from and ranges.after_to
            and enrollments.start_date <= days.date
            and (enrollments.end_date is null or enrollments.end_date >= days.date)
),

day_minutes as (
    select
        period_schedule_id,
        sum(period_minutes) as instructional_minutes
    from periods
    where not coalesce(non_instructional, false)
    group by period_schedule_id
),

absences as (
    select
        attendance.person_id,
        attendance.calendar_id,
        attendance.date as school_date,
        attendance.period_id,
        max(periods.period_minutes) as period_minutes
    from attendance
    left join attendance_excuses
        on attendance.excuse_id = attendance_excuses.excuse_id
    left join periods
        on attendance.period_id = periods.period_id
    where coalesce(attendance_excuses.status, attendance.status) = 'A'
    group by attendance.person_id, attendance.calendar_id, attendance.date, attendance.period_id
),

absent_minutes as (
    select
        person_id,
        calendar_id,
        school_date,
        sum(coalesce(period_minutes, 0)) as minutes_absent
    from absences
    group by person_id, calendar_id, school_date
),

daily as (
    select
        enrollment_days.extract_code,
        enrollment_days.enrollment_id,
        enrollment_days.count_date,
        enrollment_days.school_date,
        absent_minutes.minutes_absent is null
        or absent_minutes.minutes_absent < coalesce(
            grade_levels.whole_day_absence, calendars.whole_day_absence, day_minutes.instructional_minutes, 1
        ) as attended
    from enrollment_days
    inner join calendars
        on enrollment_days.calendar_id = calendars.calendar_id
    left join grade_levels
        on {{ is_grade_level_of('enrollment_days') }}
    left join day_minutes
        on enrollment_days.period_schedule_id = day_minutes.period_schedule_id
    left join absent_minutes
        on
            enrollment_days.person_id = absent_minutes.person_id
            and enrollment_days.calendar_id = absent_minutes.calendar_id
            and enrollment_days.school_date = absent_minutes.school_date
),

final as (
    select
        extract_code,
        enrollment_id,
        coalesce(bool_or(attended and school_date = count_date), false) as attended_count_date,
        coalesce(bool_or(attended and school_date < count_date), false) as attended_before_count_date,
        coalesce(bool_or(attended and school_date > count_date), false) as attended_after_count_date
    from daily
    group by extract_code, enrollment_id
)

select * from final

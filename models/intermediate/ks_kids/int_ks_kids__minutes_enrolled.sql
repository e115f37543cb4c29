-- KIDS-D25-MINUTES: D25 Minutes Enrolled (ks_kids_extracts.md §7.3; seed 004 "Minutes Enrolled").
-- Schools enter the minutes on the enrollment (enrollment.minutes_enrolled, 0 allowed); an entered value always
-- reports. When none is entered, the minutes are computed from the student's schedule
-- (int_ks_kids__attendance_days): the week (Monday-Friday) holding the snapshot date = the Data Filter To Date
-- (ENRL: September 20, MILT: February 20), each of the calendar's instructional days that week contributing the
-- student's scheduled instructional minutes without lunch periods (0 on days the enrollment does not cover); the
-- sum divided by the number of instructional days that week ("sum a normal 5-day week and divide by 5", so a
-- holiday does not lower the average), rounded to whole minutes. Passing time between classes is not added (the
-- seed allows, not requires, it). Not enrolled that week and nothing entered -> blank.
-- Grain: one row per enrollment.
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

attendance_days as (
    select * from {{ ref('int_ks_kids__attendance_days') }}
),

snapshot_week as (
    select
        {{ kids_schedule_snapshot_week_start() }} as week_start_date,
        {{ kids_schedule_snapshot_week_end() }} as week_end_date
),

week_school_days as (
    select
        days.calendar_id,
        days.structure_id,
        count(*) as instructional_days
    from days
    cross join snapshot_week
    where
        days.instruction
        and days.date between snapshot_week.week_start_date and snapshot_week.week_end_date
    group by days.calendar_id, days.structure_id
),

week_minutes as (
    select
        attendance_days.enrollment_id,
        sum(attendance_days.scheduled_minutes - attendance_days.scheduled_lunch_minutes) as week_minutes
    from attendance_days
    cross join snapshot_week
    where
        attendance_days.is_counted_day
        and attendance_days.attendance_date between snapshot_week.week_start_date and snapshot_week.week_end_date
    group by attendance_days.enrollment_id
),

final as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.minutes_enrolled as minutes_enrolled_entered,
        cast(round(week_minutes.week_minutes * 1.0 / week_school_days.instructional_days, 0) as integer)
            as minutes_enrolled_computed
    from enrollments
    left join week_minutes
        on enrollments.enrollment_id = week_minutes.enrollment_id
    left join week_school_days
        on
            enrollments.calendar_id = week_school_days.calendar_id
            and enrollments.structure_id = week_school_days.structure_id
)

select
    final.*,
    coalesce(final.minutes_enrolled_entered, final.minutes_enrolled_computed) as minutes_enrolled,
    case
        when final.minutes_enrolled_entered is not null then 'entered'
        when final.minutes_enrolled_computed is not null then 'schedule'
    end as minutes_enrolled_source
from final

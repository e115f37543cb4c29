-- KIDS-D25-MINUTES: D25 Minutes Enrolled (ks_kids_extracts.md §7.3; seed 004 "Minutes Enrolled": "Schools and
-- districts enter minutes"; its Default Values table gives D25 "Blank"). The minutes entered on the enrollment report
-- (0 allowed); none entered -> blank. Only with var kids_d25_minutes_from_schedule on (this project's addition) are
-- missing minutes computed from the student's schedule (int_ks_kids__attendance_days): the week (Monday-Friday)
-- holding the snapshot date = the extract's Data Filter To Date (int_ks_kids__schedule_snapshot_weeks; ENRL:
-- September 20, MILT: February 20), each of the calendar's instructional days that week contributing the student's
-- scheduled instructional minutes without lunch periods (0 on days the enrollment does not cover); the sum divided by
-- the number of instructional days that week ("sum a normal 5-day week and divide by 5", so a holiday does not lower
-- the average), rounded to whole minutes. Passing time between classes is not added (the seed allows, not requires,
-- it). With the var off, int_ks_kids__attendance_days adds no snapshot-week days, so nothing is computed.
-- Grain: one row per record type collecting D25 (ENRL, MILT) and enrollment of a selected calendar.
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

snapshot_weeks as not materialized (
    select * from {{ ref('int_ks_kids__schedule_snapshot_weeks') }}
),

week_school_days as (
    select
        snapshot_weeks.extract_code,
        days.calendar_id,
        days.structure_id,
        count(*) as instructional_days
    from days
    inner join snapshot_weeks
        on
            days.calendar_id = snapshot_weeks.calendar_id
            and days.date between snapshot_weeks.week_start_date and snapshot_weeks.week_end_date
    where days.instruction
    group by snapshot_weeks.extract_code, days.calendar_id, days.structure_id
),

week_minutes as (
    select
        snapshot_weeks.extract_code,
        attendance_days.enrollment_id,
        sum(attendance_days.scheduled_minutes - attendance_days.scheduled_lunch_minutes) as week_minutes
    from attendance_days
    inner join snapshot_weeks
        on
            attendance_days.calendar_id = snapshot_weeks.calendar_id
            and attendance_days.attendance_date between snapshot_weeks.week_start_date
            and snapshot_weeks.week_end_date
    where attendance_days.is_counted_day
    group by snapshot_weeks.extract_code, attendance_days.enrollment_id
),

final as (
    select
        snapshot_weeks.extract_code,
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.minutes_enrolled as minutes_enrolled_entered,
        cast(round(week_minutes.week_minutes * 1.0 / week_school_days.instructional_days, 0) as integer)
            as minutes_enrolled_computed
    from enrollments
    inner join snapshot_weeks
        on enrollments.calendar_id = snapshot_weeks.calendar_id
    left join week_minutes
        on
            snapshot_weeks.extract_code = week_minutes.extract_code
            and enrollments.enrollment_id = week_minutes.enrollment_id
    left join week_school_days
        on
            snapshot_weeks.extract_code = week_school_days.extract_code
            and {{ same_structure('enrollments', 'week_school_days') }}
)

select
    final.*,
    {%- if var('kids_d25_minutes_from_schedule') %}
        coalesce(final.minutes_enrolled_entered, final.minutes_enrolled_computed) as minutes_enrolled,
    {%- else %}
        final.minutes_enrolled_entered as minutes_enrolled,
    {%- endif %}
    case
        when final.minutes_enrolled_entered is not null then 'entered'
        {%- if var('kids_d25_minutes_from_schedule') %}
            when final.minutes_enrolled_computed is not null then 'schedule'
        {%- endif %}
    end as minutes_enrolled_source
from final

-- KIDS D22 Membership Days and D23 Attended Days per candidate record (ks_kids_extracts.md §3.1, §7.1; seed 004
-- "Data Filter From/To Date", "Attendance Filter To Date", "Attendance Days"; per-extract §4.5). The one owner of
-- D22/D23: int_ks_kids__records reads them from here.
-- Window of a record (int_ks_kids__windows through int_ks_kids__candidates, KIDS-WINDOW-DEFAULTS): ENRL from the
--   School Start Date (the calendar's first instructional day) to its To date; every other record type from its Data
--   Filter From Date to its To date; EOYA/EXIT ending at the Attendance Filter To Date when it is set and earlier
--   (KIDS-D22-ATTENDANCE-FILTER).
-- KIDS-D22-MEMBERSHIP: the student's membership days in the record's calendar inside the window: every instructional
--   day of the student's enrollments in that calendar, each date once (int_ks_kids__membership_spans), at most 366.
-- KIDS-D23-ATTENDED: the sum of the daily attended fractions over the same days (full-day absences count 0, partial
--   days their fraction, half-day kindergarten against its own half-day schedule), rounded to tenths (PS reports
--   tenths; IC states no precision), at most 366. Only a day with an attendance mark can fall short of 1, so
--   attended = membership - the sum of (1 - fraction) over the counted days in int_ks_kids__attendance_days inside
--   the window (each fraction taken to 6 decimals, exact arithmetic).
-- Grain: one row per candidate record (extract_code, enrollment_id).
with

candidates as (
    select * from {{ ref('int_ks_kids__candidates') }}
),

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

membership_spans as not materialized (
    select * from {{ ref('int_ks_kids__membership_spans') }}
),

attendance_days as (
    select * from {{ ref('int_ks_kids__attendance_days') }}
),

record_windows as (
    select
        candidates.extract_code,
        candidates.enrollment_id,
        candidates.person_id,
        candidates.calendar_id,
        case when candidates.extract_code = 'ENRL' then candidates.first_day else candidates.from_date end
            as window_from_date,
        least(candidates.to_date, coalesce(candidates.attendance_to_date, candidates.to_date)) as window_to_date
    from candidates
    -- a record whose student has no enrollment in the record's calendar reports no value (blank)
    where exists (
            select 1
            from enrollments
            where
                enrollments.person_id = candidates.person_id
                and enrollments.calendar_id = candidates.calendar_id
        )
),

-- the distinct windows of a student and calendar (records of one student mostly share them)
student_windows as (
    select distinct
        person_id,
        calendar_id,
        window_from_date,
        window_to_date
    from record_windows
),

window_probes as (
    select
        membership_spans.calendar_id,
        membership_spans.structure_id,
        student_windows.window_to_date as probe_date
    from student_windows
    inner join membership_spans
        on
            student_windows.person_id = membership_spans.person_id
            and student_windows.calendar_id = membership_spans.calendar_id
    union
    select
        membership_spans.calendar_id,
        membership_spans.structure_id,
        {{ ks_kids_day_before('student_windows.window_from_date') }} as probe_date
    from student_windows
    inner join membership_spans
        on
            student_windows.person_id = membership_spans.person_id
            and student_windows.calendar_id = membership_spans.calendar_id
),

day_index as (
    {{ ks_kids_instruction_index('window_probes', 'days') }}
),

-- instructional days of a span inside a window: days_through(min(ends)) - days_through(max(starts) - 1)
span_days as (
    select
        student_windows.person_id,
        student_windows.calendar_id,
        student_windows.window_from_date,
        student_windows.window_to_date,
        {{ ks_kids_days_in_both(
            'before_from.days_through', 'through_to.days_through',
            'membership_spans.days_before_start', 'membership_spans.days_through_end'
        ) }} as window_days
    from student_windows
    inner join membership_spans
        on
            student_windows.person_id = membership_spans.person_id
            and student_windows.calendar_id = membership_spans.calendar_id
    inner join day_index as through_to
        on {{ ks_kids_index_at('through_to', 'membership_spans', 'student_windows.window_to_date') }}
    inner join day_index as before_from
        on {{ ks_kids_index_at('before_from', 'membership_spans', 'student_windows.window_from_date', day_before=true) }}
),

window_membership as (
    select
        person_id,
        calendar_id,
        window_from_date,
        window_to_date,
        sum(case when window_days > 0 then window_days else 0 end) as membership_days
    from span_days
    group by person_id, calendar_id, window_from_date, window_to_date
),

window_shortfall as (
    select
        student_windows.person_id,
        student_windows.calendar_id,
        student_windows.window_from_date,
        student_windows.window_to_date,
        sum(1 - cast(attendance_days.attended_fraction as decimal(18, 6))) as missed_days
    from student_windows
    inner join attendance_days
        on
            student_windows.person_id = attendance_days.person_id
            and student_windows.calendar_id = attendance_days.calendar_id
            and attendance_days.attendance_date between student_windows.window_from_date
            and student_windows.window_to_date
    where attendance_days.is_counted_day
    group by
        student_windows.person_id,
        student_windows.calendar_id,
        student_windows.window_from_date,
        student_windows.window_to_date
),

final as (
    select
        record_windows.extract_code,
        record_windows.enrollment_id,
        record_windows.person_id,
        record_windows.calendar_id,
        record_windows.window_from_date,
        record_windows.window_to_date,
        coalesce(window_membership.membership_days, 0) as membership_days_exact,
        cast(coalesce(window_membership.membership_days, 0) as decimal(18, 6))
        - coalesce(window_shortfall.missed_days, 0) as attended_days_exact
    from record_windows
    left join window_membership
        on
            record_windows.person_id = window_membership.person_id
            and record_windows.calendar_id = window_membership.calendar_id
            and record_windows.window_from_date = window_membership.window_from_date
            and record_windows.window_to_date = window_membership.window_to_date
    left join window_shortfall
        on
            record_windows.person_id = window_shortfall.person_id
            and record_windows.calendar_id = window_shortfall.calendar_id
            and record_windows.window_from_date = window_shortfall.window_from_date
            and record_windows.window_to_date = window_shortfall.window_to_date
)

select
    final.*,
    least(final.membership_days_exact, 366) as membership_days,
    cast(least(round(final.attended_days_exact, 1), 366) as decimal(4, 1)) as attended_days
from final

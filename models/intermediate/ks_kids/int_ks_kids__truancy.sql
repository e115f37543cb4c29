-- KIDS-D24-TRUANCY: D24 Truant Student (ks_kids_extracts.md §7.2; seed 004 "Truant"; per-extract §4.5).
-- A student is truant in a school year when their unexcused full days (int_ks_kids__attendance_days: every scheduled
-- period status A / excuse U, or unexcused absent minutes >= the Whole Day Absence minutes) reach any of:
--   3 consecutive days of the student's own instructional days (based on their schedule: days they were not
--   enrolled do not break or extend a run), 5 in one semester, 7 in the year.
-- Looks across all the student's primary enrollments of the year (IC: "across the student's enrollments in the
-- selected calendars"); a date is counted once. Days counted: from the Data Filter From Date (blank = the calendar
-- start) up to and including the Data Filter To Date, or the Attendance Filter To Date when it is earlier
-- (KIDS-D24-ATTENDANCE-FILTER; the EOYA editor field).
-- D24 code: '1' truant, '0' not (IC default Zero; KSDE's non-zero value is a documented gap, §10.5).
-- Grain: one row per student and school year (end_year).
with

attendance_days as (
    select * from {{ ref('int_ks_kids__attendance_days') }}
),

window_days as (
    select
        person_id,
        end_year,
        attendance_date,
        semester_number,
        is_unexcused_full_day
    from attendance_days
    where
        is_counted_day
        and service_type = 'P'
        and attendance_date >= {{ kids_filter_from_date('calendar_start_date') }}
        and attendance_date <= {{ kids_filter_to_date() }}
        and (
            {{ kids_attendance_filter_to_date() }} is null
            or attendance_date <= {{ kids_attendance_filter_to_date() }}
        )
),

person_days as (
    select
        person_id,
        end_year,
        attendance_date,
        min(semester_number) as semester_number,
        max(case when is_unexcused_full_day then 1 else 0 end) as is_unexcused_full_day
    from window_days
    group by person_id, end_year, attendance_date
),

numbered_days as (
    select
        person_days.*,
        row_number() over (
            partition by person_days.person_id, person_days.end_year order by person_days.attendance_date
        ) as day_sequence
    from person_days
),

unexcused_runs as (
    select
        person_id,
        end_year,
        day_sequence - row_number() over (partition by person_id, end_year order by attendance_date) as run_key
    from numbered_days
    where is_unexcused_full_day = 1
),

run_lengths as (
    select
        person_id,
        end_year,
        max(run_length) as max_consecutive_unexcused_days
    from (
        select
            person_id,
            end_year,
            run_key,
            count(*) as run_length
        from unexcused_runs
        group by person_id, end_year, run_key
    ) as runs
    group by person_id, end_year
),

semester_counts as (
    select
        person_id,
        end_year,
        max(semester_days) as max_unexcused_days_in_semester
    from (
        select
            person_id,
            end_year,
            semester_number,
            sum(is_unexcused_full_day) as semester_days
        from person_days
        group by person_id, end_year, semester_number
    ) as semesters
    group by person_id, end_year
),

year_counts as (
    select
        person_id,
        end_year,
        count(*) as counted_days,
        sum(is_unexcused_full_day) as unexcused_full_days
    from person_days
    group by person_id, end_year
),

final as (
    select
        year_counts.person_id,
        year_counts.end_year,
        year_counts.counted_days,
        year_counts.unexcused_full_days,
        coalesce(run_lengths.max_consecutive_unexcused_days, 0) as max_consecutive_unexcused_days,
        coalesce(semester_counts.max_unexcused_days_in_semester, 0) as max_unexcused_days_in_semester,
        case
            when coalesce(run_lengths.max_consecutive_unexcused_days, 0) >= 3 then '3 consecutive'
            when coalesce(semester_counts.max_unexcused_days_in_semester, 0) >= 5 then '5 in a semester'
            when year_counts.unexcused_full_days >= 7 then '7 in the year'
        end as truancy_reason
    from year_counts
    left join run_lengths
        on
            year_counts.person_id = run_lengths.person_id
            and year_counts.end_year = run_lengths.end_year
    left join semester_counts
        on
            year_counts.person_id = semester_counts.person_id
            and year_counts.end_year = semester_counts.end_year
)

select
    final.*,
    final.truancy_reason is not null as is_truant,
    case when final.truancy_reason is not null then '1' else '0' end as truant_student
from final

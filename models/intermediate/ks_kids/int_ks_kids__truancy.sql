-- KIDS-D24-TRUANCY: D24 Truant Student (ks_kids_extracts.md §7.2; seed 004 "Truant"; per-extract §4.5).
-- A student is truant in a school year when their unexcused full days (int_ks_kids__attendance_days: every scheduled
-- period status A / excuse U, or unexcused absent minutes >= the Whole Day Absence minutes) reach any of:
--   3 consecutive days of the student's own instructional days (based on their schedule: days they were not
--   enrolled do not break or extend a run), 5 in one semester, 7 in the year.
-- Looks across all the student's primary enrollments of the year in the selected calendars (IC: "across the
-- student's enrollments in the selected calendars"); a date is counted once. The days counted are the record type's
-- window, owned by int_ks_kids__windows: its Data Filter From Date up to and including its Data Filter To Date, or
-- the Attendance Filter To Date when that is set and earlier (KIDS-D24-ATTENDANCE-FILTER; EOYA/EXIT only there).
-- Evaluated only for the record types that collect D24 (int_ks_kids__extract_layout; EOYA by the matrix seed).
-- D24 code: '1' truant, '0' not (IC default Zero; KSDE's non-zero value is a documented gap, §10.5).
-- Grain: one row per record type, student and school year (extract_code, person_id, end_year).
with

attendance_days as (
    select * from {{ ref('int_ks_kids__attendance_days') }}
),

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
),

extract_layout as (
    select * from {{ ref('int_ks_kids__extract_layout') }}
),

truancy_windows as (
    select
        windows.extract_code,
        windows.calendar_id,
        windows.from_date,
        case
            when windows.attendance_to_date is not null and windows.attendance_to_date < windows.to_date
                then windows.attendance_to_date
            else windows.to_date
        end as through_date
    from windows
    inner join extract_layout
        on windows.extract_code = extract_layout.extract_code
    where extract_layout.collects_truant_student
),

window_days as (
    select
        truancy_windows.extract_code,
        attendance_days.person_id,
        attendance_days.end_year,
        attendance_days.attendance_date,
        attendance_days.semester_number,
        attendance_days.is_unexcused_full_day
    from attendance_days
    inner join truancy_windows
        on
            attendance_days.calendar_id = truancy_windows.calendar_id
            and attendance_days.attendance_date between truancy_windows.from_date and truancy_windows.through_date
    where
        attendance_days.is_counted_day
        and attendance_days.service_type = 'P'
),

person_days as (
    select
        extract_code,
        person_id,
        end_year,
        attendance_date,
        min(semester_number) as semester_number,
        max(case when is_unexcused_full_day then 1 else 0 end) as is_unexcused_full_day
    from window_days
    group by extract_code, person_id, end_year, attendance_date
),

numbered_days as (
    select
        person_days.*,
        row_number() over (
            partition by person_days.extract_code, person_days.person_id, person_days.end_year
            order by person_days.attendance_date
        ) as day_sequence
    from person_days
),

unexcused_runs as (
    select
        extract_code,
        person_id,
        end_year,
        day_sequence - row_number() over (
            partition by extract_code, person_id, end_year order by attendance_date
        ) as run_key
    from numbered_days
    where is_unexcused_full_day = 1
),

run_lengths as (
    select
        extract_code,
        person_id,
        end_year,
        max(run_length) as max_consecutive_unexcused_days
    from (
        select
            extract_code,
            person_id,
            end_year,
            run_key,
            count(*) as run_length
        from unexcused_runs
        group by extract_code, person_id, end_year, run_key
    ) as runs
    group by extract_code, person_id, end_year
),

semester_counts as (
    select
        extract_code,
        person_id,
        end_year,
        max(semester_days) as max_unexcused_days_in_semester
    from (
        select
            extract_code,
            person_id,
            end_year,
            semester_number,
            sum(is_unexcused_full_day) as semester_days
        from person_days
        group by extract_code, person_id, end_year, semester_number
    ) as semesters
    group by extract_code, person_id, end_year
),

year_counts as (
    select
        extract_code,
        person_id,
        end_year,
        count(*) as counted_days,
        sum(is_unexcused_full_day) as unexcused_full_days
    from person_days
    group by extract_code, person_id, end_year
),

final as (
    select
        year_counts.extract_code,
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
            year_counts.extract_code = run_lengths.extract_code
            and year_counts.person_id = run_lengths.person_id
            and year_counts.end_year = run_lengths.end_year
    left join semester_counts
        on
            year_counts.extract_code = semester_counts.extract_code
            and year_counts.person_id = semester_counts.person_id
            and year_counts.end_year = semester_counts.end_year
)

select
    final.*,
    final.truancy_reason is not null as is_truant,
    case when final.truancy_reason is not null then '1' else '0' end as truant_student
from final

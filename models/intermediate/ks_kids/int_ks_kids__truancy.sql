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
-- Days are never expanded: the unexcused full days are days with a mark (int_ks_kids__attendance_days), the other
-- counted days are only needed to know whether one lies between two unexcused days (a run breaks) and whether the
-- student has any in the window (a row here); both come from int_ks_kids__membership_spans (primary owner spans) and
-- the instructional-day index (ks_kids_instruction_index).
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

membership_spans as (
    select * from {{ ref('int_ks_kids__membership_spans') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
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

-- the student's counted days of a primary enrollment in the window, as spans (no day rows)
window_spans as (
    select
        truancy_windows.extract_code,
        truancy_windows.from_date,
        truancy_windows.through_date,
        membership_spans.person_id,
        membership_spans.end_year,
        membership_spans.calendar_id,
        membership_spans.structure_id,
        membership_spans.span_start_date,
        membership_spans.span_end_date,
        membership_spans.days_before_start,
        membership_spans.days_through_end
    from membership_spans
    inner join truancy_windows
        on
            membership_spans.calendar_id = truancy_windows.calendar_id
            and membership_spans.span_start_date <= truancy_windows.through_date
            and membership_spans.span_end_date >= truancy_windows.from_date
    where membership_spans.service_type = {{ primary_service_type() }}
),

-- the unexcused full days (always days with a mark: int_ks_kids__attendance_days has every counted day of the
-- student on such a date, in each calendar), one row per date across the student's calendars
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
        and attendance_days.service_type = {{ primary_service_type() }}
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

unexcused_days as (
    select
        extract_code,
        person_id,
        end_year,
        attendance_date,
        semester_number,
        is_unexcused_full_day,
        lag(attendance_date) over (
            partition by extract_code, person_id, end_year order by attendance_date
        ) as previous_unexcused_date
    from person_days
    where is_unexcused_full_day = 1
),

-- 3 consecutive days on the student's own days: two unexcused days are consecutive when none of the student's
-- counted days in the window lies between them (in any of the student's calendars)
gap_spans as (
    select
        unexcused_days.extract_code,
        unexcused_days.person_id,
        unexcused_days.end_year,
        unexcused_days.attendance_date,
        window_spans.calendar_id,
        window_spans.structure_id,
        window_spans.days_before_start,
        window_spans.days_through_end,
        case
            when window_spans.from_date > unexcused_days.previous_unexcused_date
                then {{ ks_kids_day_before('window_spans.from_date') }}
            else unexcused_days.previous_unexcused_date
        end as gap_after_date,
        case
            when window_spans.through_date < unexcused_days.attendance_date then window_spans.through_date
            else {{ ks_kids_day_before('unexcused_days.attendance_date') }}
        end as gap_through_date
    from unexcused_days
    inner join window_spans
        on
            unexcused_days.extract_code = window_spans.extract_code
            and unexcused_days.person_id = window_spans.person_id
            and unexcused_days.end_year = window_spans.end_year
            and unexcused_days.attendance_date > window_spans.span_start_date
            and unexcused_days.previous_unexcused_date < window_spans.span_end_date
),

gap_probes as (
    select
        calendar_id,
        structure_id,
        gap_after_date as probe_date
    from gap_spans
    union
    select
        calendar_id,
        structure_id,
        gap_through_date as probe_date
    from gap_spans
    union
    select
        calendar_id,
        structure_id,
        {{ ks_kids_day_before('from_date') }} as probe_date
    from window_spans
    union
    select
        calendar_id,
        structure_id,
        through_date as probe_date
    from window_spans
),

day_index as (
    {{ ks_kids_instruction_index('gap_probes', 'days') }}
),

gap_days as (
    select
        gap_spans.extract_code,
        gap_spans.person_id,
        gap_spans.end_year,
        gap_spans.attendance_date,
        sum(
            case
                when {{ ks_kids_days_in_both(
                    'after_gap.days_through', 'through_gap.days_through',
                    'gap_spans.days_before_start', 'gap_spans.days_through_end'
                ) }} > 0
                    then 1
                else 0
            end
        ) as spans_with_days_between
    from gap_spans
    inner join day_index as after_gap
        on {{ ks_kids_index_at('after_gap', 'gap_spans', 'gap_spans.gap_after_date') }}
    inner join day_index as through_gap
        on {{ ks_kids_index_at('through_gap', 'gap_spans', 'gap_spans.gap_through_date') }}
    group by gap_spans.extract_code, gap_spans.person_id, gap_spans.end_year, gap_spans.attendance_date
),

unexcused_runs as (
    select
        unexcused_days.extract_code,
        unexcused_days.person_id,
        unexcused_days.end_year,
        sum(
            case
                when unexcused_days.previous_unexcused_date is null then 1
                when coalesce(gap_days.spans_with_days_between, 0) > 0 then 1
                else 0
            end
        ) over (
            partition by unexcused_days.extract_code, unexcused_days.person_id, unexcused_days.end_year
            order by unexcused_days.attendance_date
            rows between unbounded preceding and current row
        ) as run_key
    from unexcused_days
    left join gap_days
        on
            unexcused_days.extract_code = gap_days.extract_code
            and unexcused_days.person_id = gap_days.person_id
            and unexcused_days.end_year = gap_days.end_year
            and unexcused_days.attendance_date = gap_days.attendance_date
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
            count(*) as semester_days
        from unexcused_days
        group by extract_code, person_id, end_year, semester_number
    ) as semesters
    group by extract_code, person_id, end_year
),

-- one row per student and school year with a counted day of a primary enrollment in the window
students as (
    select distinct
        window_spans.extract_code,
        window_spans.person_id,
        window_spans.end_year
    from window_spans
    inner join day_index as before_from
        on {{ ks_kids_index_at('before_from', 'window_spans', 'window_spans.from_date', day_before=true) }}
    inner join day_index as through_window
        on {{ ks_kids_index_at('through_window', 'window_spans', 'window_spans.through_date') }}
    where
        {{ ks_kids_days_in_both(
            'before_from.days_through', 'through_window.days_through',
            'window_spans.days_before_start', 'window_spans.days_through_end'
        ) }} > 0
),

year_counts as (
    select
        students.extract_code,
        students.person_id,
        students.end_year,
        coalesce(count(unexcused_days.attendance_date), 0) as unexcused_full_days
    from students
    left join unexcused_days
        on
            students.extract_code = unexcused_days.extract_code
            and students.person_id = unexcused_days.person_id
            and students.end_year = unexcused_days.end_year
    group by students.extract_code, students.person_id, students.end_year
),

final as (
    select
        year_counts.extract_code,
        year_counts.person_id,
        year_counts.end_year,
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

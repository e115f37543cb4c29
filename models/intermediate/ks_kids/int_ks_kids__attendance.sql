-- KIDS D22 Membership Days, D23 Attended Days, D24 Truant Student per enrollment (ks_kids_extracts.md §3.1, §7.1;
-- seed 004 "Data Filter From/To Date", "Attendance Filter To Date", "Attendance Days"; per-extract §4.5).
-- KIDS-D22-MEMBERSHIP: instructional days of the enrollment (each day once, int_ks_kids__attendance_days) inside the
--   extract's window, at most 366. Three windows, one per extract rule:
--     *_school_start       ENRL: from the School Start Date (calendar start) to the Data Filter To Date;
--     *_filter_range       SMSC: Data Filter From Date (blank = calendar start) to the Data Filter To Date;
--     *_attendance_filter  EOYA, EXIT: as filter_range, ending at the Attendance Filter To Date when it is set and
--                          earlier (KIDS-D22-ATTENDANCE-FILTER).
-- KIDS-D23-ATTENDED: sum of the daily attended fractions over the same window (full-day absences count 0,
--   partial days their fraction, half-day kindergarten against its own half-day schedule), rounded to tenths
--   (PS reports tenths; IC states no precision), at most 366.
-- KIDS-D24-TRUANCY: truant_student of the student's school year (int_ks_kids__truancy; EOYA).
-- Summing an extract's column over a student's enrollments in one calendar never counts a day twice.
-- Grain: one row per enrollment (no-shows and enrollments without instructional days have 0 days).
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

attendance_days as (
    select * from {{ ref('int_ks_kids__attendance_days') }}
),

truancy as (
    select * from {{ ref('int_ks_kids__truancy') }}
),

windows as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.calendar_id,
        calendars.end_year,
        calendars.start_date as school_start_date,
        {{ kids_filter_from_date('calendars.start_date') }} as filter_from_date,
        {{ kids_filter_to_date() }} as filter_to_date,
        case
            when
                {{ kids_attendance_filter_to_date() }} is not null
                and {{ kids_attendance_filter_to_date() }} < {{ kids_filter_to_date() }}
                then {{ kids_attendance_filter_to_date() }}
            else {{ kids_filter_to_date() }}
        end as attendance_to_date
    from enrollments
    inner join calendars
        on enrollments.calendar_id = calendars.calendar_id
),

{%- set extract_windows = [
    ('school_start', 'school_start_date', 'filter_to_date'),
    ('filter_range', 'filter_from_date', 'filter_to_date'),
    ('attendance_filter', 'filter_from_date', 'attendance_to_date'),
] %}

totals as (
    select
        windows.enrollment_id,
        {%- for name, from_column, to_column in extract_windows %}
            sum(case
                when attendance_days.attendance_date between windows.{{ from_column }} and windows.{{ to_column }} then 1
                else 0
            end) as membership_days_{{ name }},
            sum(case
                when attendance_days.attendance_date between windows.{{ from_column }} and windows.{{ to_column }}
                    then attendance_days.attended_fraction
                else 0
            end) as attended_days_{{ name }}_exact,
        {%- endfor %}
        count(attendance_days.attendance_date) as counted_days_all
    from windows
    left join attendance_days
        on
            windows.enrollment_id = attendance_days.enrollment_id
            and attendance_days.is_counted_day
    group by windows.enrollment_id
),

final as (
    select
        windows.enrollment_id,
        windows.person_id,
        windows.calendar_id,
        windows.end_year,
        windows.school_start_date,
        windows.filter_from_date,
        windows.filter_to_date,
        windows.attendance_to_date,
        {%- for name, from_column, to_column in extract_windows %}
            least(coalesce(totals.membership_days_{{ name }}, 0), 366) as membership_days_{{ name }},
            least(round(coalesce(totals.attended_days_{{ name }}_exact, 0), 1), 366) as attended_days_{{ name }},
        {%- endfor %}
        coalesce(truancy.truant_student, '0') as truant_student,
        truancy.truancy_reason
    from windows
    inner join totals
        on windows.enrollment_id = totals.enrollment_id
    left join truancy
        on
            windows.person_id = truancy.person_id
            and windows.end_year = truancy.end_year
)

select * from final

-- Candidate records of each KIDS record type: every enrollment in a selected calendar of the reported year whose dates
-- meet the extract's date filter (KIDS-<EXTRACT>-FILTER, seed 004 "Data Filter From Date/Data Filter To Date"):
--   ENRL, TEST, SMSC, MILT, EOYA, QERY, SPED: enrollment active at any time within From-To;
--   ASGT: enrollment Start Date within From-To; EXIT: enrollment End Date within From-To.
-- Each candidate carries the facts the population rules (int_ks_kids__population) decide on.
with

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
),

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

schools as (
    select * from {{ ref('stg_sis__school') }}
),

enrollment_grades as (
    select * from {{ ref('int_ks_kids__enrollment_grade') }}
),

persons as (
    select * from {{ ref('stg_sis__person') }}
),

special_ed_states as (
    select * from {{ ref('stg_sis__special_ed_state') }}
),

military_connections as (
    select * from {{ ref('stg_sis__military_connection') }}
),

count_day_attendance as (
    select * from {{ ref('int_ks_kids__count_day_attendance') }}
),

in_window as (
    select
        windows.extract_code,
        windows.from_date,
        windows.to_date,
        windows.attendance_to_date,
        windows.count_date,
        windows.is_one_date_exit,
        windows.first_day,
        enrollments.*
    from windows
    inner join enrollments
        on
            windows.calendar_id = enrollments.calendar_id
            and case
                when windows.extract_code = 'ASGT'
                    then enrollments.start_date between windows.from_date and windows.to_date
                when windows.extract_code = 'EXIT'
                    then enrollments.end_date between windows.from_date and windows.to_date
                else
                    windows.to_date >= enrollments.start_date
                    and (enrollments.end_date is null or windows.from_date <= enrollments.end_date)
            end
),

disability as (
    select distinct
        in_window.extract_code,
        in_window.enrollment_id
    from in_window
    inner join special_ed_states
        on
            in_window.person_id = special_ed_states.person_id
            and special_ed_states.primary_disability is not null
            and {{ ks_kids_overlaps_window('special_ed_states', 'in_window') }}
            and (special_ed_states.exit_date is null or in_window.from_date <= special_ed_states.exit_date)
),

military as (
    select distinct
        in_window.extract_code,
        in_window.enrollment_id
    from in_window
    inner join military_connections
        on
            in_window.person_id = military_connections.person_id
            and {{ ks_kids_overlaps_window('military_connections', 'in_window') }}
),

first_starts as (
    select
        person_id,
        end_year,
        min(start_date) as first_start_date
    from enrollments
    where not coalesce(no_show, false)
    group by person_id, end_year
),

final as (
    select
        in_window.extract_code,
        in_window.enrollment_id,
        in_window.person_id,
        in_window.calendar_id,
        calendars.school_id,
        schools.number as school_number,
        in_window.district_id,
        in_window.end_year,
        in_window.grade,
        enrollment_grades.state_grade,
        in_window.service_type,
        in_window.start_date,
        in_window.end_date,
        in_window.from_date,
        in_window.to_date,
        in_window.attendance_to_date,
        in_window.count_date,
        in_window.is_one_date_exit,
        in_window.first_day,
        coalesce(calendars.exclude, false) as calendar_excluded,
        coalesce(in_window.state_exclude, false) as enrollment_state_exclude,
        coalesce(in_window.no_show, false) as no_show,
        coalesce(enrollment_grades.grade_level_excluded, false) as grade_excluded,
        persons.state_id is not null as has_state_id,
        military.enrollment_id is not null as is_military_connected,
        disability.enrollment_id is not null or in_window.disability1 is not null as has_primary_disability,
        in_window.school_of_accountability is null or in_window.school_of_accountability = schools.number as is_accountability_school,
        first_starts.first_start_date,
        count_day_attendance.attended_count_date,
        count_day_attendance.attended_before_count_date,
        count_day_attendance.attended_after_count_date
    from in_window
    inner join calendars
        on in_window.calendar_id = calendars.calendar_id
    left join schools
        on calendars.school_id = schools.school_id
    left join persons
        on in_window.person_id = persons.person_id
    left join enrollment_grades
        on in_window.enrollment_id = enrollment_grades.enrollment_id
    left join disability
        on in_window.extract_code = disability.extract_code and in_window.enrollment_id = disability.enrollment_id
    left join military
        on in_window.extract_code = military.extract_code and in_window.enrollment_id = military.enrollment_id
    left join first_starts
        on in_window.person_id = first_starts.person_id and in_window.end_year = first_starts.end_year
    left join count_day_attendance
        on in_window.extract_code = count_day_attendance.extract_code and in_window.enrollment_id = count_day_attendance.enrollment_id
)

select * from final

-- KIDS attendance on the days that carry information: the daily part of D23 Attended Days, D24 Truant Student and
-- D25 Minutes Enrolled (ks_kids_extracts.md §7.1-§7.3; seed 004 "Attendance Days", "Truant", "Minutes Enrolled").
-- Membership itself (D22) is counted from date spans (int_ks_kids__membership_spans), never from one row per
-- enrollment and instructional day: a day without any attendance mark is attended in full and never absent, so only
-- these days need a row here:
--   * every instructional day of the student's enrollments on a date the student has an attendance mark (in any
--     calendar: truancy looks at a date across the student's calendars);
--   * with var kids_d25_minutes_from_schedule on, every instructional day of a D25 snapshot week
--     (int_ks_kids__schedule_snapshot_weeks) of the calendar.
-- KIDS-D22-MEMBERSHIP (day part): a day of the enrollment is an instructional day
--   (day.instruction) of its calendar and structure between its start and end date (open end = calendar end);
--   no-shows have none. When a student has several enrollments in one calendar covering the same date, only one
--   counts it (is_counted_day): the lowest member_rank of int_ks_kids__member_enrollments (primary service type
--   first, then latest start date, then highest enrollment_id; int_ks_kids__membership_spans uses the same rank).
-- KIDS-D23-ATTENDED (day part): attended fraction = minutes present / minutes scheduled, on the student's schedule:
--   the distinct instructional periods of the day's bell schedule in which the student is rostered (active trial,
--   roster and term dates covering the day); several courses in one period count the period length once. A student
--   with no scheduled period that day is measured against the whole bell schedule. A period marked absent (status A)
--   loses its minutes except any present minutes entered; a tardy/early release (T/E) with present minutes loses the
--   rest. So a half-day kindergartner scheduled for the half day who attends all of it attends 1 day, not 0.5
--   (KIDS-D23-KINDERGARTEN-HALF-DAY). Marks in periods the student is not scheduled for are ignored.
-- KIDS-D24-TRUANCY (day part): an unexcused full day = every scheduled period marked status A, excuse U, or
--   unexcused absent minutes >= the Whole Day Absence minutes (grade level setting, else calendar setting).
-- Attendance codes (attendance_excuse) override the raw mark's status and excuse.
-- scheduled_lunch_minutes (periods flagged lunch) feed D25 Minutes Enrolled, which excludes lunch.
-- Grain: one row per enrollment and instructional date, for the dates above only.
with

member_enrollments_source as (
    select * from {{ ref('int_ks_kids__member_enrollments') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

grade_levels as (
    select * from {{ ref('stg_sis__grade_level') }}
),

periods as (
    select * from {{ ref('stg_sis__period') }}
),

terms as (
    select * from {{ ref('stg_sis__term') }}
),

term_schedules as (
    select * from {{ ref('stg_sis__term_schedule') }}
),

rosters as (
    select * from {{ ref('stg_sis__roster') }}
),

sections as (
    select * from {{ ref('stg_sis__section') }}
),

section_placements as (
    select * from {{ ref('stg_sis__section_placement') }}
),

trials as (
    select * from {{ ref('stg_sis__trial') }}
),

attendance as (
    select * from {{ ref('stg_sis__attendance') }}
),

attendance_excuses as (
    select * from {{ ref('stg_sis__attendance_excuse') }}
),

snapshot_weeks as (
    select * from {{ ref('int_ks_kids__schedule_snapshot_weeks') }}
),

-- the dates that need a row: a mark of the student (any calendar), or a snapshot-week day of the calendar
marked_dates as (
    select distinct
        person_id,
        date as attendance_date
    from attendance
),

-- only D25 minutes computed from the schedule need these days (var kids_d25_minutes_from_schedule; off by default)
snapshot_dates as (
    select distinct
        days.calendar_id,
        days.date as attendance_date
    from days
    inner join snapshot_weeks
        on
            days.calendar_id = snapshot_weeks.calendar_id
            and days.date between snapshot_weeks.week_start_date and snapshot_weeks.week_end_date
    where {{ var('kids_d25_minutes_from_schedule') }}
),

-- the member filter and the winner order (member_rank) live in int_ks_kids__member_enrollments
member_enrollments as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id,
        service_type,
        grade,
        member_rank,
        start_date as enrollment_start_date,
        through_date as enrollment_through_date,
        calendar_start_date,
        calendar_end_date,
        end_year,
        calendar_whole_day_absence
    from member_enrollments_source
),

detail_enrollment_dates as (
    select
        member_enrollments.enrollment_id,
        marked_dates.attendance_date
    from member_enrollments
    inner join marked_dates
        on
            member_enrollments.person_id = marked_dates.person_id
            and member_enrollments.enrollment_start_date <= marked_dates.attendance_date
            and coalesce(member_enrollments.enrollment_through_date, marked_dates.attendance_date)
            >= marked_dates.attendance_date
    union
    select
        member_enrollments.enrollment_id,
        snapshot_dates.attendance_date
    from member_enrollments
    inner join snapshot_dates
        on
            member_enrollments.calendar_id = snapshot_dates.calendar_id
            and member_enrollments.enrollment_start_date <= snapshot_dates.attendance_date
            and coalesce(member_enrollments.enrollment_through_date, snapshot_dates.attendance_date)
            >= snapshot_dates.attendance_date
),

enrollment_days as (
    select
        member_enrollments.enrollment_id,
        member_enrollments.person_id,
        member_enrollments.calendar_id,
        member_enrollments.structure_id,
        member_enrollments.service_type,
        member_enrollments.member_rank,
        member_enrollments.calendar_start_date,
        member_enrollments.calendar_end_date,
        member_enrollments.end_year,
        days.date as attendance_date,
        days.period_schedule_id,
        coalesce(grade_levels.whole_day_absence, member_enrollments.calendar_whole_day_absence)
            as whole_day_absence_minutes
    from detail_enrollment_dates
    inner join member_enrollments
        on detail_enrollment_dates.enrollment_id = member_enrollments.enrollment_id
    inner join days
        on
            {{ same_structure('member_enrollments', 'days') }}
            and detail_enrollment_dates.attendance_date = days.date
    left join grade_levels
        on {{ is_grade_level_of('member_enrollments') }}
    where days.instruction
),

counted_days as (
    select
        enrollment_days.*,
        row_number() over (
            partition by enrollment_days.person_id, enrollment_days.calendar_id, enrollment_days.attendance_date
            order by enrollment_days.member_rank
        ) = 1 as is_counted_day
    from enrollment_days
),

detail_days as (
    select * from counted_days
),

-- terms of each structure, numbered into two semesters: term seq 1..n, semester = ceil(2 * seq / n)
structure_terms as (
    select
        term_schedules.structure_id,
        terms.start_date,
        terms.end_date,
        terms.seq,
        count(*) over (partition by terms.term_schedule_id) as term_count
    from terms
    inner join term_schedules
        on terms.term_schedule_id = term_schedules.term_schedule_id
),

-- semester of each instructional date of a structure (few rows: joined to enrollment days by equality)
day_semesters as (
    select
        days.structure_id,
        days.date as attendance_date,
        min(cast(ceil(2.0 * structure_terms.seq / structure_terms.term_count) as integer)) as semester_number
    from days
    inner join structure_terms
        on
            days.structure_id = structure_terms.structure_id
            and days.date between structure_terms.start_date and structure_terms.end_date
    where days.instruction
    group by days.structure_id, days.date
),

instructional_periods as (
    select
        period_id,
        period_schedule_id,
        coalesce(period_minutes, 0) as period_minutes,
        coalesce(lunch, false) as is_lunch
    from periods
    where not coalesce(non_instructional, false)
),

-- the periods a person is rostered in, per calendar and bell schedule, with the dates the roster and the term
-- placement both cover: built without days, so days join it once by equality (person, calendar, bell schedule)
schedule_entries as (
    select
        rosters.person_id,
        trials.calendar_id,
        instructional_periods.period_schedule_id,
        instructional_periods.period_id,
        instructional_periods.period_minutes,
        instructional_periods.is_lunch,
        case
            when rosters.start_date is not null and rosters.start_date > terms.start_date then rosters.start_date
            else terms.start_date
        end as covered_from_date,
        case
            when rosters.end_date is not null and rosters.end_date < terms.end_date then rosters.end_date
            else terms.end_date
        end as covered_to_date
    from rosters
    {{ ks_kids_sections_in_active_trial() }}
    inner join section_placements
        on {{ is_placement_of('sections', 'section_placements') }}
    inner join terms
        on section_placements.term_id = terms.term_id
    inner join instructional_periods
        on section_placements.period_id = instructional_periods.period_id
),

rostered_periods as (
    select distinct
        detail_days.enrollment_id,
        detail_days.person_id,
        detail_days.calendar_id,
        detail_days.attendance_date,
        schedule_entries.period_id,
        schedule_entries.period_minutes,
        schedule_entries.is_lunch
    from detail_days
    inner join schedule_entries
        on
            detail_days.person_id = schedule_entries.person_id
            and detail_days.calendar_id = schedule_entries.calendar_id
            and detail_days.period_schedule_id = schedule_entries.period_schedule_id
            and detail_days.attendance_date between schedule_entries.covered_from_date
            and schedule_entries.covered_to_date
),

days_with_schedule as (
    select distinct
        enrollment_id,
        attendance_date
    from rostered_periods
),

whole_day_periods as (
    select
        detail_days.enrollment_id,
        detail_days.person_id,
        detail_days.calendar_id,
        detail_days.attendance_date,
        instructional_periods.period_id,
        instructional_periods.period_minutes,
        instructional_periods.is_lunch
    from detail_days
    inner join instructional_periods
        on detail_days.period_schedule_id = instructional_periods.period_schedule_id
    left join days_with_schedule
        on
            detail_days.enrollment_id = days_with_schedule.enrollment_id
            and detail_days.attendance_date = days_with_schedule.attendance_date
    where days_with_schedule.enrollment_id is null
),

scheduled_periods as (
    select * from rostered_periods
    union all
    select * from whole_day_periods
),

marks as (
    select
        attendance.person_id,
        attendance.calendar_id,
        attendance.date as attendance_date,
        attendance.period_id,
        coalesce(attendance_excuses.status, attendance.status) as mark_status,
        coalesce(attendance_excuses.excuse, attendance.excuse) as mark_excuse,
        attendance.present_minutes
    from attendance
    left join attendance_excuses
        on attendance.excuse_id = attendance_excuses.excuse_id
),

-- A period's absence from its marks, once per person, calendar, date and period that has marks: a period carries
-- the same minutes in every schedule that holds it, so this is worked out before the marks meet the scheduled
-- periods (15 million marks at 700,000 students, against 24 million scheduled periods grouped by enrollment before).
-- Several marks of one period: the largest loss counts.
period_marks as (
    select
        marks.person_id,
        marks.calendar_id,
        marks.attendance_date,
        marks.period_id,
        max(
            case
                when marks.mark_status = 'A'
                    then greatest(instructional_periods.period_minutes - coalesce(marks.present_minutes, 0), 0)
                when marks.mark_status in ('T', 'E') and marks.present_minutes is not null
                    then greatest(instructional_periods.period_minutes - marks.present_minutes, 0)
                else 0
            end
        ) as absent_minutes,
        max(
            case
                when marks.mark_status = 'A' and marks.mark_excuse = 'U'
                    then greatest(instructional_periods.period_minutes - coalesce(marks.present_minutes, 0), 0)
                else 0
            end
        ) as unexcused_absent_minutes,
        max(case when marks.mark_status = 'A' and marks.mark_excuse = 'U' then 1 else 0 end)
            as is_unexcused_absent_period
    from marks
    inner join instructional_periods
        on marks.period_id = instructional_periods.period_id
    group by
        marks.person_id,
        marks.calendar_id,
        marks.attendance_date,
        marks.period_id
),

-- one row per scheduled period (scheduled_periods has one per enrollment, date and period)
period_results as (
    select
        scheduled_periods.enrollment_id,
        scheduled_periods.attendance_date,
        scheduled_periods.period_id,
        scheduled_periods.period_minutes,
        scheduled_periods.is_lunch,
        coalesce(period_marks.absent_minutes, 0) as absent_minutes,
        coalesce(period_marks.unexcused_absent_minutes, 0) as unexcused_absent_minutes,
        coalesce(period_marks.is_unexcused_absent_period, 0) as is_unexcused_absent_period
    from scheduled_periods
    left join period_marks
        on
            scheduled_periods.person_id = period_marks.person_id
            and scheduled_periods.calendar_id = period_marks.calendar_id
            and scheduled_periods.attendance_date = period_marks.attendance_date
            and scheduled_periods.period_id = period_marks.period_id
),

day_results as (
    select
        enrollment_id,
        attendance_date,
        count(*) as scheduled_periods,
        sum(period_minutes) as scheduled_minutes,
        sum(case when is_lunch then period_minutes else 0 end) as scheduled_lunch_minutes,
        sum(absent_minutes) as absent_minutes,
        sum(unexcused_absent_minutes) as unexcused_absent_minutes,
        sum(is_unexcused_absent_period) as unexcused_absent_periods
    from period_results
    group by enrollment_id, attendance_date
),

final as (
    select
        counted_days.enrollment_id,
        counted_days.person_id,
        counted_days.calendar_id,
        counted_days.end_year,
        counted_days.service_type,
        counted_days.attendance_date,
        counted_days.calendar_start_date,
        counted_days.is_counted_day,
        coalesce(
            day_semesters.semester_number,
            case
                when
                    2 * {{ dbt.datediff('counted_days.calendar_start_date', 'counted_days.attendance_date', 'day') }}
                    <= {{ dbt.datediff('counted_days.calendar_start_date', 'counted_days.calendar_end_date', 'day') }}
                    then 1
                else 2
            end
        ) as semester_number,
        coalesce(day_results.scheduled_periods, 0) as scheduled_periods,
        coalesce(day_results.scheduled_minutes, 0) as scheduled_minutes,
        coalesce(day_results.scheduled_lunch_minutes, 0) as scheduled_lunch_minutes,
        coalesce(day_results.absent_minutes, 0) as absent_minutes,
        coalesce(day_results.unexcused_absent_minutes, 0) as unexcused_absent_minutes,
        counted_days.whole_day_absence_minutes,
        case
            when coalesce(day_results.scheduled_minutes, 0) = 0 then 1.0
            else
                greatest(day_results.scheduled_minutes - day_results.absent_minutes, 0) * 1.0
                / day_results.scheduled_minutes
        end as attended_fraction,
        coalesce(
            day_results.scheduled_periods > 0
            and (
                day_results.unexcused_absent_periods = day_results.scheduled_periods
                or day_results.unexcused_absent_minutes >= counted_days.whole_day_absence_minutes
            ),
            false
        ) as is_unexcused_full_day
    from counted_days
    left join day_results
        on
            counted_days.enrollment_id = day_results.enrollment_id
            and counted_days.attendance_date = day_results.attendance_date
    left join day_semesters
        on
            counted_days.structure_id = day_semesters.structure_id
            and counted_days.attendance_date = day_semesters.attendance_date
)

select * from final

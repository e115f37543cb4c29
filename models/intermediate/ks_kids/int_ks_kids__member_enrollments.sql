-- KIDS member enrollments: the one place for which enrollments can count membership days and which of them wins a
-- date (ks_kids_extracts.md §7.1; seed 004 "Attendance Days": "The most recent active primary enrollment is used to
-- calculate attendedDays and membershipDays. Each day is counted once.").
-- KIDS-D22-MEMBERSHIP (member filter): an enrollment of the shared enrollment model (int_enrollment__enrollments)
--   in a calendar, not a no-show, with a person, a structure and a start date, ending (end date, else the calendar
--   end) on or after its start. Any other enrollment has no instructional day to count.
-- KIDS-D22-MEMBERSHIP (winner): when several member enrollments of a student and calendar cover a date, the one with
--   the lowest member_rank counts it: primary service type (macro primary_service_type) first, then the latest
--   start date, then the highest enrollment_id. member_rank orders all of a student's enrollments in a calendar, so
--   the best-ranked of any subset covering a date is that date's winner.
-- Grain: one row per member enrollment.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

members as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.calendar_id,
        enrollments.structure_id,
        enrollments.service_type,
        coalesce(enrollments.service_type = {{ primary_service_type() }}, false) as is_primary_service,
        enrollments.grade,
        enrollments.start_date,
        enrollments.end_date,
        coalesce(enrollments.end_date, calendars.end_date) as through_date,
        calendars.start_date as calendar_start_date,
        calendars.end_date as calendar_end_date,
        calendars.end_year,
        calendars.whole_day_absence as calendar_whole_day_absence
    from enrollments
    inner join calendars
        on enrollments.calendar_id = calendars.calendar_id
    where
        not enrollments.is_no_show
        and enrollments.person_id is not null
        and enrollments.structure_id is not null
        and enrollments.start_date is not null
        and coalesce(enrollments.end_date, calendars.end_date, cast('9999-12-31' as date)) >= enrollments.start_date
),

final as (
    select
        members.*,
        row_number() over (
            partition by members.person_id, members.calendar_id
            order by
                case when members.is_primary_service then 0 else 1 end,
                members.start_date desc,
                members.enrollment_id desc
        ) as member_rank
    from members
)

select * from final

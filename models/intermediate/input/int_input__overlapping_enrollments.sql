-- Two primary enrollments of one student at one school whose dates overlap (an open end date runs forever):
-- the SIS should close one before the other starts. One row per pair, lower enrollment id first.
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

primary_enrollments as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        calendars.school_id,
        enrollments.start_date,
        enrollments.end_date
    from enrollments
    inner join calendars on enrollments.calendar_id = calendars.calendar_id
    where
        enrollments.service_type = {{ primary_service_type() }}
        and not coalesce(enrollments.no_show, false)
),

overlapping_pairs as (
    select
        earlier.person_id,
        earlier.school_id,
        earlier.enrollment_id,
        later.enrollment_id as overlapping_enrollment_id,
        earlier.start_date,
        earlier.end_date,
        later.start_date as overlapping_start_date,
        later.end_date as overlapping_end_date
    from primary_enrollments as earlier
    inner join primary_enrollments as later
        on
            earlier.person_id = later.person_id
            and earlier.school_id = later.school_id
            and earlier.enrollment_id < later.enrollment_id
            and earlier.start_date <= coalesce(later.end_date, date '9999-12-31')
            and later.start_date <= coalesce(earlier.end_date, date '9999-12-31')
)

select * from overlapping_pairs

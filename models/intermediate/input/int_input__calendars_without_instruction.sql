-- Calendars with no instructional day: membership, attendance and "last instructional day" rules have nothing to
-- count, so every enrollment in them would report zero days. Usually the calendar's days were never generated.
with

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

instructional_days as (
    select
        calendar_id,
        count(*) as instructional_day_count
    from days
    where instruction
    group by calendar_id
),

without_instruction as (
    select
        calendars.calendar_id,
        calendars.school_id,
        calendars.end_year
    from calendars
    left join instructional_days on calendars.calendar_id = instructional_days.calendar_id
    where instructional_days.calendar_id is null
)

select * from without_instruction

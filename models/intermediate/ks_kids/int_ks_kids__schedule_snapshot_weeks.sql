-- KIDS-D25-MINUTES snapshot weeks: for each record type that collects D25 Minutes Enrolled (field x extract matrix)
-- and each selected calendar, Monday to Friday of the week holding that extract's Data Filter To Date
-- (int_ks_kids__windows: ENRL September 20, MILT February 20, each moved to the next instructional day, unless the
-- editor's To date is entered). int_ks_kids__attendance_days works out the students' schedules in these weeks and
-- int_ks_kids__minutes_enrolled averages them.
-- Grain: one row per extract_code and calendar_id.
with

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
),

extract_layout as (
    select * from {{ ref('int_ks_kids__extract_layout') }}
),

final as (
    select
        windows.extract_code,
        windows.calendar_id,
        windows.to_date as snapshot_date,
        cast({{ dbt.date_trunc('week', 'windows.to_date') }} as date) as week_start_date,
        cast({{ dbt.dateadd('day', 4, dbt.date_trunc('week', 'windows.to_date')) }} as date) as week_end_date
    from windows
    inner join extract_layout
        on windows.extract_code = extract_layout.extract_code
    where extract_layout.collects_minutes_enrolled
)

select * from final

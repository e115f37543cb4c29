-- Every enrollment (no-shows never count) that overlaps the EL editor date range (rule EL-P3: enrolled at some point in
-- the range, open end = still enrolled), with the tests the EL extract applies to it:
--   EL-EDITOR-DISTRICTS (var el_district_ids), EL-EDITOR-CALENDARS (CORE-WINDOW-CALENDAR-SELECTED, read from
--   int_window__editor_calendars), EL-P9 (state-excluded calendar, grade level or enrollment), EL-P2 (state grade
--   00-12 or 14, var el_state_grades), EL-EDITOR-GRADES (var el_grade_levels). EL-P8: the enrollment's active flag
--   and end status are not tested here (withdrawn and inactive students stay candidates); is_withdrawn_or_inactive
--   (inactive flag, or an end status) feeds EL-P8-EXITED in int_ky_el__candidates. Also carries the State Reporting
--   Fields the Demographics layout reads.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

raw_enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

structures as (
    select * from {{ ref('int_calendar__structures') }}
),

grade_levels as (
    select * from {{ ref('stg_sis__grade_level') }}
),

el_calendars as (
    select * from {{ ref('int_window__editor_calendars') }}
    where extract_name = 'el'
),

in_range as (
    select enrollments.*
    from enrollments
    where
        not enrollments.is_no_show
        and {{ window_overlaps('enrollments.start_date', 'enrollments.end_date', editor_range_start('el'), editor_range_end('el')) }}
),

final as (
    select
        in_range.enrollment_id,
        in_range.person_id,
        in_range.district_id,
        in_range.school_id,
        in_range.calendar_id,
        in_range.structure_id,
        in_range.end_year,
        in_range.grade,
        in_range.state_grade,
        in_range.service_type,
        in_range.start_date,
        in_range.end_date,
        in_range.last_instructional_day,
        raw_enrollments.immigrant,
        raw_enrollments.migrant,
        raw_enrollments.refugee,
        not in_range.is_active or in_range.end_status is not null as is_withdrawn_or_inactive,
        {% if var('el_district_ids') | length > 0 -%}
            in_range.district_id in ({{ var('el_district_ids') | join(', ') }})
        {%- else -%}
            true
        {%- endif %} as passes_editor_districts,
        coalesce(el_calendars.is_calendar_selected, {{ editor_selects_every_calendar('el') }}) as passes_editor_calendars,
        not(
            in_range.is_state_excluded
            or coalesce(structures.is_state_excluded, false)
            or coalesce(grade_levels.exclude_enrollment, false)
        ) as passes_state_exclude,
        coalesce(
            in_range.state_grade in (
                {%- for grade in var("el_state_grades") %}
                    '{{ grade }}'{{ "," if not loop.last }}
                {%- endfor %}
            ),
            false
        ) as passes_state_grade,
        {% if var('el_grade_levels') | length > 0 -%}
            coalesce(in_range.state_grade in ('{{ var("el_grade_levels") | join("', '") }}'), false)
        {%- else -%}
            true
        {%- endif %} as passes_editor_grades
    from in_range
    left join el_calendars
        on in_range.calendar_id = el_calendars.calendar_id
    left join raw_enrollments
        on in_range.enrollment_id = raw_enrollments.enrollment_id
    left join structures
        on {{ is_structure_of('in_range') }}
    left join grade_levels
        on {{ is_grade_level_of('in_range') }}
)

select * from final

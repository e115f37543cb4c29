-- One row per student and district: Total Days Enrolled and % Enrolled of the reporting enrollment
-- (rules EL-DEMO-TOTAL-DAYS-ENROLLED, EL-DEMO-PERCENT-ENROLLED; the article gives neither formula, gaps G3 and G4).
-- Total Days Enrolled: the days from the enrollment start to its end, an open end counting to the earliest of the date
-- range end and the calendar's last instructional day; var el_days_enrolled_kind = 'instructional' (default: instructional
-- days of the enrollment's calendar and schedule structure) or 'calendar' (calendar days). Not clipped to the range start.
-- % Enrolled: Total Days Enrolled / instructional days of the enrollment's calendar and structure (var
-- el_percent_enrolled_denominator = 'calendar', default) or of those inside the date range ('date_range'), x 100,
-- rounded half up to a whole number and capped at 100 (the one confirmed part). No denominator => NULL.
with

reporting_enrollments as (
    select * from {{ ref('int_ky_el__reporting_enrollments') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

instructional_days as (
    select
        calendar_id,
        structure_id,
        date as day_date
    from days
    where coalesce(instruction, false)
),

bounded as (
    select
        reporting_enrollments.*,
        coalesce(
            reporting_enrollments.end_date,
            case
                when reporting_enrollments.last_instructional_day < {{ editor_range_end('el') }}
                    then reporting_enrollments.last_instructional_day
                else {{ editor_range_end('el') }}
            end
        ) as counted_end_date
    from reporting_enrollments
),

counted as (
    select
        bounded.person_id,
        bounded.district_id,
        bounded.enrollment_id,
        bounded.start_date,
        bounded.counted_end_date,
        sum(
            case
                when instructional_days.day_date between bounded.start_date and bounded.counted_end_date then 1 else 0
            end
        ) as instructional_days_enrolled,
        {%- if var('el_percent_enrolled_denominator') == 'date_range' %}
            sum(
                case
                    when instructional_days.day_date between {{ editor_range_start('el') }} and {{ editor_range_end('el') }} then 1 else 0
                end
            ) as denominator_days
        {%- else %}
            count(instructional_days.day_date) as denominator_days
        {%- endif %}
    from bounded
    left join instructional_days
        on {{ same_structure('bounded', 'instructional_days') }}
    group by
        bounded.person_id, bounded.district_id, bounded.enrollment_id, bounded.start_date, bounded.counted_end_date
),

totals as (
    select
        *,
        {%- if var('el_days_enrolled_kind') == 'calendar' %}
            {{ dbt.datediff('start_date', 'counted_end_date', 'day') }} + 1 as total_days_enrolled
        {%- else %}
            instructional_days_enrolled as total_days_enrolled
        {%- endif %}
    from counted
),

final as (
    select
        person_id,
        district_id,
        enrollment_id,
        counted_end_date,
        total_days_enrolled,
        denominator_days,
        case
            when denominator_days > 0
                then least(
                        100,
                        cast(floor(100.0 * total_days_enrolled / denominator_days + 0.5) as integer)
                    )
        end as percent_enrolled
    from totals
)

select * from final

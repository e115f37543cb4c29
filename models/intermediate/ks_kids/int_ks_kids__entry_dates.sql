-- KIDS D18 School Entry Date, D19 District Entry Date, D20 State Entry Date (ks_kids_extracts.md §6.3; seed 004).
-- KIDS-D18-PREVIOUS-ENROLLMENT: the enrollment compared against is the student's enrollment with the newest end
--   date among those that ended on or before the current enrollment's start (future and open enrollments are
--   ignored; no-shows never attended and are skipped); ties on that end date -> the primary enrollment (service
--   type P), then the highest enrollment id.
-- KIDS-D18-SCHOOL-ENTRY / KIDS-D19-DISTRICT-ENTRY / KIDS-D20-STATE-ENTRY: the date is the previous enrollment's own
--   entry date (continuing attendance, followed back through the chain) when its end status keeps continuity for
--   that level (seed basis 'previous', KIDS-D18-CONTINUITY) and, for school and district, the previous enrollment
--   was in the same school / district; otherwise the current enrollment's start date.
-- KIDS-D18-OVERRIDE: a date entered on the enrollment (school/district/state entry date override) always wins, and
--   a later enrollment continuing from it inherits it.
-- Grain: one row per enrollment (each enrollment as the "current" one).
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

exit_types as (
    select * from {{ ref('int_ks_kids__exit_withdrawal_types') }}
),

enrollment_places as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.district_id,
        calendars.school_id,
        enrollments.service_type,
        enrollments.start_date,
        enrollments.end_date,
        enrollments.end_status,
        coalesce(enrollments.no_show, false) as no_show,
        enrollments.school_entry_date as school_entry_date_override,
        enrollments.district_entry_date as district_entry_date_override,
        enrollments.state_entry_date as state_entry_date_override
    from enrollments
    inner join calendars
        on enrollments.calendar_id = calendars.calendar_id
),

previous_candidates as (
    select
        current_enrollment.enrollment_id,
        previous_enrollment.enrollment_id as previous_enrollment_id,
        row_number() over (
            partition by current_enrollment.enrollment_id
            order by
                previous_enrollment.end_date desc,
                case when previous_enrollment.service_type = {{ primary_service_type() }} then 0 else 1 end,
                previous_enrollment.enrollment_id desc
        ) as candidate_rank
    from enrollment_places as current_enrollment
    inner join enrollment_places as previous_enrollment
        on
            current_enrollment.person_id = previous_enrollment.person_id
            and current_enrollment.enrollment_id != previous_enrollment.enrollment_id
            and current_enrollment.start_date > previous_enrollment.start_date
            and current_enrollment.start_date >= previous_enrollment.end_date
            and not previous_enrollment.no_show
),

linked as (
    select
        enrollment_places.*,
        previous_enrollment.enrollment_id as previous_enrollment_id,
        previous_enrollment.end_status as previous_end_status,
        previous_enrollment.school_id = enrollment_places.school_id as previous_same_school,
        previous_enrollment.district_id = enrollment_places.district_id as previous_same_district,
        previous_exit.school_entry_date_basis = 'previous' as school_continues,
        previous_exit.district_entry_date_basis = 'previous' as district_continues,
        previous_exit.state_entry_date_basis = 'previous' as state_continues
    from enrollment_places
    left join previous_candidates
        on
            enrollment_places.enrollment_id = previous_candidates.enrollment_id
            and previous_candidates.candidate_rank = 1
    left join enrollment_places as previous_enrollment
        on previous_candidates.previous_enrollment_id = previous_enrollment.enrollment_id
    left join exit_types as previous_exit
        on previous_candidates.previous_enrollment_id = previous_exit.enrollment_id
),

chained as (
    {{ kids_entry_date_chain('linked') }}
),

final as (
    select
        linked.enrollment_id,
        linked.person_id,
        linked.school_id,
        linked.district_id,
        linked.start_date,
        linked.previous_enrollment_id,
        linked.previous_end_status,
        chained.school_entry_date,
        chained.district_entry_date,
        chained.state_entry_date,
        linked.school_entry_date_override is not null as school_entry_date_overridden,
        linked.district_entry_date_override is not null as district_entry_date_overridden,
        linked.state_entry_date_override is not null as state_entry_date_overridden
    from linked
    inner join chained
        on linked.enrollment_id = chained.enrollment_id
)

select * from final

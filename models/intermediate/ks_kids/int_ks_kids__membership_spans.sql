-- KIDS membership spans: the basis of D22 Membership Days (ks_kids_extracts.md §7.1; seed 004 "Attendance Days"),
-- kept as date ranges instead of one row per enrollment and instructional day.
-- KIDS-D22-MEMBERSHIP (day part): every instructional day (day.instruction) of the enrollment's calendar and
--   structure between its start and end date (open end = calendar end) is a membership day; no-shows have none.
--   Each date is counted once per student and calendar, for the enrollment that wins it among the enrollments
--   covering it on an instructional day of their own structure: the lowest member_rank of
--   int_ks_kids__member_enrollments (primary service type first, then the latest start date, then the highest
--   enrollment_id), which also holds the member filter (no no-shows; person, structure and start date present).
-- How: per student and calendar the enrollments are cut into elementary date segments (between consecutive start
-- and end+1 dates), so every enrollment covers a segment whole or not at all. When all the enrollments covering a
-- segment share one structure, the winner owns the whole segment. When they do not (rare: a student in two
-- structures of one calendar at once), the segment is expanded to its instructional days and each day goes to its
-- winner (a one-day span). A span's membership days = the instructional days of its structure inside it.
-- Grain: one row per span (enrollment_id, span_start_date); spans of one student and calendar never overlap.
with

member_enrollments_source as (
    select * from {{ ref('int_ks_kids__member_enrollments') }}
),

days as (
    select * from {{ ref('stg_sis__day') }}
),

-- the member filter and the winner order (member_rank) live in int_ks_kids__member_enrollments
member_enrollments as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id,
        service_type,
        start_date,
        end_year,
        member_rank,
        coalesce(through_date, cast('9999-12-31' as date)) as through_date
    from member_enrollments_source
),

instructional_days as (
    select distinct
        calendar_id,
        structure_id,
        date as instruction_date
    from days
    where instruction
),

boundaries as (
    select
        person_id,
        calendar_id,
        start_date as boundary_date
    from member_enrollments
    union
    select
        person_id,
        calendar_id,
        cast({{ dbt.dateadd('day', 1, 'through_date') }} as date) as boundary_date
    from member_enrollments
),

segments as (
    select
        person_id,
        calendar_id,
        boundary_date as segment_start_date,
        {{ ks_kids_day_before('next_boundary_date') }} as segment_end_date
    from (
        select
            boundaries.*,
            lead(boundaries.boundary_date) over (
                partition by boundaries.person_id, boundaries.calendar_id
                order by boundaries.boundary_date
            ) as next_boundary_date
        from boundaries
    ) as ordered_boundaries
    where next_boundary_date is not null
),

covering as (
    select
        segments.person_id,
        segments.calendar_id,
        segments.segment_start_date,
        segments.segment_end_date,
        member_enrollments.enrollment_id,
        member_enrollments.structure_id,
        member_enrollments.service_type,
        member_enrollments.end_year,
        row_number() over (
            partition by segments.person_id, segments.calendar_id, segments.segment_start_date
            order by member_enrollments.member_rank
        ) as winner_rank,
        min(member_enrollments.structure_id) over (
            partition by segments.person_id, segments.calendar_id, segments.segment_start_date
        ) as min_structure_id,
        max(member_enrollments.structure_id) over (
            partition by segments.person_id, segments.calendar_id, segments.segment_start_date
        ) as max_structure_id
    from segments
    inner join member_enrollments
        on
            segments.person_id = member_enrollments.person_id
            and segments.calendar_id = member_enrollments.calendar_id
            and segments.segment_start_date >= member_enrollments.start_date
            and segments.segment_end_date <= member_enrollments.through_date
),

-- one structure: the winner owns the whole segment
whole_segment_spans as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id,
        service_type,
        end_year,
        segment_start_date as span_start_date,
        segment_end_date as span_end_date
    from covering
    where winner_rank = 1 and min_structure_id = max_structure_id
),

-- several structures: each instructional day of the segment goes to the best enrollment having it
mixed_segment_days as (
    select
        covering.enrollment_id,
        covering.person_id,
        covering.calendar_id,
        covering.structure_id,
        covering.service_type,
        covering.end_year,
        instructional_days.instruction_date,
        row_number() over (
            partition by covering.person_id, covering.calendar_id, instructional_days.instruction_date
            order by covering.winner_rank
        ) as day_rank
    from covering
    inner join instructional_days
        on
            {{ same_structure('covering', 'instructional_days') }}
            and instructional_days.instruction_date between covering.segment_start_date and covering.segment_end_date
    where covering.min_structure_id != covering.max_structure_id
),

mixed_segment_spans as (
    select
        enrollment_id,
        person_id,
        calendar_id,
        structure_id,
        service_type,
        end_year,
        instruction_date as span_start_date,
        instruction_date as span_end_date
    from mixed_segment_days
    where day_rank = 1
),

spans as (
    select * from whole_segment_spans
    union all
    select * from mixed_segment_spans
),

span_probes as (
    select
        calendar_id,
        structure_id,
        span_end_date as probe_date
    from spans
    union
    select
        calendar_id,
        structure_id,
        {{ ks_kids_day_before('span_start_date') }} as probe_date
    from spans
),

day_index as (
    {{ ks_kids_instruction_index('span_probes', 'days') }}
),

final as (
    select
        spans.*,
        coalesce(before_start.days_through, 0) as days_before_start,
        coalesce(through_end.days_through, 0) as days_through_end,
        coalesce(through_end.days_through, 0) - coalesce(before_start.days_through, 0) as membership_days
    from spans
    left join day_index as before_start
        on {{ ks_kids_index_at('before_start', 'spans', 'spans.span_start_date', day_before=true) }}
    left join day_index as through_end
        on {{ ks_kids_index_at('through_end', 'spans', 'spans.span_end_date') }}
)

select * from final

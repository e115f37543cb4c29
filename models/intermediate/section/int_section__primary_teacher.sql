-- The active or last primary teacher of every section with known dates (rule LEAD-DETAIL-PRIMARY-TEACHER).
-- `primary_teacher_person_id` is text: the teacher's person id, or '0' when no staff history qualifies.
with

sections as not materialized (
    select * from {{ ref('int_section__sections') }}
),

staff_history as (
    select * from {{ ref('stg_sis__section_staff_history') }}
),

-- Staff Type P; start NULL or on/before the section end; end NULL, or between the section start and end and not before
-- the run date.
qualifying as (
    select
        sections.section_id,
        staff_history.person_id,
        staff_history.start_date,
        staff_history.end_date,
        staff_history.history_id
    from sections
    inner join staff_history
        on
            sections.section_id = staff_history.section_id
            and (staff_history.trial_id is null or sections.trial_id = staff_history.trial_id)
    where
        staff_history.staff_type = 'P'
        and (staff_history.start_date is null or staff_history.start_date <= sections.section_end_date)
        and (
            staff_history.end_date is null
            or (
                staff_history.end_date between sections.section_start_date and sections.section_end_date
                and {{ report_run_date() }} <= staff_history.end_date
            )
        )
),

-- Several qualify: the one with a NULL end date, else the latest start date; then the highest history id (determinism).
ranked as (
    select
        *,
        row_number() over (
            partition by section_id
            order by
                case when end_date is null then 0 else 1 end,
                start_date desc nulls last,
                history_id desc
        ) as teacher_rank
    from qualifying
),

final as (
    select
        sections.section_id,
        coalesce(cast(ranked.person_id as varchar), '0') as primary_teacher_person_id,
        ranked.person_id as primary_teacher_person_key,
        ranked.history_id as primary_teacher_history_id
    from sections
    left join ranked
        on
            sections.section_id = ranked.section_id
            and ranked.teacher_rank = 1
    where sections.section_start_date is not null and sections.section_end_date is not null
)

select * from final

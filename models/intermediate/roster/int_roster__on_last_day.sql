-- Students rostered on the last day of their section: one row per section and student (rule LEAD-DETAIL-POP-ROSTER-LAST-DAY).
with

rosters as (
    select * from {{ ref('stg_sis__roster') }}
),

sections as (
    select * from {{ ref('int_section__sections') }}
),

structures as (
    select * from {{ ref('int_calendar__structures') }}
),

-- Roster End Date NULL, or = Section End Date, or = the structure's Last Instructional Day.
on_last_day as (
    select
        rosters.roster_id,
        rosters.section_id,
        rosters.person_id,
        rosters.start_date as roster_start_date,
        rosters.end_date as roster_end_date,
        row_number() over (
            partition by rosters.section_id, rosters.person_id
            order by rosters.start_date desc nulls last, rosters.roster_id desc
        ) as roster_rank
    from rosters
    inner join sections
        on rosters.section_id = sections.section_id
    left join structures
        on {{ is_structure_of('sections') }}
    where
        rosters.end_date is null
        or rosters.end_date = sections.section_end_date
        or rosters.end_date = structures.last_instructional_day
),

final as (
    select
        roster_id,
        section_id,
        person_id,
        roster_start_date,
        roster_end_date
    from on_last_day
    where roster_rank = 1
)

select * from final

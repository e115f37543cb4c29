-- Active special-education case managers of each student (rule LEAD-DETAIL-CASE-MANAGER): team member of module SpecialEd,
-- role Case Manager, with a staff person, whose end date is NULL or on/after the run date. One row per student and staff person.
with

team_members as (
    select * from {{ ref('stg_sis__team_member') }}
),

final as (
    select distinct
        person_id,
        staff_person_id
    from team_members
    where
        lower(module) = 'specialed'
        and lower(role) = 'case manager'
        and staff_person_id is not null
        and (end_date is null or end_date >= {{ report_run_date() }})
)

select * from final

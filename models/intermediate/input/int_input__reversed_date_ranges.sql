-- Generated from the contract by scripts/sync_contract: records whose end date is before their start date.
with

reversed_ranges as (
    select
        'school_year' as table_name,
        coalesce(cast(end_year as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__school_year') }}
    where end_date < start_date
    union all
    select
        'calendar' as table_name,
        coalesce(cast(calendar_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__calendar') }}
    where end_date < start_date
    union all
    select
        'term' as table_name,
        coalesce(cast(term_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__term') }}
    where end_date < start_date
    union all
    select
        'roster' as table_name,
        coalesce(cast(roster_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__roster') }}
    where end_date < start_date
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(history_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__section_staff_history') }}
    where end_date < start_date
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__enrollment') }}
    where end_date < start_date
    union all
    select
        'attendance_group_ky' as table_name,
        coalesce(cast(attendance_group_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__attendance_group_ky') }}
    where end_date < start_date
    union all
    select
        'employment' as table_name,
        coalesce(cast(employment_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__employment') }}
    where end_date < start_date
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__employment_assignment') }}
    where end_date < start_date
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__plan') }}
    where end_date < start_date
    union all
    select
        'team_member' as table_name,
        coalesce(cast(team_member_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__team_member') }}
    where end_date < start_date
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__special_ed_state') }}
    where end_date < start_date
    union all
    select
        'section_504' as table_name,
        coalesce(cast(section504_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__section_504') }}
    where end_date < start_date
    union all
    select
        'lep_service' as table_name,
        coalesce(cast(lep_service_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__lep_service') }}
    where end_date < start_date
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(lep_accommodation_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__lep_accommodation') }}
    where end_date < start_date
    union all
    select
        'gifted' as table_name,
        coalesce(cast(gifted_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__gifted') }}
    where end_date < start_date
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(eligibility_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__pos_eligibility') }}
    where end_date < start_date
    union all
    select
        'homeless' as table_name,
        coalesce(cast(homeless_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__homeless') }}
    where end_date < start_date
    union all
    select
        'foster_care' as table_name,
        coalesce(cast(foster_care_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__foster_care') }}
    where end_date < start_date
    union all
    select
        'military_connection' as table_name,
        coalesce(cast(military_connection_id as varchar), '') as record_key,
        person_id,
        start_date,
        end_date
    from {{ ref('stg_sis__military_connection') }}
    where end_date < start_date
)

select * from reversed_ranges

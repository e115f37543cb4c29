-- Generated from the contract by scripts/sync_contract: dates before 1900 or after 2100 (kept as given).
with

implausible_dates as (
    select
        'school_year' as table_name,
        coalesce(cast(end_year as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__school_year') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'school_year' as table_name,
        coalesce(cast(end_year as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__school_year') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'calendar' as table_name,
        coalesce(cast(calendar_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__calendar') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'calendar' as table_name,
        coalesce(cast(calendar_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__calendar') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'day' as table_name,
        coalesce(cast(calendar_id as varchar), '')
        || '|' || coalesce(cast(structure_id as varchar), '')
        || '|' || coalesce(cast(date as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'date' as column_name,
        date as value
    from {{ ref('stg_sis__day') }}
    where date < date '1900-01-01' or date > date '2100-12-31'
    union all
    select
        'term' as table_name,
        coalesce(cast(term_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__term') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'term' as table_name,
        coalesce(cast(term_id as varchar), '') as record_key,
        cast(null as bigint) as person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__term') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'roster' as table_name,
        coalesce(cast(roster_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__roster') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'roster' as table_name,
        coalesce(cast(roster_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__roster') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(history_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__section_staff_history') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(history_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__section_staff_history') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'effective_date' as column_name,
        effective_date as value
    from {{ ref('stg_sis__identity') }}
    where effective_date < date '1900-01-01' or effective_date > date '2100-12-31'
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'birthdate' as column_name,
        birthdate as value
    from {{ ref('stg_sis__identity') }}
    where birthdate < date '1900-01-01' or birthdate > date '2100-12-31'
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'date_entered_us' as column_name,
        date_entered_us as value
    from {{ ref('stg_sis__identity') }}
    where date_entered_us < date '1900-01-01' or date_entered_us > date '2100-12-31'
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        person_id,
        'date_entered_us_school' as column_name,
        date_entered_us_school as value
    from {{ ref('stg_sis__identity') }}
    where date_entered_us_school < date '1900-01-01' or date_entered_us_school > date '2100-12-31'
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__enrollment') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__enrollment') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'school_entry_date' as column_name,
        school_entry_date as value
    from {{ ref('stg_sis__enrollment') }}
    where school_entry_date < date '1900-01-01' or school_entry_date > date '2100-12-31'
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'district_entry_date' as column_name,
        district_entry_date as value
    from {{ ref('stg_sis__enrollment') }}
    where district_entry_date < date '1900-01-01' or district_entry_date > date '2100-12-31'
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        person_id,
        'state_entry_date' as column_name,
        state_entry_date as value
    from {{ ref('stg_sis__enrollment') }}
    where state_entry_date < date '1900-01-01' or state_entry_date > date '2100-12-31'
    union all
    select
        'attendance_group_ky' as table_name,
        coalesce(cast(attendance_group_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__attendance_group_ky') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'attendance_group_ky' as table_name,
        coalesce(cast(attendance_group_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__attendance_group_ky') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'employment' as table_name,
        coalesce(cast(employment_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__employment') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'employment' as table_name,
        coalesce(cast(employment_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__employment') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__employment_assignment') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(assignment_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__employment_assignment') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__plan') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__plan') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'team_member' as table_name,
        coalesce(cast(team_member_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__team_member') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'team_member' as table_name,
        coalesce(cast(team_member_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__team_member') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__special_ed_state') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__special_ed_state') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(special_ed_state_id as varchar), '') as record_key,
        person_id,
        'exit_date' as column_name,
        exit_date as value
    from {{ ref('stg_sis__special_ed_state') }}
    where exit_date < date '1900-01-01' or exit_date > date '2100-12-31'
    union all
    select
        'section_504' as table_name,
        coalesce(cast(section504_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__section_504') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'section_504' as table_name,
        coalesce(cast(section504_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__section_504') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'lep' as table_name,
        coalesce(cast(lep_id as varchar), '') as record_key,
        person_id,
        'identified_date' as column_name,
        identified_date as value
    from {{ ref('stg_sis__lep') }}
    where identified_date < date '1900-01-01' or identified_date > date '2100-12-31'
    union all
    select
        'lep' as table_name,
        coalesce(cast(lep_id as varchar), '') as record_key,
        person_id,
        'exit_date' as column_name,
        exit_date as value
    from {{ ref('stg_sis__lep') }}
    where exit_date < date '1900-01-01' or exit_date > date '2100-12-31'
    union all
    select
        'lep' as table_name,
        coalesce(cast(lep_id as varchar), '') as record_key,
        person_id,
        'first_year_monitoring' as column_name,
        first_year_monitoring as value
    from {{ ref('stg_sis__lep') }}
    where first_year_monitoring < date '1900-01-01' or first_year_monitoring > date '2100-12-31'
    union all
    select
        'lep' as table_name,
        coalesce(cast(lep_id as varchar), '') as record_key,
        person_id,
        'second_year_monitoring' as column_name,
        second_year_monitoring as value
    from {{ ref('stg_sis__lep') }}
    where second_year_monitoring < date '1900-01-01' or second_year_monitoring > date '2100-12-31'
    union all
    select
        'lep_service' as table_name,
        coalesce(cast(lep_service_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__lep_service') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'lep_service' as table_name,
        coalesce(cast(lep_service_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__lep_service') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(lep_accommodation_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__lep_accommodation') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(lep_accommodation_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__lep_accommodation') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'gifted' as table_name,
        coalesce(cast(gifted_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__gifted') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'gifted' as table_name,
        coalesce(cast(gifted_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__gifted') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'migrant' as table_name,
        coalesce(cast(migrant_id as varchar), '') as record_key,
        person_id,
        'last_qualifying_arrival_date' as column_name,
        last_qualifying_arrival_date as value
    from {{ ref('stg_sis__migrant') }}
    where last_qualifying_arrival_date < date '1900-01-01' or last_qualifying_arrival_date > date '2100-12-31'
    union all
    select
        'migrant' as table_name,
        coalesce(cast(migrant_id as varchar), '') as record_key,
        person_id,
        'eligibility_expiration_date' as column_name,
        eligibility_expiration_date as value
    from {{ ref('stg_sis__migrant') }}
    where eligibility_expiration_date < date '1900-01-01' or eligibility_expiration_date > date '2100-12-31'
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(eligibility_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__pos_eligibility') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(eligibility_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__pos_eligibility') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'homeless' as table_name,
        coalesce(cast(homeless_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__homeless') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'homeless' as table_name,
        coalesce(cast(homeless_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__homeless') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'foster_care' as table_name,
        coalesce(cast(foster_care_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__foster_care') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'foster_care' as table_name,
        coalesce(cast(foster_care_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__foster_care') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'military_connection' as table_name,
        coalesce(cast(military_connection_id as varchar), '') as record_key,
        person_id,
        'start_date' as column_name,
        start_date as value
    from {{ ref('stg_sis__military_connection') }}
    where start_date < date '1900-01-01' or start_date > date '2100-12-31'
    union all
    select
        'military_connection' as table_name,
        coalesce(cast(military_connection_id as varchar), '') as record_key,
        person_id,
        'end_date' as column_name,
        end_date as value
    from {{ ref('stg_sis__military_connection') }}
    where end_date < date '1900-01-01' or end_date > date '2100-12-31'
    union all
    select
        'attendance' as table_name,
        coalesce(cast(attendance_id as varchar), '') as record_key,
        person_id,
        'date' as column_name,
        date as value
    from {{ ref('stg_sis__attendance') }}
    where date < date '1900-01-01' or date > date '2100-12-31'
)

select * from implausible_dates

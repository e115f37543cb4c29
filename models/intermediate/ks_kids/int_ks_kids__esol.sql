-- KIDS D42 ESOL Participation, D43 ESOL/Bilingual Program Ending Date, D44 ESOL Contact Minutes, D39 ESOL Entry Date
-- (ks_kids_extracts.md §6.4, gaps 17; seed 004 "ESOL Participation"). Window: Data Filter From Date (blank = the
-- enrollment calendar's start) to Data Filter To Date.
-- KIDS-D42-EL-RECORD: the student's EL record = the latest identified (then highest id) record identified on or
--   before the To date; records of any district count (IC EL records belong to the person).
-- KIDS-D42-SERVICE-IN-RANGE: a service counts when it has at least one day in the window (start <= To, end blank or
--   >= From) and Parent Refused Services is not checked. (The seed says "on or prior to" for code 1 and "prior to"
--   for code 2 and "after" the From date: one overlap test is used for all, the seed's "at least 1 day within".)
-- KIDS-D42-ESOL, for a Program Status 'LEP' record: a counted Title III (state type TIII) and a counted State
--   (STATE) service -> 3; TIII only -> 1; STATE only -> 2; only other counted services (no funding state type,
--   incl. SUM) -> 6; no counted service -> 5 ("ESOL eligible, not receiving services"; a service refused by the
--   parent is not counted, so refusal reports 5 as the seed's narrative says; gap 17: its table says "not checked").
--   For an 'Exited LEP' record: SIT Exited - No Monitor -> 0; exit date <= To and second-year monitoring date
--   (blank = exit date + 2 years) >= From -> 7 when a SUM service (any parent choice) ends blank or on/after the last
--   term end date of the enrollment's structure (blank terms = calendar end), else 8; otherwise (monitoring over) 0.
--   No EL record, or another status -> 0.
-- KIDS-D43-ESOL-END-DATE: codes 7 and 8 report the EL record's program exit date; other codes blank.
-- KIDS-D44-ESOL-MINUTES: code 7 reports the minutes of the qualifying SUM service; codes 1, 2, 3, 6 the minutes of
--   the latest-starting counted service; 0, 5 and 8 blank (KSDE: code 8 on EOYA must be blank).
-- Grain: one row per enrollment (the window's From date falls back to its calendar).
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

terms as (
    select * from {{ ref('stg_sis__term') }}
),

term_schedules as (
    select * from {{ ref('stg_sis__term_schedule') }}
),

lep_records as (
    select * from {{ ref('stg_sis__lep') }}
),

services as (
    select
        lep_services.lep_service_id,
        lep_services.person_id,
        lep_service_types.state_code as service_state_code,
        lep_services.start_date,
        lep_services.end_date,
        lep_services.service_minutes,
        coalesce(lep_services.parent_refused_services, false) as is_parent_refused
    from {{ ref('stg_sis__lep_service') }} as lep_services
    left join {{ ref('stg_sis__lep_service_type') }} as lep_service_types
        on lep_services.lep_service_type_id = lep_service_types.lep_service_type_id
),

windows as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        {{ kids_filter_from_date('calendars.start_date') }} as filter_from_date,
        {{ kids_filter_to_date() }} as filter_to_date,
        coalesce(max(terms.end_date), calendars.end_date) as last_term_end_date
    from enrollments
    inner join calendars
        on enrollments.calendar_id = calendars.calendar_id
    left join term_schedules
        on enrollments.structure_id = term_schedules.structure_id
    left join terms
        on term_schedules.term_schedule_id = terms.term_schedule_id
    group by enrollments.enrollment_id, enrollments.person_id, calendars.start_date, calendars.end_date
),

ranked_records as (
    select
        windows.enrollment_id,
        lep_records.*,
        row_number() over (
            partition by windows.enrollment_id
            order by lep_records.identified_date desc nulls last, lep_records.lep_id desc
        ) as record_rank
    from windows
    inner join lep_records
        on
            windows.person_id = lep_records.person_id
            and (lep_records.identified_date is null or windows.filter_to_date >= lep_records.identified_date)
),

el_records as (
    select * from ranked_records
    where record_rank = 1
),

counted_services as (
    select
        windows.enrollment_id,
        services.*,
        row_number() over (
            partition by windows.enrollment_id
            order by services.start_date desc, services.lep_service_id desc
        ) as recency_rank
    from windows
    inner join services
        on
            windows.person_id = services.person_id
            and windows.filter_to_date >= services.start_date
            and (services.end_date is null or windows.filter_from_date <= services.end_date)
            and not services.is_parent_refused
),

service_summary as (
    select
        enrollment_id,
        max(case when service_state_code = 'TIII' then 1 else 0 end) as has_title_iii,
        max(case when service_state_code = 'STATE' then 1 else 0 end) as has_state_funded,
        count(*) as counted_service_count,
        max(case when recency_rank = 1 then service_minutes end) as latest_service_minutes
    from counted_services
    group by enrollment_id
),

sum_services as (
    select
        windows.enrollment_id,
        max(services.service_minutes) as sum_service_minutes,
        count(*) as sum_service_count
    from windows
    inner join services
        on
            windows.person_id = services.person_id
            and services.service_state_code = 'SUM'
            and (services.end_date is null or windows.last_term_end_date <= services.end_date)
    group by windows.enrollment_id
),

coded as (
    select
        windows.enrollment_id,
        windows.person_id,
        windows.filter_from_date,
        windows.filter_to_date,
        el_records.lep_id,
        el_records.program_status,
        el_records.identified_date,
        el_records.exit_date,
        service_summary.latest_service_minutes,
        sum_services.sum_service_minutes,
        case
            when el_records.program_status = 'LEP'
                then
                    case
                        when service_summary.has_title_iii = 1 and service_summary.has_state_funded = 1 then '3'
                        when service_summary.has_title_iii = 1 then '1'
                        when service_summary.has_state_funded = 1 then '2'
                        when service_summary.counted_service_count > 0 then '6'
                        else '5'
                    end
            when el_records.program_status = 'Exited LEP'
                then
                    case
                        when coalesce(el_records.sit_exited_no_monitor, false) then '0'
                        when
                            el_records.exit_date <= windows.filter_to_date
                            and coalesce(
                                el_records.second_year_monitoring,
                                {{ dbt.dateadd('year', 2, 'el_records.exit_date') }}
                            ) >= windows.filter_from_date
                            then case when sum_services.sum_service_count > 0 then '7' else '8' end
                        else '0'
                    end
            else '0'
        end as esol_participation
    from windows
    left join el_records
        on windows.enrollment_id = el_records.enrollment_id
    left join service_summary
        on windows.enrollment_id = service_summary.enrollment_id
    left join sum_services
        on windows.enrollment_id = sum_services.enrollment_id
),

final as (
    select
        enrollment_id,
        person_id,
        lep_id,
        program_status,
        esol_participation,
        identified_date as esol_entry_date,
        case when esol_participation in ('7', '8') then exit_date end as esol_program_ending_date,
        case
            when esol_participation = '7' then sum_service_minutes
            when esol_participation in ('1', '2', '3', '6') then latest_service_minutes
        end as esol_contact_minutes
    from coded
)

select * from final

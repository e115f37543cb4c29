-- KIDS D42 ESOL Participation, D43 ESOL/Bilingual Program Ending Date, D44 ESOL Contact Minutes, D39 ESOL Entry Date
-- (ks_kids_extracts.md §6.4, gaps 17; seed 004 "ESOL Participation"). Window: the record type's Data Filter From and
-- To dates, owned by int_ks_kids__windows. EL records and services come from the shared EL models built for Kentucky:
-- int_el__records (the EL tool's record order) and int_el__services (service type -> state code, parent refusal).
-- KIDS-D42-EL-RECORD: the student's EL record = among the records identified on or before the To date (or without an
--   identified date), the one at the top of the EL tool (lowest int_el__records.recency_rank: latest identified,
--   then highest id); records of any district count (IC EL records belong to the person).
-- KIDS-D42-SERVICE-IN-RANGE: a service counts when it has at least one day in the window (start <= To, end as
--   entered blank or >= From) and Parent Refused Services is not checked. (The seed says "on or prior to" for code 1
--   and "prior to" for code 2 and "after" the From date: one overlap test is used for all, the seed's "at least 1 day
--   within". The end date as entered is used, not KY's assumed end, as the seed says "end date is null".)
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
-- Evaluated only for the record types that collect D42 (int_ks_kids__extract_layout).
-- Grain: one row per record type and enrollment of the window's calendar (extract_code, enrollment_id).
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
    select * from {{ ref('int_el__records') }}
),

services as not materialized (
    select * from {{ ref('int_el__services') }}
),

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
),

extract_layout as (
    select * from {{ ref('int_ks_kids__extract_layout') }}
),

structure_term_ends as (
    select
        term_schedules.structure_id,
        max(terms.end_date) as last_term_end_date
    from term_schedules
    inner join terms
        on term_schedules.term_schedule_id = terms.term_schedule_id
    group by term_schedules.structure_id
),

esol_windows as (
    select
        windows.extract_code,
        enrollments.enrollment_id,
        enrollments.person_id,
        windows.from_date as filter_from_date,
        windows.to_date as filter_to_date,
        coalesce(structure_term_ends.last_term_end_date, calendars.end_date) as last_term_end_date
    from windows
    inner join extract_layout
        on windows.extract_code = extract_layout.extract_code
    inner join enrollments
        on windows.calendar_id = enrollments.calendar_id
    inner join calendars
        on enrollments.calendar_id = calendars.calendar_id
    left join structure_term_ends
        on enrollments.structure_id = structure_term_ends.structure_id
    where extract_layout.collects_esol_participation
),

ranked_records as (
    select
        esol_windows.extract_code,
        esol_windows.enrollment_id,
        lep_records.*,
        row_number() over (
            partition by esol_windows.extract_code, esol_windows.enrollment_id
            order by lep_records.recency_rank
        ) as record_rank
    from esol_windows
    inner join lep_records
        on
            esol_windows.person_id = lep_records.person_id
            and (lep_records.identified_date is null or esol_windows.filter_to_date >= lep_records.identified_date)
),

el_records as (
    select * from ranked_records
    where record_rank = 1
),

counted_services as (
    select
        esol_windows.extract_code,
        esol_windows.enrollment_id,
        services.lep_service_id,
        services.service_state_code,
        services.service_minutes,
        row_number() over (
            partition by esol_windows.extract_code, esol_windows.enrollment_id
            order by services.start_date desc, services.lep_service_id desc
        ) as recency_rank
    from esol_windows
    inner join services
        on
            esol_windows.person_id = services.person_id
            and esol_windows.filter_to_date >= services.start_date
            and (services.end_date is null or esol_windows.filter_from_date <= services.end_date)
            and not services.is_parent_refused
),

service_summary as (
    select
        extract_code,
        enrollment_id,
        max(case when service_state_code = 'TIII' then 1 else 0 end) as has_title_iii,
        max(case when service_state_code = 'STATE' then 1 else 0 end) as has_state_funded,
        count(*) as counted_service_count,
        max(case when recency_rank = 1 then service_minutes end) as latest_service_minutes
    from counted_services
    group by extract_code, enrollment_id
),

sum_services as (
    select
        esol_windows.extract_code,
        esol_windows.enrollment_id,
        max(services.service_minutes) as sum_service_minutes,
        count(*) as sum_service_count
    from esol_windows
    inner join services
        on
            esol_windows.person_id = services.person_id
            and services.service_state_code = 'SUM'
            and (services.end_date is null or esol_windows.last_term_end_date <= services.end_date)
    group by esol_windows.extract_code, esol_windows.enrollment_id
),

coded as (
    select
        esol_windows.extract_code,
        esol_windows.enrollment_id,
        esol_windows.person_id,
        esol_windows.filter_from_date,
        esol_windows.filter_to_date,
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
                        when el_records.is_sit_exited_no_monitor then '0'
                        when
                            el_records.exit_date <= esol_windows.filter_to_date
                            and coalesce(
                                el_records.second_year_monitoring,
                                {{ dbt.dateadd('year', 2, 'el_records.exit_date') }}
                            ) >= esol_windows.filter_from_date
                            then case when sum_services.sum_service_count > 0 then '7' else '8' end
                        else '0'
                    end
            else '0'
        end as esol_participation
    from esol_windows
    left join el_records
        on
            esol_windows.extract_code = el_records.extract_code
            and esol_windows.enrollment_id = el_records.enrollment_id
    left join service_summary
        on
            esol_windows.extract_code = service_summary.extract_code
            and esol_windows.enrollment_id = service_summary.enrollment_id
    left join sum_services
        on
            esol_windows.extract_code = sum_services.extract_code
            and esol_windows.enrollment_id = sum_services.enrollment_id
),

final as (
    select
        extract_code,
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

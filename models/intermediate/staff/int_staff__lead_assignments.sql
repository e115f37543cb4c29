-- District Assignments overlapping the LEAD reporting year (7/1-6/30; IC-STAFF "active staff"), each with what decides
-- whether the Staff (Detail) report carries it:
--   LEAD-STAFF-ACTIVE: the person also has a District Employment overlapping the same year (int_staff__lead_epsb_id);
--   LEAD-STAFF-SCHOOL-SCOPE (ours): the assignment's school has a calendar of the reporting year that the extract
--     covers (editor "Select Calendar": CORE-WINDOW-CALENDAR-SELECTED, read from int_window__editor_calendars;
--     summer-school calendars never count, IC-LEAD population). The Staff page says "active staff for a given
--     calendar" without the join; assumption.
--   LEAD-STAFF-STATE-CLASSIFICATION: the school's State Classification is one the LEAD reports carry (seed 002, shared
--     by every LEAD report; the one code list seeds/reference/ky_lead__state_classifications.csv is_reported, as
--     LEAD-DETAIL-POP-STATE-CLASSIFICATION).
-- Also used by LEAD-ISSUE-01/02/12 (assignment at the section's school) and LEAD-ISSUE-17.
with

assignments as (
    select * from {{ ref('stg_sis__employment_assignment') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

lead_calendars as (
    select * from {{ ref('int_window__editor_calendars') }}
    where extract_name = 'lead'
),

schools as (
    select * from {{ ref('stg_sis__school') }}
),

districts as (
    select * from {{ ref('stg_sis__district') }}
),

epsb as (
    select * from {{ ref('int_staff__lead_epsb_id') }}
),

classifications as (
    select * from {{ ref('ky_lead__state_classifications') }}
),

reporting_year as (
    select * from {{ ref('int_lead_reports__reporting_year') }}
),

schools_in_scope as (
    select distinct calendars.school_id
    from lead_calendars
    inner join calendars on lead_calendars.calendar_id = calendars.calendar_id
    where
        lead_calendars.is_in_report_year
        and lead_calendars.is_calendar_selected
        and not coalesce(calendars.summer_school, false)
),

active_assignments as (
    select
        assignments.assignment_id,
        assignments.person_id,
        assignments.school_id,
        assignments.start_date,
        assignments.end_date,
        assignments.type,
        assignments.alt_type,
        assignments.employee_type,
        assignments.title,
        assignments.teacher,
        assignments.counselor,
        assignments.supervisor,
        assignments.substitute,
        reporting_year.end_year
    from assignments
    cross join reporting_year
    where
        {{ window_overlaps(
            'assignments.start_date', 'assignments.end_date', 'reporting_year.year_start_date', 'reporting_year.year_end_date'
        ) }}
),

decided as (
    select
        active_assignments.*,
        schools.number as school_number,
        schools.name as school_name,
        districts.number as district_number,
        districts.name as district_name,
        epsb.employment_id,
        epsb.epsb_id,
        epsb.employment_id is not null as has_active_employment,
        schools_in_scope.school_id is not null as school_in_scope,
        schools.state_classification,
        coalesce(classifications.is_reported, false) as is_reported_classification
    from active_assignments
    left join schools on active_assignments.school_id = schools.school_id
    left join districts on schools.district_id = districts.district_id
    left join epsb on active_assignments.person_id = epsb.person_id
    left join schools_in_scope on active_assignments.school_id = schools_in_scope.school_id
    left join classifications on schools.state_classification = classifications.state_classification
)

select * from decided

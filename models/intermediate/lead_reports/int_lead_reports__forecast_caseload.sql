-- The KECS Case Load validation forecast, one row per case manager of the Detail rows (Case Manager PersonID not
-- 0): the validations seed 001 lists for Case Load ("EPSB ID Errors and No Staff Record Found ... resolved the same
-- way they are for Course Validations"; "JobClassCode 0290 ... needs to be manually cleared"). JobClassCode comes from
-- the optional Munis/EERP file (eerp_job_class); without it, or without a row for the educator, the row is Not
-- checked. Tried in order, first match decides; the staff-record and EPSB facts are the Issues report's (warnings 16,
-- 17): int_lead_reports__case_manager_facts.
with

case_manager_facts as (
    select * from {{ ref('int_lead_reports__case_manager_facts') }}
),

job_classes as (
    select * from {{ ref('stg_sis__eerp_job_class') }}
),

educator_job_classes as (
    select
        epsb_id,
        bool_or(job_class_code = '0290') as has_job_class_0290
    from job_classes
    group by epsb_id
),

facts as (
    select
        case_manager_facts.*,
        (select count(*) from job_classes) > 0 as job_classes_supplied,
        educator_job_classes.epsb_id is not null as educator_in_job_classes,
        coalesce(educator_job_classes.has_job_class_0290, false) as has_job_class_0290
    from case_manager_facts
    left join educator_job_classes
        on case_manager_facts.epsb_id = educator_job_classes.epsb_id
),

ruled as (
    select
        facts.*,
        case
            when not facts.has_active_employment or not facts.has_active_assignment then 'LEAD-FORECAST-CASELOAD-NO-STAFF-RECORD'
            when facts.epsb_id is null then 'LEAD-FORECAST-CASELOAD-NO-EPSB'
            when facts.epsb_id_has_outer_whitespace or not facts.epsb_id_is_all_digits then 'LEAD-FORECAST-CASELOAD-INVALID-EPSB'
            when not facts.job_classes_supplied or not facts.educator_in_job_classes then 'LEAD-FORECAST-CASELOAD-NOT-CHECKED'
            when facts.has_job_class_0290 then 'LEAD-FORECAST-CASELOAD-JOB-CLASS-0290'
            else 'LEAD-FORECAST-CASELOAD-CLEAR'
        end as rule_id
    from facts
),

forecast as (
    select
        end_year,
        case_manager_person_id as educator_person_id,
        case_manager_first_name as educator_first_name,
        case_manager_last_name as educator_last_name,
        epsb_id,
        student_count,
        case rule_id
            when 'LEAD-FORECAST-CASELOAD-CLEAR' then 'Clear'
            when 'LEAD-FORECAST-CASELOAD-NOT-CHECKED' then 'Not checked'
            else 'Error'
        end as category,
        case when rule_id = 'LEAD-FORECAST-CASELOAD-JOB-CLASS-0290' then 'Manual clearance' end as sub_category,
        case rule_id
            when 'LEAD-FORECAST-CASELOAD-CLEAR' then 'Clear'
            when 'LEAD-FORECAST-CASELOAD-NO-STAFF-RECORD' then 'No Staff Record Found'
            when 'LEAD-FORECAST-CASELOAD-NO-EPSB' then 'No EPSB ID Provided'
            when 'LEAD-FORECAST-CASELOAD-INVALID-EPSB' then 'Invalid EPSB ID'
            when 'LEAD-FORECAST-CASELOAD-JOB-CLASS-0290'
                then
                    'JobClassCode 0290: KECS does not clear it; the LEAD team must clear it by hand'
            when 'LEAD-FORECAST-CASELOAD-NOT-CHECKED' then
                case
                    when not job_classes_supplied then 'Not checked: needs eerp_job_class (Munis/EERP job class codes)'
                    else 'Not checked: needs eerp_job_class rows for EPSB ID ' || epsb_id || ' (the educator is not in the file)'
                end
        end as reason,
        case when rule_id = 'LEAD-FORECAST-CASELOAD-NOT-CHECKED' then 'eerp_job_class' end as missing_input,
        case rule_id
            when 'LEAD-FORECAST-CASELOAD-NO-STAFF-RECORD' then '17'
            when 'LEAD-FORECAST-CASELOAD-NO-EPSB' then '16'
            when 'LEAD-FORECAST-CASELOAD-INVALID-EPSB' then '16'
        end as issues_warnings,
        rule_id
    from ruled
)

select * from forecast

-- LEAD-AGGREGATE-ONE-ENROLLMENT (specs/kecs_lead_reports.md §7; IC-CASE and IC-SCHOOL): the Caseload and Schoolwide
-- aggregates count a student once per school. The Detail rows (int_ky_lead__detail) of one student (State ID) in one
-- school may carry several Enrollment IDs (several calendars or schedule structures); one is chosen:
--   1. Service Type P, then S, then N (then anything else);
--   2. within a service type, an enrollment whose end date is NULL or equals the last instructional day;
--   3. then the latest end date (NULL first) and the highest Enrollment ID (tie-breaks not stated by IC; ours, as Detail).
-- The rule is applied to each report's own input rows (LEAD-SCHOOLWIDE-INPUT: State ID not null; LEAD-CASELOAD-INPUT:
-- State ID, Primary Disability Enrollment and Case Manager PersonID not null), so an enrollment that a report does not
-- read never hides one it does. One row per enrollment candidate with the two choices as flags.

{#- The columns of an enrollment candidate: its school, student and enrollment, and every Detail indicator the
    aggregates count (lead_indicator_counts, so a new indicator is carried here without another edit). -#}
{%- set enrollment_columns = [
    'end_year', 'district_number', 'district_name', 'school_number', 'school_name', 'state_classification',
    'state_id', 'person_id', 'enrollment_id', 'grade', 'service_type', 'enrollment_end_date',
    'last_instructional_day', 'primary_disability_enrollment'
] -%}
{%- for flag, count_column in lead_indicator_counts() -%}
    {%- do enrollment_columns.append(flag) -%}
{%- endfor -%}
{#- Steps 1-3 of the choice, the same for both reports (each ranks within its own input rows). -#}
{%- set choice_order -%}
    candidates.service_type_rank asc,
    candidates.end_date_rank asc,
    candidates.enrollment_end_date desc nulls first,
    candidates.enrollment_id desc
{%- endset %}
with

detail as (
    select * from {{ ref('int_ky_lead__detail') }}
),

enrollments as (
    select
        {% for column in enrollment_columns -%}
            {{ column }},
        {% endfor -%}
        max(case when case_manager_person_id is not null then 1 else 0 end) as has_case_manager_row
    from detail
    where state_id is not null
    group by {{ enrollment_columns | join(', ') }}
),

candidates as (
    select
        enrollments.*,
        enrollments.primary_disability_enrollment is not null
        and enrollments.has_case_manager_row = 1 as is_caseload_input,
        case enrollments.service_type when 'P' then 1 when 'S' then 2 when 'N' then 3 else 4 end as service_type_rank,
        case
            when
                enrollments.enrollment_end_date is null
                or enrollments.enrollment_end_date = enrollments.last_instructional_day
                then 0
            else 1
        end as end_date_rank
    from enrollments
),

ranked as (
    select
        candidates.*,
        row_number() over (
            partition by candidates.end_year, candidates.district_number, candidates.school_number, candidates.state_id
            order by {{ choice_order }}
        ) as schoolwide_rank,
        row_number() over (
            partition by
                candidates.end_year, candidates.district_number, candidates.school_number, candidates.state_id,
                candidates.is_caseload_input
            order by {{ choice_order }}
        ) as caseload_rank
    from candidates
),

final as (
    select
        {% for column in enrollment_columns -%}
            {{ column }},
        {% endfor -%}
        is_caseload_input,
        schoolwide_rank = 1 as is_schoolwide_choice,
        is_caseload_input and caseload_rank = 1 as is_caseload_choice
    from ranked
)

select * from final

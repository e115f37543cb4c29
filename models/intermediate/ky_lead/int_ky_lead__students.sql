-- Every student rostered on a section (one row per section and student) as a KECS LEAD Detail candidate: the section's rule
-- when the section is not reported, else LEAD-DETAIL-POP-ROSTER-LAST-DAY, LEAD-DETAIL-POP-NOSHOW or
-- LEAD-DETAIL-POP-ACTIVE-ENROLLMENT; `exclusion_rule_id` NULL = reported, with the roster row on the last day, the most
-- recent active enrollment in the section's calendar structure and the Primary Disability in Section
-- (LEAD-DETAIL-DISABILITY-SECTION). With the editor's ad hoc filter on, a student it does not list is left out
-- (LEAD-DETAIL-POP-ADHOC-FILTER); the section still reports, as an empty roster when no listed student is on it.
with

rosters as (
    select * from {{ ref('stg_sis__roster') }}
),

sections as (
    select * from {{ ref('int_ky_lead__sections') }}
),

on_last_day as (
    select * from {{ ref('int_roster__on_last_day') }}
),

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

latest_enrollments as (
    select * from {{ ref('int_enrollment__latest_per_student') }}
),

locked_ieps as (
    select * from {{ ref('int_iep__locked_plans') }}
),

adhoc_students as (
    select distinct person_id from {{ ref('int_person__adhoc_filter') }}
    where person_id is not null
),

roster_pairs as (
    select distinct
        rosters.section_id,
        rosters.person_id
    from rosters
),

enrollment_presence as (
    select
        person_id,
        calendar_id,
        structure_id,
        count(*) as enrollment_count,
        sum(case when is_no_show then 1 else 0 end) as no_show_count
    from enrollments
    group by person_id, calendar_id, structure_id
),

candidates as (
    select
        roster_pairs.section_id,
        roster_pairs.person_id,
        sections.school_id,
        sections.section_end_date,
        on_last_day.roster_id,
        on_last_day.roster_start_date,
        on_last_day.roster_end_date,
        latest_enrollments.enrollment_id,
        latest_enrollments.state_grade,
        latest_enrollments.grade,
        latest_enrollments.service_type,
        latest_enrollments.start_date as enrollment_start_date,
        latest_enrollments.end_date as enrollment_end_date,
        latest_enrollments.start_status as enrollment_start_status,
        latest_enrollments.end_status as enrollment_end_status,
        adhoc_students.person_id is not null as is_adhoc_listed,
        case
            when sections.exclusion_rule_id is not null then sections.exclusion_rule_id
            {%- if adhoc_filter_active() %}
                when adhoc_students.person_id is null then 'LEAD-DETAIL-POP-ADHOC-FILTER'
            {%- endif %}
            when on_last_day.roster_id is null then 'LEAD-DETAIL-POP-ROSTER-LAST-DAY'
            when latest_enrollments.enrollment_id is null and enrollment_presence.no_show_count > 0
                then 'LEAD-DETAIL-POP-NOSHOW'
            when latest_enrollments.enrollment_id is null then 'LEAD-DETAIL-POP-ACTIVE-ENROLLMENT'
        end as exclusion_rule_id
    from roster_pairs
    inner join sections
        on roster_pairs.section_id = sections.section_id
    left join on_last_day
        on
            roster_pairs.section_id = on_last_day.section_id
            and roster_pairs.person_id = on_last_day.person_id
    left join latest_enrollments
        on
            roster_pairs.person_id = latest_enrollments.person_id
            and {{ same_structure('sections', 'latest_enrollments') }}
    left join enrollment_presence
        on
            roster_pairs.person_id = enrollment_presence.person_id
            and {{ same_structure('sections', 'enrollment_presence') }}
    left join adhoc_students
        on roster_pairs.person_id = adhoc_students.person_id
),

-- Primary Disability in Section: the locked IEP valid at the earlier of the run date and the section end date;
-- reported only when its Primary Disability and Special Ed Status are both present.
section_ieps as (
    select
        candidates.section_id,
        candidates.person_id,
        locked_ieps.primary_disability,
        locked_ieps.special_ed_status,
        row_number() over (
            partition by candidates.section_id, candidates.person_id order by locked_ieps.selection_rank
        ) as plan_rank
    from candidates
    inner join locked_ieps
        on
            candidates.person_id = locked_ieps.person_id
            and (
                locked_ieps.start_date is null
                or locked_ieps.start_date <= case
                    when candidates.section_end_date < {{ report_run_date() }} then candidates.section_end_date
                    else {{ report_run_date() }}
                end
            )
            and (
                locked_ieps.end_date is null
                or locked_ieps.end_date >= case
                    when candidates.section_end_date < {{ report_run_date() }} then candidates.section_end_date
                    else {{ report_run_date() }}
                end
            )
    where candidates.exclusion_rule_id is null
),

final as (
    select
        candidates.*,
        case
            when section_ieps.primary_disability is not null and section_ieps.special_ed_status is not null
                then section_ieps.primary_disability
        end as primary_disability_in_section
    from candidates
    left join section_ieps
        on
            candidates.section_id = section_ieps.section_id
            and candidates.person_id = section_ieps.person_id
            and section_ieps.plan_rank = 1
)

select * from final

-- One row per section with its course, trial, calendar structure, the section window computed from its placements' terms,
-- and the four KECS LEAD section checks (rules LEAD-DETAIL-SEC-ACTIVE-COURSE, LEAD-DETAIL-SEC-ACTIVE-TRIAL,
-- LEAD-DETAIL-SEC-PLACEMENT, LEAD-DETAIL-SEC-TERM-DATES, LEAD-DETAIL-SEC-DATES).
with

sections as (
    select * from {{ ref('stg_sis__section') }}
),

courses as (
    select * from {{ ref('stg_sis__course') }}
),

trials as (
    select * from {{ ref('stg_sis__trial') }}
),

placements as (
    select * from {{ ref('stg_sis__section_placement') }}
),

terms as (
    select * from {{ ref('stg_sis__term') }}
),

-- Section Start Date = start of the starting (earliest) placed term; Section End Date = end of the ending (latest) placed term.
-- A placement whose term is missing or has a NULL start or end date makes the section's dates unknown.
placement_terms as (
    select
        sections.section_id,
        count(*) as placement_count,
        min(terms.start_date) as section_start_date,
        max(terms.end_date) as section_end_date,
        sum(case when terms.start_date is null or terms.end_date is null then 1 else 0 end) as placements_missing_term_dates
    from sections
    inner join placements
        on {{ is_placement_of('sections', 'placements') }}
    left join terms
        on placements.term_id = terms.term_id
    group by sections.section_id
),

final as (
    select
        sections.section_id,
        sections.course_id,
        sections.trial_id,
        courses.calendar_id,
        trials.structure_id,
        sections.number as section_number,
        sections.core_content,
        sections.instructional_setting as section_instructional_setting,
        sections.special_type,
        sections.cross_site_enrollment,
        coalesce(sections.homeroom_section, false) as is_homeroom_section,
        courses.number as course_number,
        courses.name as course_name,
        courses.state_code,
        courses.teaching_method,
        courses.instructional_setting as course_instructional_setting,
        courses.responsive,
        courses.type as course_type,
        courses.difficulty_level,
        coalesce(courses.homeroom, false) as is_homeroom_course,
        placement_terms.section_start_date,
        placement_terms.section_end_date,
        coalesce(courses.active, false) as course_is_active,
        coalesce(trials.active, false) as trial_is_active,
        coalesce(placement_terms.placement_count, 0) > 0 as has_placement,
        coalesce(placement_terms.placement_count, 0) > 0
        and placement_terms.placements_missing_term_dates = 0 as has_term_dates
    from sections
    inner join courses
        on sections.course_id = courses.course_id
    left join trials
        on sections.trial_id = trials.trial_id
    left join placement_terms
        on sections.section_id = placement_terms.section_id
)

select * from final

-- Every section as a KECS LEAD Detail candidate: its section-level Detail fields (typed) and, when the Detail does not carry
-- it, the first population rule it fails (`exclusion_rule_id`; NULL = reported).
with

sections as (
    select * from {{ ref('int_section__sections') }}
),

structures as (
    select * from {{ ref('int_calendar__structures') }}
),

kts_exchange as (
    select * from {{ ref('int_course__kts_exchange') }}
),

primary_teachers as (
    select * from {{ ref('int_section__primary_teacher') }}
),

identities as (
    select * from {{ ref('int_person__current_identity') }}
),

classifications as (
    select * from {{ ref('ky_lead__state_classifications') }}
),

difficulty_levels as (
    select * from {{ ref('ky_lead__difficulty_levels') }}
),

lead_calendars as (
    select * from {{ ref('int_window__editor_calendars') }}
    where extract_name = 'lead'
),

candidates as (
    select
        sections.section_id,
        sections.calendar_id,
        sections.structure_id,
        structures.school_id,
        structures.end_year,
        structures.district_number,
        structures.district_name,
        structures.school_number,
        structures.school_name,
        structures.state_classification,
        coalesce(classifications.is_cte_center, false) as is_cte_center,
        structures.calendar_name,
        structures.structure_name,
        structures.last_instructional_day,
        structures.low_grade,
        structures.high_grade,
        sections.course_number,
        sections.course_name,
        sections.section_number,
        sections.state_code,
        sections.core_content,
        -- LEAD-DETAIL-TEACHING-METHOD: NULL reports 01.
        coalesce(sections.teaching_method, '01') as teaching_method,
        -- LEAD-DETAIL-INSTRUCTIONAL-SETTING: section override, else course, else 01.
        coalesce(sections.section_instructional_setting, sections.course_instructional_setting, '01') as instructional_setting,
        -- LEAD-DETAIL-SPECIAL-TYPE: NULL reports 01.
        coalesce(sections.special_type, '01') as special_type,
        -- LEAD-DETAIL-KTS-EXCHANGE (Appendix E).
        coalesce(kts_exchange.is_kts_exchange, false) as is_kts_exchange,
        -- LEAD-DETAIL-CROSS-SITE-SECTION: any Cross-Site Enrollment value = 1.
        sections.cross_site_enrollment is not null as is_cross_site_section,
        -- LEAD-DETAIL-RESPONSIVE: checkbox checked = 1, otherwise 0.
        coalesce(sections.responsive, false) as is_responsive,
        -- LEAD-DETAIL-COURSE-TYPE: blank when NULL.
        sections.course_type,
        -- LEAD-DETAIL-DIFFICULTY-LEVEL: AP, CAI, DC, IB only; anything else blank.
        difficulty_levels.difficulty_level,
        coalesce(primary_teachers.primary_teacher_person_id, '0') as primary_teacher_person_id,
        identities.first_name as primary_teacher_first_name,
        identities.last_name as primary_teacher_last_name,
        sections.section_start_date,
        sections.section_end_date,
        sections.course_is_active,
        sections.trial_is_active,
        sections.has_placement,
        sections.has_term_dates,
        sections.is_homeroom_section or sections.is_homeroom_course as is_homeroom,
        structures.calendar_id is not null as has_structure,
        structures.is_summer_school,
        coalesce(classifications.is_reported, false) as is_reported_classification,
        (
            coalesce(structures.calendar_start_date, structures.first_instructional_day) <= {{ editor_range_end('lead') }}
            and coalesce(structures.calendar_end_date, structures.last_instructional_day) >= {{ editor_range_start('lead') }}
        ) as overlaps_date_range,
        coalesce(lead_calendars.is_calendar_selected, {{ editor_selects_every_calendar('lead') }}) as is_calendar_selected
    from sections
    left join structures
        on {{ is_structure_of('sections') }}
    left join classifications
        on structures.state_classification = classifications.state_classification
    left join kts_exchange
        on sections.course_id = kts_exchange.course_id
    left join primary_teachers
        on sections.section_id = primary_teachers.section_id
    left join identities
        on primary_teachers.primary_teacher_person_key = identities.person_id
    left join difficulty_levels
        on sections.difficulty_level = difficulty_levels.difficulty_level
    left join lead_calendars
        on sections.calendar_id = lead_calendars.calendar_id
),

final as (
    select
        *,
        case
            when not is_calendar_selected then 'LEAD-DETAIL-POP-CALENDAR-SELECTED'
            when not coalesce(overlaps_date_range, false) then 'LEAD-DETAIL-POP-DATE-RANGE'
            when is_summer_school then 'LEAD-DETAIL-POP-SUMMER-SCHOOL'
            when not is_reported_classification then 'LEAD-DETAIL-POP-STATE-CLASSIFICATION'
            when not course_is_active then 'LEAD-DETAIL-SEC-ACTIVE-COURSE'
            when not trial_is_active or not has_structure then 'LEAD-DETAIL-SEC-ACTIVE-TRIAL'
            when not has_placement then 'LEAD-DETAIL-SEC-PLACEMENT'
            when not has_term_dates then 'LEAD-DETAIL-SEC-TERM-DATES'
            when {{ lead_exclude_cross_site() }} and is_cross_site_section and is_homeroom then 'LEAD-DETAIL-POP-CROSS-SITE'
        end as exclusion_rule_id
    from candidates
)

select * from final

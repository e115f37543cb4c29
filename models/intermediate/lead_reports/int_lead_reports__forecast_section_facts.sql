-- What the KECS validation forecast (LEAD-FORECAST-*) needs to know about each reported Detail section, one row per
-- section: the Issues facts (int_lead_reports__issue_section_facts) plus the section's setting and exchange flag, the
-- grade range KECS checks (roster grades; an empty roster takes the school's Low/High Grade, seed 001), the disability
-- populations of a Special Type 05 room, and how the optional KECS inputs answer: the course code in the state
-- catalogue, the educator's credential permissions (content, population, grade range) and years of experience.
-- Each *_supplied flag is false when the district left that optional file out (its table is empty); the forecast
-- then says 'Not checked' instead of guessing. Permission matching is our reading of KECS's public rules
-- (specs/ky_kecs_validation.md §7): only job function 'Teacher' counts; content 'Any' matches every content;
-- population 'Any' every population; 'All Grades' every grade.
with

facts as (
    select * from {{ ref('int_lead_reports__issue_section_facts') }}
),

detail as not materialized (
    select * from {{ ref('int_ky_lead__detail') }}
),

permissions as (
    select * from {{ ref('stg_sis__kecs_credential_permission') }}
),

experience as (
    select * from {{ ref('stg_sis__kecs_educator_experience') }}
),

course_codes as (
    select * from {{ ref('stg_sis__kecs_state_course_code') }}
),

grade_labels as (
    select * from {{ ref('ky_lead__kecs_grade_labels') }}
),

grade_order as not materialized (
    select * from {{ ref('int_calendar__kecs_grade_order') }}
),

populations as (
    select * from {{ ref('ky_lead__kecs_populations') }}
),

supplied as (
    select
        (select count(*) from permissions) > 0 as permissions_supplied,
        (select count(*) from experience) > 0 as experience_supplied,
        (select count(*) from course_codes) > 0 as catalogue_supplied
),

section_settings as (
    select
        detail.section_id,
        max(detail.instructional_setting) as instructional_setting,
        bool_or(coalesce(detail.is_kts_exchange, false)) as is_kts_exchange,
        min(rostered.grade_sort) as roster_low_sort,
        max(rostered.grade_sort) as roster_high_sort,
        min(school_low.grade_sort) as school_low_sort,
        max(school_high.grade_sort) as school_high_sort
    from detail
    left join grade_order as rostered on detail.grade = rostered.state_grade and detail.person_id is not null
    left join grade_order as school_low on detail.low_grade = school_low.state_grade
    left join grade_order as school_high on detail.high_grade = school_high.state_grade
    group by detail.section_id
),

section_populations as (
    select
        detail.section_id,
        coalesce(populations.kecs_population, detail.primary_disability_in_section) as population
    from detail
    left join populations on detail.primary_disability_in_section = populations.primary_disability
    where detail.primary_disability_in_section is not null
    group by detail.section_id, coalesce(populations.kecs_population, detail.primary_disability_in_section)
),

teacher_permissions as (
    select
        permissions.epsb_id,
        lower(permissions.content) as content,
        lower(permissions.population) as population,
        coalesce(low_label.all_grades, false) or coalesce(high_label.all_grades, false) as all_grades,
        low_order.grade_sort as low_sort,
        high_order.grade_sort as high_sort
    from permissions
    left join grade_labels as low_label on permissions.low_grade = low_label.kecs_grade_label
    left join grade_labels as high_label on permissions.high_grade = high_label.kecs_grade_label
    left join grade_order as low_order on coalesce(low_label.state_grade, permissions.low_grade) = low_order.state_grade
    left join grade_order as high_order on coalesce(high_label.state_grade, permissions.high_grade) = high_order.state_grade
    where lower(permissions.job_function) = 'teacher'
),

sections as (
    select
        facts.*,
        section_settings.instructional_setting,
        coalesce(section_settings.is_kts_exchange, false) as is_kts_exchange,
        section_settings.roster_low_sort is null as grade_range_from_school,
        coalesce(section_settings.roster_low_sort, section_settings.school_low_sort) as grade_low_sort,
        coalesce(section_settings.roster_high_sort, section_settings.school_high_sort) as grade_high_sort,
        course_codes.state_course_code is not null as code_in_catalogue,
        course_codes.state_course_code is not null
        and course_codes.start_year <= facts.end_year - 1
        and (course_codes.end_year is null or course_codes.end_year >= facts.end_year) as code_offered_in_year,
        course_codes.lead_content_area,
        course_codes.required_years_of_experience,
        supplied.permissions_supplied,
        supplied.experience_supplied,
        supplied.catalogue_supplied
    from facts
    cross join supplied
    left join section_settings on facts.section_id = section_settings.section_id
    left join course_codes on facts.state_course_code = course_codes.state_course_code
),

-- A permission counts for the section's content when it names the course's LEAD content area or 'Any', and for a
-- general-population room only with population 'General' or 'Any'; a Special Type 05 room checks its disability
-- populations one by one (below).
content_matches as (
    select
        sections.section_id,
        teacher_permissions.population,
        teacher_permissions.all_grades
        or (
            teacher_permissions.low_sort <= sections.grade_low_sort
            and teacher_permissions.high_sort >= sections.grade_high_sort
        ) as covers_grades
    from sections
    inner join teacher_permissions
        on
            sections.epsb_id = teacher_permissions.epsb_id
            and teacher_permissions.content in (lower(sections.lead_content_area), 'any')
    where
        sections.section_special_type = '05'
        or teacher_permissions.population in ('general', 'any')
),

missing_populations as (
    select
        sections.section_id,
        min(section_populations.population) as missing_population
    from sections
    inner join section_populations on sections.section_id = section_populations.section_id
    where
        sections.section_special_type = '05'
        and not exists (
            select 1 from content_matches
            where
                content_matches.section_id = sections.section_id
                and content_matches.population in (lower(section_populations.population), 'any')
        )
    group by sections.section_id
),

educators_with_permissions as (
    select distinct epsb_id from teacher_permissions
),

educators_in_permissions_file as (
    select distinct epsb_id from permissions
),

matched as (
    select
        section_id,
        count(*) > 0 as has_content_permission,
        bool_or(covers_grades) as has_grade_permission
    from content_matches
    group by section_id
),

section_facts as (
    select
        sections.*,
        educators_in_permissions_file.epsb_id is not null as educator_in_permissions,
        educators_with_permissions.epsb_id is not null as educator_has_teacher_permissions,
        coalesce(matched.has_content_permission, false) as has_content_permission,
        coalesce(matched.has_grade_permission, false) as has_grade_permission,
        missing_populations.missing_population,
        low_grade.state_grade as grade_low,
        high_grade.state_grade as grade_high,
        experience.years_of_experience
    from sections
    left join educators_in_permissions_file on sections.epsb_id = educators_in_permissions_file.epsb_id
    left join educators_with_permissions on sections.epsb_id = educators_with_permissions.epsb_id
    left join matched on sections.section_id = matched.section_id
    left join missing_populations on sections.section_id = missing_populations.section_id
    left join grade_order as low_grade on sections.grade_low_sort = low_grade.grade_sort
    left join grade_order as high_grade on sections.grade_high_sort = high_grade.grade_sort
    left join experience on sections.epsb_id = experience.epsb_id
)

select * from section_facts

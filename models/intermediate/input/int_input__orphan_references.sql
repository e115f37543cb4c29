-- Generated from the contract's foreign keys by scripts/sync_contract: every reference to a record the district's
-- data does not contain (a roster row pointing at a missing section, ...). Reported as input issues, not dropped.
with

orphans as (
    select
        'district' as table_name,
        coalesce(cast(child.district_id as varchar), '') as record_key,
        'county_id' as column_name,
        cast(child.county_id as varchar) as value,
        'county.county_id' as references_column
    from {{ ref('stg_sis__district') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.county_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__county') }} as parent
            where parent.county_id = child.county_id
        )
    union all
    select
        'school' as table_name,
        coalesce(cast(child.school_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__school') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'calendar' as table_name,
        coalesce(cast(child.calendar_id as varchar), '') as record_key,
        'school_id' as column_name,
        cast(child.school_id as varchar) as value,
        'school.school_id' as references_column
    from {{ ref('stg_sis__calendar') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.school_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__school') }} as parent
            where parent.school_id = child.school_id
        )
    union all
    select
        'calendar' as table_name,
        coalesce(cast(child.calendar_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__calendar') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'calendar' as table_name,
        coalesce(cast(child.calendar_id as varchar), '') as record_key,
        'end_year' as column_name,
        cast(child.end_year as varchar) as value,
        'school_year.end_year' as references_column
    from {{ ref('stg_sis__calendar') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.end_year is not null
        and not exists (
            select 1 from {{ ref('stg_sis__school_year') }} as parent
            where parent.end_year = child.end_year
        )
    union all
    select
        'schedule_structure' as table_name,
        coalesce(cast(child.structure_id as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__schedule_structure') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'grade_level' as table_name,
        coalesce(cast(child.calendar_id as varchar), '')
        || '|' || coalesce(cast(child.structure_id as varchar), '')
        || '|' || coalesce(cast(child.name as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__grade_level') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'grade_level' as table_name,
        coalesce(cast(child.calendar_id as varchar), '')
        || '|' || coalesce(cast(child.structure_id as varchar), '')
        || '|' || coalesce(cast(child.name as varchar), '') as record_key,
        'structure_id' as column_name,
        cast(child.structure_id as varchar) as value,
        'schedule_structure.structure_id' as references_column
    from {{ ref('stg_sis__grade_level') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.structure_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__schedule_structure') }} as parent
            where parent.structure_id = child.structure_id
        )
    union all
    select
        'day' as table_name,
        coalesce(cast(child.calendar_id as varchar), '')
        || '|' || coalesce(cast(child.structure_id as varchar), '')
        || '|' || coalesce(cast(child.date as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__day') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'day' as table_name,
        coalesce(cast(child.calendar_id as varchar), '')
        || '|' || coalesce(cast(child.structure_id as varchar), '')
        || '|' || coalesce(cast(child.date as varchar), '') as record_key,
        'structure_id' as column_name,
        cast(child.structure_id as varchar) as value,
        'schedule_structure.structure_id' as references_column
    from {{ ref('stg_sis__day') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.structure_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__schedule_structure') }} as parent
            where parent.structure_id = child.structure_id
        )
    union all
    select
        'day' as table_name,
        coalesce(cast(child.calendar_id as varchar), '')
        || '|' || coalesce(cast(child.structure_id as varchar), '')
        || '|' || coalesce(cast(child.date as varchar), '') as record_key,
        'period_schedule_id' as column_name,
        cast(child.period_schedule_id as varchar) as value,
        'period_schedule.period_schedule_id' as references_column
    from {{ ref('stg_sis__day') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.period_schedule_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__period_schedule') }} as parent
            where parent.period_schedule_id = child.period_schedule_id
        )
    union all
    select
        'term_schedule' as table_name,
        coalesce(cast(child.term_schedule_id as varchar), '') as record_key,
        'structure_id' as column_name,
        cast(child.structure_id as varchar) as value,
        'schedule_structure.structure_id' as references_column
    from {{ ref('stg_sis__term_schedule') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.structure_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__schedule_structure') }} as parent
            where parent.structure_id = child.structure_id
        )
    union all
    select
        'term' as table_name,
        coalesce(cast(child.term_id as varchar), '') as record_key,
        'term_schedule_id' as column_name,
        cast(child.term_schedule_id as varchar) as value,
        'term_schedule.term_schedule_id' as references_column
    from {{ ref('stg_sis__term') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.term_schedule_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__term_schedule') }} as parent
            where parent.term_schedule_id = child.term_schedule_id
        )
    union all
    select
        'period_schedule' as table_name,
        coalesce(cast(child.period_schedule_id as varchar), '') as record_key,
        'structure_id' as column_name,
        cast(child.structure_id as varchar) as value,
        'schedule_structure.structure_id' as references_column
    from {{ ref('stg_sis__period_schedule') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.structure_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__schedule_structure') }} as parent
            where parent.structure_id = child.structure_id
        )
    union all
    select
        'period' as table_name,
        coalesce(cast(child.period_id as varchar), '') as record_key,
        'period_schedule_id' as column_name,
        cast(child.period_schedule_id as varchar) as value,
        'period_schedule.period_schedule_id' as references_column
    from {{ ref('stg_sis__period') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.period_schedule_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__period_schedule') }} as parent
            where parent.period_schedule_id = child.period_schedule_id
        )
    union all
    select
        'trial' as table_name,
        coalesce(cast(child.trial_id as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__trial') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'trial' as table_name,
        coalesce(cast(child.trial_id as varchar), '') as record_key,
        'structure_id' as column_name,
        cast(child.structure_id as varchar) as value,
        'schedule_structure.structure_id' as references_column
    from {{ ref('stg_sis__trial') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.structure_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__schedule_structure') }} as parent
            where parent.structure_id = child.structure_id
        )
    union all
    select
        'course_catalog' as table_name,
        coalesce(cast(child.catalog_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__course_catalog') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'course_master' as table_name,
        coalesce(cast(child.course_master_id as varchar), '') as record_key,
        'catalog_id' as column_name,
        cast(child.catalog_id as varchar) as value,
        'course_catalog.catalog_id' as references_column
    from {{ ref('stg_sis__course_master') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.catalog_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__course_catalog') }} as parent
            where parent.catalog_id = child.catalog_id
        )
    union all
    select
        'course' as table_name,
        coalesce(cast(child.course_id as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__course') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'course' as table_name,
        coalesce(cast(child.course_id as varchar), '') as record_key,
        'course_master_id' as column_name,
        cast(child.course_master_id as varchar) as value,
        'course_master.course_master_id' as references_column
    from {{ ref('stg_sis__course') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.course_master_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__course_master') }} as parent
            where parent.course_master_id = child.course_master_id
        )
    union all
    select
        'custom_course' as table_name,
        coalesce(cast(child.course_id as varchar), '')
        || '|' || coalesce(cast(child.attribute_id as varchar), '') as record_key,
        'course_id' as column_name,
        cast(child.course_id as varchar) as value,
        'course.course_id' as references_column
    from {{ ref('stg_sis__custom_course') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.course_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__course') }} as parent
            where parent.course_id = child.course_id
        )
    union all
    select
        'custom_course' as table_name,
        coalesce(cast(child.course_id as varchar), '')
        || '|' || coalesce(cast(child.attribute_id as varchar), '') as record_key,
        'attribute_id' as column_name,
        cast(child.attribute_id as varchar) as value,
        'campus_attribute.attribute_id' as references_column
    from {{ ref('stg_sis__custom_course') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.attribute_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__campus_attribute') }} as parent
            where parent.attribute_id = child.attribute_id
        )
    union all
    select
        'section' as table_name,
        coalesce(cast(child.section_id as varchar), '') as record_key,
        'course_id' as column_name,
        cast(child.course_id as varchar) as value,
        'course.course_id' as references_column
    from {{ ref('stg_sis__section') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.course_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__course') }} as parent
            where parent.course_id = child.course_id
        )
    union all
    select
        'section' as table_name,
        coalesce(cast(child.section_id as varchar), '') as record_key,
        'trial_id' as column_name,
        cast(child.trial_id as varchar) as value,
        'trial.trial_id' as references_column
    from {{ ref('stg_sis__section') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.trial_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__trial') }} as parent
            where parent.trial_id = child.trial_id
        )
    union all
    select
        'section' as table_name,
        coalesce(cast(child.section_id as varchar), '') as record_key,
        'teacher_person_id' as column_name,
        cast(child.teacher_person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__section') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.teacher_person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.teacher_person_id
        )
    union all
    select
        'section_placement' as table_name,
        coalesce(cast(child.section_id as varchar), '')
        || '|' || coalesce(cast(child.trial_id as varchar), '')
        || '|' || coalesce(cast(child.term_id as varchar), '')
        || '|' || coalesce(cast(child.period_id as varchar), '') as record_key,
        'section_id' as column_name,
        cast(child.section_id as varchar) as value,
        'section.section_id' as references_column
    from {{ ref('stg_sis__section_placement') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.section_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__section') }} as parent
            where parent.section_id = child.section_id
        )
    union all
    select
        'section_placement' as table_name,
        coalesce(cast(child.section_id as varchar), '')
        || '|' || coalesce(cast(child.trial_id as varchar), '')
        || '|' || coalesce(cast(child.term_id as varchar), '')
        || '|' || coalesce(cast(child.period_id as varchar), '') as record_key,
        'trial_id' as column_name,
        cast(child.trial_id as varchar) as value,
        'trial.trial_id' as references_column
    from {{ ref('stg_sis__section_placement') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.trial_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__trial') }} as parent
            where parent.trial_id = child.trial_id
        )
    union all
    select
        'section_placement' as table_name,
        coalesce(cast(child.section_id as varchar), '')
        || '|' || coalesce(cast(child.trial_id as varchar), '')
        || '|' || coalesce(cast(child.term_id as varchar), '')
        || '|' || coalesce(cast(child.period_id as varchar), '') as record_key,
        'term_id' as column_name,
        cast(child.term_id as varchar) as value,
        'term.term_id' as references_column
    from {{ ref('stg_sis__section_placement') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.term_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__term') }} as parent
            where parent.term_id = child.term_id
        )
    union all
    select
        'section_placement' as table_name,
        coalesce(cast(child.section_id as varchar), '')
        || '|' || coalesce(cast(child.trial_id as varchar), '')
        || '|' || coalesce(cast(child.term_id as varchar), '')
        || '|' || coalesce(cast(child.period_id as varchar), '') as record_key,
        'period_id' as column_name,
        cast(child.period_id as varchar) as value,
        'period.period_id' as references_column
    from {{ ref('stg_sis__section_placement') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.period_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__period') }} as parent
            where parent.period_id = child.period_id
        )
    union all
    select
        'roster' as table_name,
        coalesce(cast(child.roster_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__roster') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'roster' as table_name,
        coalesce(cast(child.roster_id as varchar), '') as record_key,
        'section_id' as column_name,
        cast(child.section_id as varchar) as value,
        'section.section_id' as references_column
    from {{ ref('stg_sis__roster') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.section_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__section') }} as parent
            where parent.section_id = child.section_id
        )
    union all
    select
        'roster' as table_name,
        coalesce(cast(child.roster_id as varchar), '') as record_key,
        'trial_id' as column_name,
        cast(child.trial_id as varchar) as value,
        'trial.trial_id' as references_column
    from {{ ref('stg_sis__roster') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.trial_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__trial') }} as parent
            where parent.trial_id = child.trial_id
        )
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(child.history_id as varchar), '') as record_key,
        'section_id' as column_name,
        cast(child.section_id as varchar) as value,
        'section.section_id' as references_column
    from {{ ref('stg_sis__section_staff_history') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.section_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__section') }} as parent
            where parent.section_id = child.section_id
        )
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(child.history_id as varchar), '') as record_key,
        'trial_id' as column_name,
        cast(child.trial_id as varchar) as value,
        'trial.trial_id' as references_column
    from {{ ref('stg_sis__section_staff_history') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.trial_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__trial') }} as parent
            where parent.trial_id = child.trial_id
        )
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(child.history_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__section_staff_history') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'section_staff_history' as table_name,
        coalesce(cast(child.history_id as varchar), '') as record_key,
        'assignment_id' as column_name,
        cast(child.assignment_id as varchar) as value,
        'employment_assignment.assignment_id' as references_column
    from {{ ref('stg_sis__section_staff_history') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.assignment_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__employment_assignment') }} as parent
            where parent.assignment_id = child.assignment_id
        )
    union all
    select
        'person' as table_name,
        coalesce(cast(child.person_id as varchar), '') as record_key,
        'current_identity_id' as column_name,
        cast(child.current_identity_id as varchar) as value,
        'identity.identity_id' as references_column
    from {{ ref('stg_sis__person') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.current_identity_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__identity') }} as parent
            where parent.identity_id = child.current_identity_id
        )
    union all
    select
        'identity' as table_name,
        coalesce(cast(child.identity_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__identity') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'identity_race_ethnicity' as table_name,
        coalesce(cast(child.identity_id as varchar), '')
        || '|' || coalesce(cast(child.race_code as varchar), '') as record_key,
        'identity_id' as column_name,
        cast(child.identity_id as varchar) as value,
        'identity.identity_id' as references_column
    from {{ ref('stg_sis__identity_race_ethnicity') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.identity_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__identity') }} as parent
            where parent.identity_id = child.identity_id
        )
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(child.enrollment_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__enrollment') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(child.enrollment_id as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__enrollment') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(child.enrollment_id as varchar), '') as record_key,
        'structure_id' as column_name,
        cast(child.structure_id as varchar) as value,
        'schedule_structure.structure_id' as references_column
    from {{ ref('stg_sis__enrollment') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.structure_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__schedule_structure') }} as parent
            where parent.structure_id = child.structure_id
        )
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(child.enrollment_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__enrollment') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'attendance_group_ky' as table_name,
        coalesce(cast(child.attendance_group_id as varchar), '') as record_key,
        'enrollment_id' as column_name,
        cast(child.enrollment_id as varchar) as value,
        'enrollment.enrollment_id' as references_column
    from {{ ref('stg_sis__attendance_group_ky') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.enrollment_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__enrollment') }} as parent
            where parent.enrollment_id = child.enrollment_id
        )
    union all
    select
        'attendance_group_ky' as table_name,
        coalesce(cast(child.attendance_group_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__attendance_group_ky') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'employment' as table_name,
        coalesce(cast(child.employment_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__employment') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'employment' as table_name,
        coalesce(cast(child.employment_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__employment') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(child.assignment_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__employment_assignment') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(child.assignment_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__employment_assignment') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'employment_assignment' as table_name,
        coalesce(cast(child.assignment_id as varchar), '') as record_key,
        'school_id' as column_name,
        cast(child.school_id as varchar) as value,
        'school.school_id' as references_column
    from {{ ref('stg_sis__employment_assignment') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.school_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__school') }} as parent
            where parent.school_id = child.school_id
        )
    union all
    select
        'plan' as table_name,
        coalesce(cast(child.plan_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__plan') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'plan' as table_name,
        coalesce(cast(child.plan_id as varchar), '') as record_key,
        'type_id' as column_name,
        cast(child.type_id as varchar) as value,
        'plan_type.type_id' as references_column
    from {{ ref('stg_sis__plan') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.type_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__plan_type') }} as parent
            where parent.type_id = child.type_id
        )
    union all
    select
        'plan' as table_name,
        coalesce(cast(child.plan_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__plan') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'team_member' as table_name,
        coalesce(cast(child.team_member_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__team_member') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'team_member' as table_name,
        coalesce(cast(child.team_member_id as varchar), '') as record_key,
        'staff_person_id' as column_name,
        cast(child.staff_person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__team_member') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.staff_person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.staff_person_id
        )
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(child.special_ed_state_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__special_ed_state') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'special_ed_state' as table_name,
        coalesce(cast(child.special_ed_state_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__special_ed_state') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'section_504' as table_name,
        coalesce(cast(child.section504_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__section_504') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'section_504' as table_name,
        coalesce(cast(child.section504_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__section_504') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'lep' as table_name,
        coalesce(cast(child.lep_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__lep') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'lep' as table_name,
        coalesce(cast(child.lep_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__lep') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'lep_service' as table_name,
        coalesce(cast(child.lep_service_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__lep_service') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'lep_service' as table_name,
        coalesce(cast(child.lep_service_id as varchar), '') as record_key,
        'lep_service_type_id' as column_name,
        cast(child.lep_service_type_id as varchar) as value,
        'lep_service_type.lep_service_type_id' as references_column
    from {{ ref('stg_sis__lep_service') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.lep_service_type_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__lep_service_type') }} as parent
            where parent.lep_service_type_id = child.lep_service_type_id
        )
    union all
    select
        'lep_service' as table_name,
        coalesce(cast(child.lep_service_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__lep_service') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(child.lep_accommodation_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__lep_accommodation') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'lep_accommodation' as table_name,
        coalesce(cast(child.lep_accommodation_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__lep_accommodation') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'gifted' as table_name,
        coalesce(cast(child.gifted_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__gifted') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'gifted' as table_name,
        coalesce(cast(child.gifted_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__gifted') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'migrant' as table_name,
        coalesce(cast(child.migrant_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__migrant') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'migrant' as table_name,
        coalesce(cast(child.migrant_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__migrant') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(child.eligibility_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__pos_eligibility') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'pos_eligibility' as table_name,
        coalesce(cast(child.eligibility_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__pos_eligibility') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'homeless' as table_name,
        coalesce(cast(child.homeless_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__homeless') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'homeless' as table_name,
        coalesce(cast(child.homeless_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__homeless') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'foster_care' as table_name,
        coalesce(cast(child.foster_care_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__foster_care') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'military_connection' as table_name,
        coalesce(cast(child.military_connection_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__military_connection') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'military_connection' as table_name,
        coalesce(cast(child.military_connection_id as varchar), '') as record_key,
        'district_id' as column_name,
        cast(child.district_id as varchar) as value,
        'district.district_id' as references_column
    from {{ ref('stg_sis__military_connection') }} as child
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and child.district_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__district') }} as parent
            where parent.district_id = child.district_id
        )
    union all
    select
        'attendance_excuse' as table_name,
        coalesce(cast(child.excuse_id as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__attendance_excuse') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'attendance' as table_name,
        coalesce(cast(child.attendance_id as varchar), '') as record_key,
        'person_id' as column_name,
        cast(child.person_id as varchar) as value,
        'person.person_id' as references_column
    from {{ ref('stg_sis__attendance') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.person_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__person') }} as parent
            where parent.person_id = child.person_id
        )
    union all
    select
        'attendance' as table_name,
        coalesce(cast(child.attendance_id as varchar), '') as record_key,
        'calendar_id' as column_name,
        cast(child.calendar_id as varchar) as value,
        'calendar.calendar_id' as references_column
    from {{ ref('stg_sis__attendance') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.calendar_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__calendar') }} as parent
            where parent.calendar_id = child.calendar_id
        )
    union all
    select
        'attendance' as table_name,
        coalesce(cast(child.attendance_id as varchar), '') as record_key,
        'period_id' as column_name,
        cast(child.period_id as varchar) as value,
        'period.period_id' as references_column
    from {{ ref('stg_sis__attendance') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.period_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__period') }} as parent
            where parent.period_id = child.period_id
        )
    union all
    select
        'attendance' as table_name,
        coalesce(cast(child.attendance_id as varchar), '') as record_key,
        'excuse_id' as column_name,
        cast(child.excuse_id as varchar) as value,
        'attendance_excuse.excuse_id' as references_column
    from {{ ref('stg_sis__attendance') }} as child
    where
        '{{ var('state') }}' in ('ks')
        and child.excuse_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__attendance_excuse') }} as parent
            where parent.excuse_id = child.excuse_id
        )
    union all
    select
        'campus_dictionary' as table_name,
        coalesce(cast(child.attribute_id as varchar), '')
        || '|' || coalesce(cast(child.code as varchar), '') as record_key,
        'attribute_id' as column_name,
        cast(child.attribute_id as varchar) as value,
        'campus_attribute.attribute_id' as references_column
    from {{ ref('stg_sis__campus_dictionary') }} as child
    where
        '{{ var('state') }}' in ('ky')
        and child.attribute_id is not null
        and not exists (
            select 1 from {{ ref('stg_sis__campus_attribute') }} as parent
            where parent.attribute_id = child.attribute_id
        )
)

select * from orphans

-- KTS Data Exchange courses (KECS LEAD Appendix E; rule LEAD-DETAIL-KTS-EXCHANGE): one row per course.
with

courses as (
    select * from {{ ref('stg_sis__course') }}
),

calendars as (
    select * from {{ ref('stg_sis__calendar') }}
),

course_masters as (
    select * from {{ ref('stg_sis__course_master') }}
),

catalogs as (
    select * from {{ ref('stg_sis__course_catalog') }}
),

custom_courses as (
    select * from {{ ref('stg_sis__custom_course') }}
),

attributes as (
    select * from {{ ref('stg_sis__campus_attribute') }}
),

kts_tech_ids as (
    select
        custom_courses.course_id,
        max(custom_courses.value) as kts_tech_id
    from custom_courses
    inner join attributes
        on custom_courses.attribute_id = attributes.attribute_id
    where
        lower(attributes.object) = 'course'
        and lower(attributes.element) = 'ktstechid'
        and custom_courses.value is not null
    group by custom_courses.course_id
),

final as (
    select
        courses.course_id,
        catalogs.name as catalog_name,
        kts_tech_ids.kts_tech_id,
        -- '<yy-1>-<yy> KTS Course Catalog (HIGH SCHOOLS ONLY)' from the calendar's end year, e.g. '22-23 ...' for 2023.
        right(cast(calendars.end_year - 1 as varchar), 2) || '-' || right(cast(calendars.end_year as varchar), 2)
        || ' KTS Course Catalog (HIGH SCHOOLS ONLY)' as expected_catalog_name,
        coalesce(
            lower(trim(catalogs.name)) = lower(
                right(cast(calendars.end_year - 1 as varchar), 2) || '-' || right(cast(calendars.end_year as varchar), 2)
                || ' KTS Course Catalog (HIGH SCHOOLS ONLY)'
            )
            and kts_tech_ids.kts_tech_id is not null,
            false
        ) as is_kts_exchange
    from courses
    left join calendars
        on courses.calendar_id = calendars.calendar_id
    left join course_masters
        on courses.course_master_id = course_masters.course_master_id
    left join catalogs
        on course_masters.catalog_id = catalogs.catalog_id
    left join kts_tech_ids
        on courses.course_id = kts_tech_ids.course_id
)

select * from final

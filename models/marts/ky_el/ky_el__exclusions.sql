-- Every KY EL candidate that is not reported, with the rule that excluded it (CONTRIBUTING.md "Nothing is lost"):
-- Demographics: one row per excluded candidate student/district of int_ky_el__candidates (first failing rule);
-- Services: one row per excluded candidate unique service of int_ky_el__service_rows. A file the editor's Extract Type
-- did not select excludes all its candidates under EL-EDITOR-EXTRACT-TYPE. `detail` never names the student.
with

candidates as (
    select * from {{ ref('int_ky_el__candidates') }}
),

service_rows as (
    select * from {{ ref('int_ky_el__service_rows') }}
),

reporting_enrollments as not materialized (
    select * from {{ ref('int_ky_el__reporting_enrollments') }}
),

demographics as (
    select
        'EL_Extract_Demographics' as extract_name,
        cast(candidates.district_id as varchar) || '|' || cast(candidates.person_id as varchar) as record_key,
        candidates.person_id,
        cast(null as integer) as section_id,
        cast(null as integer) as staff_person_id,
        reporting_enrollments.school_id,
        {{ el_exclusion_rule_id('Demographics', 'candidates.demographics_rule_id') }} as rule_id,
        'district ' || cast(candidates.district_id as varchar)
        || '; EL records ' || cast(candidates.record_count as varchar)
        || ', qualifying ' || cast(candidates.qualifying_count as varchar)
        || '; qualifying enrollments ' || cast(candidates.qualifying_enrollment_count as varchar)
        || '; EL services in range ' || cast(candidates.service_in_range_count as varchar)
        || '; instructional accommodations in range ' || cast(candidates.instructional_accommodation_in_range_count as varchar)
        || '; home language ' || coalesce(candidates.home_primary_language, '(none)') as detail
    from candidates
    left join reporting_enrollments
        on
            candidates.person_id = reporting_enrollments.person_id
            and candidates.district_id = reporting_enrollments.district_id
    where {{ el_is_excluded('Demographics', 'candidates.demographics_rule_id') }}
),

services as (
    select
        'EL_Extract_Services' as extract_name,
        cast(service_rows.district_id as varchar) || '|' || cast(service_rows.person_id as varchar)
        || '|' || coalesce(service_rows.service_type_code, '') || '|' || coalesce(cast(service_rows.start_date as varchar), '')
            as record_key,
        service_rows.person_id,
        cast(null as integer) as section_id,
        cast(null as integer) as staff_person_id,
        reporting_enrollments.school_id,
        {{ el_exclusion_rule_id('Services', 'cast(service_rows.rule_id as varchar)') }} as rule_id,
        'EL service ' || coalesce(service_rows.service_type_code, '(no type)')
        || ' from ' || coalesce(cast(service_rows.start_date as varchar), '(no start)')
        || ' to ' || coalesce(cast(service_rows.assumed_end_date as varchar), '(open)') as detail
    from service_rows
    left join reporting_enrollments
        on
            service_rows.person_id = reporting_enrollments.person_id
            and service_rows.district_id = reporting_enrollments.district_id
    where {{ el_is_excluded('Services', 'service_rows.rule_id') }}
),

final as (
    select * from demographics
    union all
    select * from services
)

select * from final

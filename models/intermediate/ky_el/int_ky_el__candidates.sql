-- One row per candidate student and district of the KY EL Extract (specs/ky_el_extract.md §4, §6, §7) with every
-- population test and the verdict. Candidates: a student with an EL record who is enrolled in the district during the
-- date range, plus a student whose EL record is active in the range but who has no enrollment in the range (reported
-- under the district that created the record, so the ledger shows EL-P3).
-- Tests, in the order the first failing one names the exclusion: EL-EDITOR-DISTRICTS, EL-P1 (EL record active in the
-- range), EL-P4 (status EL, or Exited EL with exit date in range), EL-P3 (enrolled in the range), EL-EDITOR-CALENDARS,
-- EL-P9 (excluded calendar/grade/student), EL-P2 (state grade 00-12, 14), EL-EDITOR-GRADES, EL-P8-EXITED (seed 003:
-- withdrawn or inactive students are included if their EL record has status EL: every qualifying enrollment withdrawn or
-- inactive and the chosen record's status is not EL; var el_withdrawn_any_el_status true keeps them; EL-EDITOR-ADHOC-FILTER
-- comes before it: with the editor's ad hoc filter on, a student it does not list); then the critical errors
-- EL-W1 (no EL service overlapping the range; EL-P5), EL-W2 (no Instructional accommodation in range; EL-P6),
-- EL-W3 (Home Primary Language 0400 English; EL-P7) and the warning EL-W4 (1630 Other, still reported).
-- EL-P10/EL-P11: the grain is student and district, so District Edition (one district) gives one row per student.
-- Services and accommodations count when recorded by the candidate district or with no district (assumption).
-- Services extract: EL-W2/EL-W3 also apply unless var el_services_apply_w2_w3 is false (gap G12).
with

records as (
    select * from {{ ref('int_el__record_per_student') }}
),

enrollments as not materialized (
    select * from {{ ref('int_ky_el__enrollments') }}
),

services_in_range as (
    select * from {{ ref('int_el__services_in_range') }}
),

accommodations_in_range as (
    select * from {{ ref('int_el__accommodations_in_range') }}
),

identities as (
    select * from {{ ref('int_person__current_identity') }}
),

adhoc_students as (
    select distinct person_id from {{ ref('int_person__adhoc_filter') }}
    where person_id is not null
),

enrollment_funnel as (
    select
        person_id,
        district_id,
        count(*) as enrolled_count,
        sum(case when passes_editor_districts then 1 else 0 end) as after_districts_count,
        sum(case when passes_editor_districts and passes_editor_calendars then 1 else 0 end) as after_calendars_count,
        sum(
            case when passes_editor_districts and passes_editor_calendars and passes_state_exclude then 1 else 0 end
        ) as after_state_exclude_count,
        sum(
            case
                when passes_editor_districts and passes_editor_calendars and passes_state_exclude and passes_state_grade
                    then 1
                else 0
            end
        ) as after_state_grade_count,
        sum(
            case
                when
                    passes_editor_districts and passes_editor_calendars and passes_state_exclude and passes_state_grade
                    and passes_editor_grades
                    then 1
                else 0
            end
        ) as qualifying_enrollment_count,
        sum(
            case
                when
                    passes_editor_districts and passes_editor_calendars and passes_state_exclude and passes_state_grade
                    and passes_editor_grades and not coalesce(is_withdrawn_or_inactive, false)
                    then 1
                else 0
            end
        ) as current_qualifying_enrollment_count
    from enrollments
    group by person_id, district_id
),

persons_enrolled as (
    select distinct person_id from enrollments
),

candidate_pairs as (
    select
        records.*,
        coalesce(enrollment_funnel.enrolled_count, 0) as enrolled_count,
        coalesce(enrollment_funnel.after_districts_count, 0) as after_districts_count,
        coalesce(enrollment_funnel.after_calendars_count, 0) as after_calendars_count,
        coalesce(enrollment_funnel.after_state_exclude_count, 0) as after_state_exclude_count,
        coalesce(enrollment_funnel.after_state_grade_count, 0) as after_state_grade_count,
        coalesce(enrollment_funnel.qualifying_enrollment_count, 0) as qualifying_enrollment_count,
        coalesce(enrollment_funnel.current_qualifying_enrollment_count, 0) as current_qualifying_enrollment_count
    from records
    left join enrollment_funnel
        on
            records.person_id = enrollment_funnel.person_id
            and records.district_id = enrollment_funnel.district_id
    left join persons_enrolled
        on records.person_id = persons_enrolled.person_id
    where
        enrollment_funnel.person_id is not null
        or (
            persons_enrolled.person_id is null
            and records.active_in_range_count > 0
            and records.is_record_district
        )
),

service_counts as (
    select
        candidate_pairs.person_id,
        candidate_pairs.district_id,
        count(*) as service_count
    from candidate_pairs
    inner join services_in_range
        on
            candidate_pairs.person_id = services_in_range.person_id
            and coalesce(services_in_range.district_id, candidate_pairs.district_id) = candidate_pairs.district_id
    group by candidate_pairs.person_id, candidate_pairs.district_id
),

accommodation_counts as (
    select
        candidate_pairs.person_id,
        candidate_pairs.district_id,
        count(*) as accommodation_count
    from candidate_pairs
    inner join accommodations_in_range
        on
            candidate_pairs.person_id = accommodations_in_range.person_id
            and coalesce(accommodations_in_range.district_id, candidate_pairs.district_id) = candidate_pairs.district_id
    group by candidate_pairs.person_id, candidate_pairs.district_id
),

tested as (
    select
        candidate_pairs.person_id,
        candidate_pairs.district_id,
        candidate_pairs.lep_id,
        candidate_pairs.program_status,
        candidate_pairs.identified_date,
        candidate_pairs.exit_date,
        candidate_pairs.record_count,
        candidate_pairs.qualifying_count,
        candidate_pairs.qualifying_enrollment_count,
        coalesce(service_counts.service_count, 0) as service_in_range_count,
        coalesce(accommodation_counts.accommodation_count, 0) as instructional_accommodation_in_range_count,
        identities.home_primary_language,
        adhoc_students.person_id is not null as is_adhoc_listed,
        case
            {% if var('el_district_ids') | length > 0 -%}
                when candidate_pairs.district_id not in ({{ var('el_district_ids') | join(', ') }}) then 'EL-EDITOR-DISTRICTS'
            {% endif -%}
            when candidate_pairs.active_in_range_count = 0 then 'EL-P1'
            when candidate_pairs.qualifying_count = 0 then 'EL-P4'
            when candidate_pairs.enrolled_count = 0 then 'EL-P3'
            when candidate_pairs.after_districts_count = 0 then 'EL-EDITOR-DISTRICTS'
            when candidate_pairs.after_calendars_count = 0 then 'EL-EDITOR-CALENDARS'
            when candidate_pairs.after_state_exclude_count = 0 then 'EL-P9'
            when candidate_pairs.after_state_grade_count = 0 then 'EL-P2'
            when candidate_pairs.qualifying_enrollment_count = 0 then 'EL-EDITOR-GRADES'
            {% if adhoc_filter_active() -%}
                when adhoc_students.person_id is null then 'EL-EDITOR-ADHOC-FILTER'
            {% endif -%}
            {% if not var('el_withdrawn_any_el_status') -%}
                when
                    candidate_pairs.current_qualifying_enrollment_count = 0
                    and coalesce(candidate_pairs.program_status != '{{ var("el_program_status_el") }}', true)
                    then 'EL-P8-EXITED'
            {% endif -%}
        end as population_rule_id,
        coalesce(service_counts.service_count, 0) = 0 as is_w1_no_service,
        coalesce(accommodation_counts.accommodation_count, 0) = 0 as is_w2_no_accommodation,
        coalesce(identities.home_primary_language = '{{ var("el_home_language_english") }}', false)
            as is_w3_english,
        coalesce(identities.home_primary_language = '{{ var("el_home_language_other") }}', false)
            as is_w4_other_language
    from candidate_pairs
    left join service_counts
        on
            candidate_pairs.person_id = service_counts.person_id
            and candidate_pairs.district_id = service_counts.district_id
    left join accommodation_counts
        on
            candidate_pairs.person_id = accommodation_counts.person_id
            and candidate_pairs.district_id = accommodation_counts.district_id
    left join identities
        on candidate_pairs.person_id = identities.person_id
    left join adhoc_students
        on candidate_pairs.person_id = adhoc_students.person_id
),

final as (
    select
        *,
        population_rule_id is null as is_otherwise_qualified,
        coalesce(
            population_rule_id,
            case
                when is_w1_no_service then 'EL-W1'
                when is_w2_no_accommodation then 'EL-W2'
                when is_w3_english then 'EL-W3'
            end
        ) as demographics_rule_id,
        coalesce(
            population_rule_id,
            case
                when is_w1_no_service then 'EL-W1'
                {% if var('el_services_apply_w2_w3') -%}
                    when is_w2_no_accommodation then 'EL-W2'
                    when is_w3_english then 'EL-W3'
                {%- endif %}
            end
        ) as services_rule_id
    from tested
)

select
    *,
    demographics_rule_id is null as is_reported_demographics,
    services_rule_id is null as is_reported_services
from final

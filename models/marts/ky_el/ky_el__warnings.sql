-- KY EL Extract Warning and Errors Report (seed 003 "Warning and Errors Report"; specs/ky_el_extract.md §7): one row per
-- student and warning among the students who otherwise qualify (EL-P1..EL-P4, EL-P8..EL-P11 and the editor).
-- EL-W1, EL-W2, EL-W3 are Critical Errors (the student is NOT on the extract); a student is listed under every critical
-- error that applies. EL-W4 is a Warning, listed for students who are on the extract. W1's message carries its record count
-- (the vendor's header) and every row carries its warning's record count (number_of_records).
with

students as not materialized (
    select * from {{ ref('int_ky_el__students') }}
),

flagged as (
    select
        'EL-W1' as rule_id,
        'Critical Error' as severity,
        students.*
    from students
    where students.is_w1_no_service
    union all
    select
        'EL-W2' as rule_id,
        'Critical Error' as severity,
        students.*
    from students
    where students.is_w2_no_accommodation
    union all
    select
        'EL-W3' as rule_id,
        'Critical Error' as severity,
        students.*
    from students
    where students.is_w3_english
    union all
    select
        'EL-W4' as rule_id,
        'Warning' as severity,
        students.*
    from students
    where
        students.is_w4_other_language
        and (students.is_reported_demographics or students.is_reported_services)
),

counted as (
    select
        *,
        count(*) over (partition by rule_id) as rule_record_count
    from flagged
),

final as (
    select
        rule_id,
        severity,
        case rule_id
            when 'EL-W1'
                then
                    'Critical Error: The following records do not have a selection of at least one EL Service type which '
                    || 'overlaps the date range specified in the extract editor. These students will NOT be included in the '
                    || 'EL extract. (Number of Records: ' || cast(rule_record_count as varchar) || ')'
            when 'EL-W2'
                then
                    'Critical Error: The following records do not have an Instructional Accommodation which is valid during '
                    || 'the date range specified in the extract editor. These students will NOT be included on the EL extract.'
            when 'EL-W3'
                then
                    'Critical Error: The following records have a Home Primary Language selection of 0400: English. '
                    || 'These students will NOT be included on the EL extract.'
            when 'EL-W4' then
                'Warning: The following records have a Home Primary Language selection of 1630: Other. '
                || 'The students will be included on the EL extract.'
        end as message,
        rule_record_count as number_of_records,
        lea_number,
        district_name,
        state_school_number,
        school_name,
        state_id,
        last_name,
        first_name,
        state_grade,
        home_primary_language
    from counted
)

select * from final

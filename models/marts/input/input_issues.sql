-- Problems in the district's data that do not stop a run but that a data clerk should fix before submitting:
-- references to missing records, reversed date ranges, overlapping primary enrollments, calendars without
-- instructional days. Rule ids CORE-INPUT-*; reason and fix from the rule catalogue.
with

orphans as (
    select * from {{ ref('int_input__orphan_references') }}
),

reversed_ranges as (
    select * from {{ ref('int_input__reversed_date_ranges') }}
),

overlapping as (
    select * from {{ ref('int_input__overlapping_enrollments') }}
),

unknown_codes as (
    select * from {{ ref('int_input__unknown_codes') }}
),

empty_calendars as (
    select * from {{ ref('int_input__calendars_without_instruction') }}
),

implausible_dates as (
    select * from {{ ref('int_input__implausible_dates') }}
),

control_characters as (
    select * from {{ ref('int_input__control_characters') }}
),

code_widths as (
    select * from {{ ref('int_input__code_width') }}
),

adhoc_filter as (
    select * from {{ ref('int_person__adhoc_filter') }}
),

kecs_references as (
    select * from {{ ref('int_input__kecs_references') }}
),

catalogue as (
    select * from {{ ref('int_rules__catalogue') }}
),

issues as (
    select
        'CORE-INPUT-ORPHAN-REFERENCE' as rule_id,
        table_name,
        record_key,
        cast(null as bigint) as person_id,
        column_name || ' = ' || value || ' has no ' || references_column as detail
    from orphans
    union all
    select
        'CORE-INPUT-UNKNOWN-CODE' as rule_id,
        table_name,
        record_key,
        cast(null as bigint) as person_id,
        column_name || ' = ' || value || ' is not in the code list' as detail
    from unknown_codes
    union all
    select
        'CORE-INPUT-REVERSED-DATES' as rule_id,
        table_name,
        record_key,
        person_id,
        'end_date ' || cast(end_date as varchar) || ' is before start_date ' || cast(start_date as varchar) as detail
    from reversed_ranges
    union all
    select
        'CORE-INPUT-OVERLAPPING-ENROLLMENTS' as rule_id,
        'enrollment' as table_name,
        cast(enrollment_id as varchar) || '|' || cast(overlapping_enrollment_id as varchar) as record_key,
        person_id,
        'primary enrollments ' || cast(enrollment_id as varchar) || ' (' || cast(start_date as varchar) || ' to '
        || coalesce(cast(end_date as varchar), 'open') || ') and ' || cast(overlapping_enrollment_id as varchar)
        || ' (' || cast(overlapping_start_date as varchar) || ' to ' || coalesce(cast(overlapping_end_date as varchar), 'open')
        || ') overlap at school ' || cast(school_id as varchar) as detail
    from overlapping
    union all
    select
        'CORE-INPUT-CALENDAR-WITHOUT-INSTRUCTION' as rule_id,
        'calendar' as table_name,
        cast(calendar_id as varchar) as record_key,
        cast(null as bigint) as person_id,
        'calendar ' || cast(calendar_id as varchar) || ' (school ' || cast(school_id as varchar) || ', end year '
        || cast(end_year as varchar) || ') has no day marked instructional' as detail
    from empty_calendars
    union all
    select
        'CORE-INPUT-IMPLAUSIBLE-DATE' as rule_id,
        table_name,
        record_key,
        person_id,
        column_name || ' = ' || cast(value as varchar) || ' is before 1900 or after 2100' as detail
    from implausible_dates
    union all
    select
        'CORE-INPUT-CONTROL-CHARACTERS' as rule_id,
        table_name,
        record_key,
        person_id,
        -- never the value itself: the column may hold a name
        column_name || ' holds control characters (removed in every export)' as detail
    from control_characters
    union all
    select
        'CORE-INPUT-CODE-WIDTH' as rule_id,
        table_name,
        record_key,
        cast(null as bigint) as person_id,
        file || ': ' || unit || ' ' || cast(line as varchar) || ': column ''' || column_name || ''' = '''
        || value || ''' is ' || cast(length(value) as varchar) || ' digits; the code is text of '
        || cast(expected_width as varchar) || ' digits (e.g. ''' || lpad(value, expected_width, '0') || ''')' as detail
    from code_widths
    union all
    select
        'CORE-INPUT-ADHOC-UNKNOWN-STUDENT' as rule_id,
        'adhoc_students' as table_name,
        cast(line as varchar) as record_key,
        cast(null as bigint) as person_id,
        file || ': line ' || cast(line as varchar) || ': ' || listed_by || ' ' || listed_id
        || ' is not in the district''s person table' as detail
    from adhoc_filter
    where person_id is null
    union all
    select
        rule_id,
        table_name,
        record_key,
        cast(null as bigint) as person_id,
        detail
    from kecs_references
),

final as (
    {{ input_issue_columns() }}
)

select * from final

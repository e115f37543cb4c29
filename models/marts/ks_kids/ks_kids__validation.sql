-- Kansas KIDS pre-submission validation (KIDS_Validation): one row per problem KSDE's edits would find in a record of
-- the nine State Format files. Rules and sources in _ks_kids_validation__models.yml and the rule catalogue.
-- A table: the export, the review page, the run summary and the history each read it (as a view, 37 s a read at
-- 70,000 Kansas students).
{{ config(materialized='table') }}
with

records as not materialized (
    select * from {{ ref('ks_kids__validation_records') }}
),

field_checks as not materialized (
    select * from {{ ref('int_ks_kids__field_checks') }}
),

field_codes as (
    select * from {{ ref('int_ks_kids__field_codes') }}
),

catalogue as (
    select * from {{ ref('int_rules__catalogue') }}
),

windows as (
    select * from {{ ref('int_ks_kids__windows') }}
),

-- ENRL windows are per calendar; a record does not name its calendar, so the latest count date of the year is the
-- bound (an entry after it is after every calendar's count date).
enrl_count_date as (
    select max(count_date) as count_date
    from windows
    where extract_code = 'ENRL'
),

dated_records as (
    select
        records.*,
        {{ ks_kids_parse_date('records.school_entry_date') }} as school_entry_on,
        {{ ks_kids_parse_date('records.state_entry_date') }} as state_entry_on,
        {{ ks_kids_parse_date('records.exit_withdrawal_date') }} as exit_on
    from records
),

-- The field checks (required, form, code list) depend only on the record type, the field and the value, so each
-- distinct value of a checked field is checked once and only the failing values are looked up in the records again.
-- Checking every field of every record instead meant 74 million values at 700,000 students (91 s), each picked out
-- of the record by a 77-branch CASE and tested against a regular expression held in a column (compiled per value).
-- A field with no form check can fail only by being blank: its other values are not worth collecting (names, ids).
checked_columns as (
    select
        extract_code,
        column_name,
        bool_or(form_rule_id is not null) as has_form_check
    from field_checks
    group by extract_code, column_name
),

field_values as (
    {{- ks_kids_field_values('records', 'checked_columns') }}
),

checked_values as (
    select
        field_values.file_record_type,
        field_values.column_name,
        field_values.value,
        field_checks.field_id,
        field_checks.field_name,
        field_checks.is_required,
        field_checks.form_rule_id,
        field_checks.form_pattern,
        field_checks.form_code_list,
        field_checks.form_is_date,
        field_checks.form
    from field_values
    inner join field_checks
        on
            field_values.file_record_type = field_checks.extract_code
            and field_values.column_name = field_checks.column_name
),

required_failures as (
    select
        file_record_type,
        column_name,
        value,
        field_id,
        field_name,
        'KIDS-VAL-REQUIRED' as rule_id,
        field_id || ' ' || field_name || ' is blank; ' || file_record_type || ' requires it' as message
    from checked_values
    where is_required and value = ''
),

coded_values as (
    select
        checked_values.*,
        field_codes.code is not null as is_listed_code
    from checked_values
    left join field_codes
        on
            checked_values.form_code_list = field_codes.code_list
            and checked_values.field_id = field_codes.field_id
            and checked_values.value = field_codes.code
    where checked_values.form_rule_id is not null and checked_values.value <> ''
),

form_failures as (
    select
        file_record_type,
        column_name,
        value,
        field_id,
        field_name,
        form_rule_id as rule_id,
        field_id || ' ' || field_name || ' is not ' || form as message
    from coded_values
    where
        not {{ ks_kids_full_match('value', 'form_pattern') }}
        or (form_is_date and {{ ks_kids_parse_date('value') }} is null)
        or (form_code_list is not null and not is_listed_code)
),

failing_values as (
    select * from required_failures
    union all
    select * from form_failures
),

-- Every record holding a failing value, one row per record and failed check (as many as the value fails).
field_failures as (
    {{- ks_kids_field_failures('records', 'failing_values') }}
),

date_failures as (
    select
        {{ ks_kids_validation_identity() }},
        'D27' as field_id,
        'Exit Withdrawal Date' as field_name,
        exit_withdrawal_date as value,
        'KIDS-VAL-DATE-EXIT-BEFORE-ENTRY' as rule_id,
        'D27 exit date ' || exit_withdrawal_date || ' is before D18 school entry date ' || school_entry_date as message
    from dated_records
    where exit_on < school_entry_on
    union all
    select
        {{ ks_kids_validation_identity('dated_records') }},
        'D18' as field_id,
        'School Entry Date' as field_name,
        dated_records.school_entry_date as value,
        'KIDS-VAL-DATE-ENRL-AFTER-COUNT' as rule_id,
        'D18 school entry date ' || dated_records.school_entry_date || ' is after the ENRL count date '
        || {{ ks_kids_format_date('enrl_count_date.count_date') }} as message
    from dated_records
    cross join enrl_count_date
    where dated_records.file_record_type = 'ENRL' and dated_records.school_entry_on > enrl_count_date.count_date
    union all
    select
        {{ ks_kids_validation_identity() }},
        'D28' as field_id,
        'Exit Withdrawal Type' as field_name,
        exit_withdrawal_type as value,
        'KIDS-VAL-DATE-EXIT-NO-TYPE' as rule_id,
        'D27 exit date ' || exit_withdrawal_date || ' has no D28 exit/withdrawal type' as message
    from dated_records
    where file_record_type <> 'EXIT' and exit_withdrawal_date <> '' and coalesce(exit_withdrawal_type, '') = ''
    union all
    select
        {{ ks_kids_validation_identity() }},
        'D27' as field_id,
        'Exit Withdrawal Date' as field_name,
        exit_withdrawal_date as value,
        'KIDS-VAL-DATE-TYPE-NO-EXIT' as rule_id,
        'D28 exit/withdrawal type ' || exit_withdrawal_type || ' has no D27 exit date' as message
    from dated_records
    where exit_withdrawal_type <> '' and coalesce(exit_withdrawal_date, '') = ''
    union all
    select
        {{ ks_kids_validation_identity() }},
        'D20' as field_id,
        'State Entry Date' as field_name,
        state_entry_date as value,
        'KIDS-VAL-DATE-STATE-AFTER-SCHOOL' as rule_id,
        'D20 state entry date ' || state_entry_date || ' is after D18 school entry date ' || school_entry_date as message
    from dated_records
    where state_entry_on > school_entry_on
),

-- A student is their state id, or their local id when the record has none (ASGT of a new student).
keyed_records as (
    select
        records.*,
        case
            when coalesce(records.state_student_identifier, '') <> '' then 'D13:' || records.state_student_identifier
            else 'D11:' || coalesce(records.student_identifier, '')
        end as student_key
    from records
),

-- One record per student per calendar is the rule (IC-TEST, IC-SMSC, IC-EOYA), so a student in two schools' calendars
-- rightly has two records: a duplicate is the same student twice at one accountability school.
duplicate_students as (
    select
        file_record_type,
        student_key,
        accountability_school_identifier
    from keyed_records
    group by file_record_type, student_key, accountability_school_identifier
    having count(*) > 1
),

conflicting_state_ids as (
    select state_student_identifier
    from records
    where coalesce(state_student_identifier, '') <> ''
    group by state_student_identifier
    having
        count(distinct nullif(legal_last_name, '')) > 1
        or count(distinct nullif(legal_first_name, '')) > 1
        or count(distinct nullif(date_of_birth, '')) > 1
),

across_record_failures as (
    select
        {{ ks_kids_validation_identity('keyed_records') }},
        substr(keyed_records.student_key, 1, 3) as field_id,
        case
            when keyed_records.student_key like 'D13:%' then 'State Student Identifier' else 'Student Identifier'
        end as field_name,
        substr(keyed_records.student_key, 5) as value,
        'KIDS-VAL-DUPLICATE-STUDENT' as rule_id,
        'the student has more than one ' || keyed_records.file_record_type || ' record at school '
        || keyed_records.accountability_school_identifier as message
    from keyed_records
    inner join duplicate_students
        on
            keyed_records.file_record_type = duplicate_students.file_record_type
            and keyed_records.student_key = duplicate_students.student_key
            and keyed_records.accountability_school_identifier = duplicate_students.accountability_school_identifier
    union all
    select
        {{ ks_kids_validation_identity('records') }},
        'D13' as field_id,
        'State Student Identifier' as field_name,
        records.state_student_identifier as value,
        'KIDS-VAL-STATE-ID-CONFLICT' as rule_id,
        'state id ' || records.state_student_identifier
        || ' is on records whose legal name or birth date differ (see the review page)' as message
    from records
    inner join conflicting_state_ids
        on records.state_student_identifier = conflicting_state_ids.state_student_identifier
    union all
    select
        {{ ks_kids_validation_identity() }},
        'D28' as field_id,
        'Exit Withdrawal Type' as field_name,
        coalesce(exit_withdrawal_type, '') as value,
        'KIDS-VAL-EXIT-NO-TYPE' as rule_id,
        'EXIT record without D28 exit/withdrawal type' as message
    from records
    where file_record_type = 'EXIT' and coalesce(exit_withdrawal_type, '') = ''
),

failures as (
    select * from field_failures
    union all
    select * from date_failures
    union all
    select * from across_record_failures
),

final as (
    select
        failures.file_record_type as record_type,
        failures.state_student_identifier,
        failures.student_identifier,
        failures.accountability_school_identifier,
        failures.field_id,
        failures.field_name,
        failures.value,
        failures.rule_id,
        case when catalogue.severity = 'critical' then 'error' else 'warning' end as severity,
        failures.message,
        catalogue.how_to_fix
    from failures
    left join catalogue
        on failures.rule_id = catalogue.rule_id
)

select * from final

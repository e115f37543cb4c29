{#- The program indicators of KECS LEAD Detail (models/intermediate/program, seed 002) share one reading of "the
    enrollment has a record of the program": the record is the enrollment's person's (and, for district-owned records,
    from the enrollment's district: a record without district never matches), and meets the program's own test. These
    macros are that reading, so a program model states only its own test. -#}

{#- How a program record is tied to an enrollment: 'person_and_district' (the seed's "same district"), 'person'
    (state-created records: Foster Care, Migrant, plans) or 'enrollment' (records of the enrollment itself). -#}
{% macro program_record_matches(record, match, enrollments='enrollments') -%}
    {%- if match == 'enrollment' -%}
        {{ enrollments }}.enrollment_id = {{ record }}.enrollment_id
    {%- else -%}
        {{ enrollments }}.person_id = {{ record }}.person_id
        {%- if match == 'person_and_district' %}
            and {{ enrollments }}.district_id = {{ record }}.district_id
        {%- elif match != 'person' -%}
            {{ exceptions.raise_compiler_error("program_record_matches: unknown match '" ~ match ~ "'") }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The enrollments (enrollment_id, once each) with at least one matching record: the select ... from ... join of a
    qualifying CTE, followed in the model by its where clause, the program's own test. -#}
{% macro enrollments_with_program_record(record, match='person_and_district', enrollments='enrollments') -%}
    select distinct {{ enrollments }}.enrollment_id
    from {{ enrollments }}
    inner join {{ record }}
        on {{ program_record_matches(record, match, enrollments) }}
{%- endmacro %}

{#- An indicator is false, never NULL, for an enrollment without a qualifying record, and every enrollment keeps its
    one row (int_program__enrollment_flags joins them all on enrollment_id). -#}
{% macro program_flag(flag_column, qualifying='qualifying', enrollments='enrollments') -%}
    select
        {{ enrollments }}.enrollment_id,
        {{ qualifying }}.enrollment_id is not null as {{ flag_column }}
    from {{ enrollments }}
    left join {{ qualifying }}
        on {{ enrollments }}.enrollment_id = {{ qualifying }}.enrollment_id
{%- endmacro %}

{#- LEAD-DETAIL-EFFECTIVE-END-DATE's window: a program record overlaps the enrollment when it starts on or before the
    enrollment's effective end (an unknown start counts as not started) and ends on or after the enrollment start, or
    strictly after it where the seed says "after" (English Learner), or has no end. -#}
{% macro overlaps_enrollment(record, start='start_date', end='end_date', ends_after_start=false, enrollments='enrollments') -%}
    {{ window_overlaps(
        record ~ '.' ~ start, record ~ '.' ~ end, enrollments ~ '.start_date', enrollments ~ '.effective_end_date',
        unknown_start_counts=false, end_on_range_start_counts=not ends_after_start
    ) }}
{%- endmacro %}

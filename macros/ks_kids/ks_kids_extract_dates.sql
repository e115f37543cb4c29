{#- Kansas KIDS data-field dates (KIDS-DATE-FORMAT). The form is var('kids_date_format'): MMDDYYYY by default, as
    issue 19 states KSDE's layout, or MM/DD/YYYY (KITE's display form). The spec leaves it open (ks_kids_extracts.md
    10 gap 9, the KIDS file specification was not retrievable); both the writer and KIDS-VAL-FORM-DATE read this one
    definition, so the file and its check never disagree. Null stays null so the field default applies. -#}
{% macro ks_kids_date_form() -%}
    {%- set forms = {
        'MMDDYYYY': {'strftime': '%m%d%Y', 'shape': '[0-9]{8}', 'year': 5, 'month': 1, 'day': 3,
                     'pattern': '(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}'},
        'MM/DD/YYYY': {'strftime': '%m/%d/%Y', 'shape': '[0-9]{2}/[0-9]{2}/[0-9]{4}', 'year': 7, 'month': 1, 'day': 4,
                       'pattern': '(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}'}
    } -%}
    {%- set chosen = var('kids_date_format') -%}
    {%- if chosen not in forms -%}
        {{ exceptions.raise_compiler_error("kids_date_format must be MMDDYYYY or MM/DD/YYYY, not " ~ chosen) }}
    {%- endif -%}
    {{ return(dict(forms[chosen], label=chosen)) }}
{%- endmacro %}

{% macro ks_kids_format_date(date_expr) -%}
    {{ format_date_as(date_expr, ks_kids_date_form()['strftime']) }}
{%- endmacro %}

{#- A calendar date from a year expression and a fixed month/day (Sept 20, Feb 20, Dec 1, ...). -#}
{% macro ks_kids_month_day(year_expr, month, day) -%}
    {{ return(adapter.dispatch('ks_kids_month_day', 'statereport')(year_expr, month, day)) }}
{%- endmacro %}

{% macro default__ks_kids_month_day(year_expr, month, day) -%}
    make_date(cast({{ year_expr }} as integer), {{ month }}, {{ day }})
{%- endmacro %}

{#- A var holding a 'YYYY-MM-DD' string or null, as a SQL date expression. -#}
{% macro ks_kids_date_var(var_name) -%}
    {%- set value = var(var_name, none) -%}
    {%- if value is none or value == '' -%}
        cast(null as date)
    {%- else -%}
        cast('{{ value }}' as date)
    {%- endif -%}
{%- endmacro %}

{#- A program record (eligibility, disability, gifted, 504, homeless, military, EL) belongs to the candidate record:
    the same student and the candidate's district, or no district. Written once for int_ks_kids__records. -#}
{% macro ks_kids_same_student_and_district(record, candidate='candidates') -%}
    {{ candidate }}.person_id = {{ record }}.person_id
    and ({{ record }}.district_id is null or {{ candidate }}.district_id = {{ record }}.district_id)
{%- endmacro %}

{#- The program record's dates overlap the candidate's window (From-To); an open start or end always does. -#}
{% macro ks_kids_overlaps_window(record, candidate='candidates') -%}
    {{ window_overlaps(record ~ '.start_date', record ~ '.end_date', candidate ~ '.from_date', candidate ~ '.to_date') }}
{%- endmacro %}

{#- One program record per candidate (KIDS D34 lunch, D35 disability, D38 homeless, D53 military): the candidate's program
    records of the same student and district (or none) that overlap its window, ranked latest start first (an unknown
    start last), then highest record id; record_rank = 1 is the one the field reads. `also`: the field's own extra
    join condition. -#}
{% macro ks_kids_latest_record_in_window(records, record_id, columns, also=none) -%}
    select
        candidates.extract_code,
        candidates.enrollment_id,
        {%- for column in columns %}
        {{ records }}.{{ column }},
        {%- endfor %}
        row_number() over (
            partition by candidates.extract_code, candidates.enrollment_id
            order by {{ records }}.start_date desc nulls last, {{ records }}.{{ record_id }} desc
        ) as record_rank
    from candidates
    inner join {{ records }}
        on
            {{ ks_kids_same_student_and_district(records) }}
            and {{ ks_kids_overlaps_window(records) }}
            {%- if also %}
            and {{ also }}
            {%- endif %}
{%- endmacro %}

-- One row per student and reporting district (every district the student has an enrollment in, or that created one of the
-- student's EL records) with the one EL record the extract reports (specs/ky_el_extract.md §5, rule EL-RECORD-CHOICE):
--   qualifying records = active in the date range (EL-P1: identified date <= range end, exit date NULL or >= range start)
--   with Program Status 'EL', or 'Exited EL' with the exit date inside the range (EL-P4; status values vars, gap G1);
--   the current record wins when it qualifies and was created in the reporting district; otherwise the latest end (exit)
--   date, an open end counting as latest; then the latest start (identified) date; then the highest lep_id.
-- "Current" (gap G10) = var el_current_record_rule. Records of any district count (IC EL records belong to the person).
with

lep_records as (
    select * from {{ ref('stg_sis__lep') }}
),

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

reporting_districts as (
    select distinct
        person_id,
        district_id
    from enrollments
    where district_id is not null
    union
    select distinct
        person_id,
        district_id
    from lep_records
    where district_id is not null
),

current_ranked as (
    select
        lep_records.*,
        row_number() over (
            partition by lep_records.person_id
            order by
                {% if var('el_current_record_rule') == 'open_record' -%}
                    case when lep_records.exit_date is null then 0 else 1 end,
                {% endif -%}
                lep_records.identified_date desc nulls last,
                lep_records.lep_id desc
        ) as current_rank
    from lep_records
),

classified as (
    select
        lep_id,
        person_id,
        district_id as record_district_id,
        program_status,
        identified_date,
        exit_date,
        {% if var('el_current_record_rule') == 'open_record' -%}
            (current_rank = 1 and exit_date is null) as is_current,
        {%- else -%}
            (current_rank = 1) as is_current,
        {%- endif %}
        {{ window_overlaps('identified_date', 'exit_date', editor_range_start('el'), editor_range_end('el')) }} as is_active_in_range,
        (
            program_status = '{{ var("el_program_status_el") }}'
            or (
                program_status = '{{ var("el_program_status_exited") }}'
                and exit_date between {{ editor_range_start('el') }} and {{ editor_range_end('el') }}
            )
        ) as has_reported_status
    from current_ranked
),

candidate_records as (
    select
        reporting_districts.district_id,
        classified.*,
        (classified.is_active_in_range and coalesce(classified.has_reported_status, false)) as is_qualifying
    from reporting_districts
    inner join classified
        on reporting_districts.person_id = classified.person_id
),

ranked as (
    select
        *,
        row_number() over (
            partition by person_id, district_id
            order by
                case when is_qualifying then 0 else 1 end,
                case when is_current and record_district_id = district_id then 0 else 1 end,
                exit_date desc nulls first,
                identified_date desc nulls last,
                lep_id desc
        ) as choice_rank,
        count(*) over (partition by person_id, district_id) as record_count,
        sum(case when is_active_in_range then 1 else 0 end) over (partition by person_id, district_id) as active_in_range_count,
        sum(case when is_qualifying then 1 else 0 end) over (partition by person_id, district_id) as qualifying_count,
        max(case when record_district_id = district_id then 1 else 0 end) over (partition by person_id, district_id)
            as district_record_count
    from candidate_records
),

final as (
    select
        person_id,
        district_id,
        record_count,
        active_in_range_count,
        qualifying_count,
        (district_record_count > 0) as is_record_district,
        case when is_qualifying then lep_id end as lep_id,
        case when is_qualifying then record_district_id end as record_district_id,
        case when is_qualifying then is_current end as is_current,
        case when is_qualifying then program_status end as program_status,
        case when is_qualifying then identified_date end as identified_date,
        case when is_qualifying then exit_date end as exit_date
    from ranked
    where choice_rank = 1
)

select * from final

-- KY EL Extract, Services layout (seed 003; specs/ky_el_extract.md §9): one row per student and unique EL service
-- received during the date range (int_ky_el__service_rows, rule EL-SVC-EL-SERVICE), columns in the layout's order.
-- Dates print MM/DD/YYYY. A service with no end date prints blank unless var el_service_end_date_when_null = 'assumed' (G11).
with

students as (
    select * from {{ ref('int_ky_el__students') }}
),

service_rows as (
    select * from {{ ref('int_ky_el__service_rows') }}
),

final as (
    select
        {{ el_student_columns() }},
        students.state_grade,
        {{ format_mdy('students.enrollment_start_date') }} as enrollment_start_date,
        {{ format_mdy('students.enrollment_end_date') }} as enrollment_end_date,
        {{ el_code_and_name('service_rows.service_type_code', 'service_rows.service_type_name') }} as el_service,
        {{ format_mdy('service_rows.start_date') }} as el_service_start_date,
        {% if var('el_service_end_date_when_null') == 'assumed' -%}
            {{ format_mdy('service_rows.assumed_end_date') }}
        {%- else -%}
            {{ format_mdy('service_rows.end_date') }}
        {%- endif %} as el_service_end_date,
        students.program_status as el_program_status,
        {{ format_mdy('students.program_exit_date') }} as program_exit_date
    from service_rows
    inner join students
        on
            service_rows.person_id = students.person_id
            and service_rows.district_id = students.district_id
    where
        service_rows.rule_id is null
        and {{ el_extract_type_selected('Services') }}
)

select * from final

-- CORE-INPUT-CODE-WIDTH: codes of the wrong width the loader found (grade '2' for '02', a five-digit state course
-- code). The value itself flows on unchanged, so the extract's own rule (e.g. LEAD Warning 8) reports it too.
with

code_issues as (
    select * from {{ source('loader', 'load_code_issues') }}
),

final as (
    select
        table_name,
        cast(line as varchar) as record_key,
        file,
        line,
        unit,
        column_name,
        value,
        expected_width
    from code_issues
)

select * from final

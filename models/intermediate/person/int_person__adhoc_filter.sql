-- CORE-ADHOC-FILTER: the editors' ad hoc filter (seed 004 Report Logic: students report "if they are also included in
-- any Ad hoc filter or grade selected on the editor"; the KECS LEAD and KY EL editors have the same field). One row per
-- line of the --students file, with the person it names: by person id, or by state id (every person holding that state
-- id). person_id is null when the id is not in the district's data (an input issue, CORE-INPUT-ADHOC-UNKNOWN-STUDENT).
-- Each extract's population reads this model, and only while var adhoc_students_filter is on
-- (macro adhoc_filter_active): LEAD-DETAIL-POP-ADHOC-FILTER, EL-EDITOR-ADHOC-FILTER, KIDS-<TYPE>-ADHOC-FILTER.
with

listed as (
    select * from {{ source('loader', 'adhoc_students') }}
),

persons as (
    select * from {{ ref('stg_sis__person') }}
),

-- two equality joins, not one join on "person id or state id": the person table is statewide
matched as (
    select
        listed.line,
        persons.person_id
    from listed
    inner join persons
        on listed.person_id = persons.person_id
    union all
    select
        listed.line,
        persons.person_id
    from listed
    inner join persons
        on listed.state_id = persons.state_id
),

final as (
    select
        listed.file,
        listed.line,
        coalesce(cast(listed.person_id as varchar), listed.state_id) as listed_id,
        case when listed.person_id is not null then 'person_id' else 'state_id' end as listed_by,
        matched.person_id
    from listed
    left join matched
        on listed.line = matched.line
)

select * from final

-- The KECS LEAD state grades in their order, one row per grade (LEAD-DETAIL-GRADE-SPAN, LEAD-DETAIL-GIFTED and the
-- forecast's grade spans join it). Built from var lead_state_grades, the same list the per-grade count columns are
-- spelled from, so the order and the columns cannot drift apart.
with

grade_list as (
    select
        grades.state_grade,
        grades.grade_sort
    from (
        values
        {%- for grade in lead_state_grades() %}
            ('{{ grade }}', {{ loop.index }}){{ ',' if not loop.last }}
        {%- endfor %}
    ) as grades (state_grade, grade_sort)
),

final as (
    select
        cast(state_grade as varchar) as state_grade,
        cast(grade_sort as integer) as grade_sort
    from grade_list
)

select * from final

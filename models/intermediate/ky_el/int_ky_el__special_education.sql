-- One row per student with an active locked IEP on the KY EL snapshot date (rule EL-DEMO-ACTIVE-SPECIAL-EDUCATION):
-- Dec 1 of the reporting year, i.e. Dec 1 of End Year - 1 (gap G13; var el_special_ed_snapshot_date overrides);
-- when that date is a Saturday or Sunday, the Friday before (Nov 30 / Nov 29). Active = plan start <= date and plan end
-- NULL or >= date; locked KY IEPs come from int_iep__locked_plans (module 'specialed', locked).
with

locked_plans as (
    select * from {{ ref('int_iep__locked_plans') }}
),

{%- if var('el_special_ed_snapshot_date') %}
    {%- set snapshot = "cast('" ~ var('el_special_ed_snapshot_date') ~ "' as date)" %}
{%- else %}
    {%- set snapshot = "cast('" ~ (editor_end_year('el') - 1) ~ "-12-01' as date)" %}
{%- endif %}

snapshot_date as (
    select
        case {{ el_day_of_week(snapshot) }}
            when 6 then {{ dbt.dateadd('day', -1, snapshot) }}
            when 0 then {{ dbt.dateadd('day', -2, snapshot) }}
            else {{ snapshot }}
        end as snapshot_date
),

final as (
    select
        locked_plans.person_id,
        max(snapshot_date.snapshot_date) as snapshot_date,
        count(*) as active_locked_iep_count
    from locked_plans
    cross join snapshot_date
    where
        locked_plans.start_date <= snapshot_date.snapshot_date
        and (locked_plans.end_date is null or locked_plans.end_date >= snapshot_date.snapshot_date)
    group by locked_plans.person_id
)

select * from final

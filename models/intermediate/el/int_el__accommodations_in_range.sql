-- Instructional EL accommodations whose span (start to assumed end) overlaps the EL editor date range (rule EL-P6;
-- non-instructional accommodations are ignored).
with

accommodations as (
    select * from {{ ref('int_el__accommodations') }}
),

final as (
    select *
    from accommodations
    where
        is_instructional
        and {{ window_overlaps('start_date', 'assumed_end_date', editor_range_start('el'), editor_range_end('el')) }}
)

select * from final

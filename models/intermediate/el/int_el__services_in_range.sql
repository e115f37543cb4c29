-- EL services whose span (start to assumed end) overlaps the EL editor date range (rule EL-P5; el_start_date/el_end_date).
with

services as (
    select * from {{ ref('int_el__services') }}
),

final as (
    select *
    from services
    where {{ window_overlaps('start_date', 'assumed_end_date', editor_range_start('el'), editor_range_end('el')) }}
)

select * from final

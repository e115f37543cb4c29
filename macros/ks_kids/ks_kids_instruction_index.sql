{#- KIDS instructional-day index (int_ks_kids__membership_spans and its readers): for each probe (calendar_id,
    structure_id, probe_date) of the relation `probes`, days_through = the number of instructional days of that
    calendar and structure on or before probe_date, counted from `days` (the day model: calendar_id, structure_id,
    date, instruction; a date counted once). The instructional days in [a, b] are then
    days_through(b) - days_through(a - 1), without expanding a date range to its days: one running count over the
    days and the probes (portable SQL). -#}
{% macro ks_kids_instruction_index(probes, days) -%}
    select
        calendar_id,
        structure_id,
        probe_date,
        days_through
    from (
        select
            calendar_id,
            structure_id,
            probe_date,
            is_probe,
            sum(1 - is_probe) over (
                partition by calendar_id, structure_id
                order by probe_date, is_probe
                rows between unbounded preceding and current row
            ) as days_through
        from (
            select distinct
                calendar_id,
                structure_id,
                date as probe_date,
                0 as is_probe
            from {{ days }}
            where instruction
            union all
            select distinct
                calendar_id,
                structure_id,
                probe_date,
                1 as is_probe
            from {{ probes }}
            where probe_date is not null
        ) as points
    ) as running
    where is_probe = 1
{%- endmacro %}


{#- Instructional days shared by two ranges given by their index bounds (days before the start, days through the
    end; see ks_kids_instruction_index): days_through(min(ends)) - days_through(max(starts) - 1). Zero or less = none.
    Written with case, not least/greatest, so a null bound gives null (no days) as a date comparison would. -#}
{% macro ks_kids_days_in_both(before_a, through_a, before_b, through_b) -%}
    (case when {{ through_a }} < {{ through_b }} then {{ through_a }} else {{ through_b }} end)
    - (case when {{ before_a }} > {{ before_b }} then {{ before_a }} else {{ before_b }} end)
{%- endmacro %}

{#- Reading an instruction index: the row of index `index` for `row`'s calendar and structure at `date` (a date the
    model put among the probes), or with day_before=true at the day before it (the days_through(a - 1) of a range
    starting at a). ks_kids_day_before is that day, for the probes and the lookups alike, so the two always meet. -#}
{% macro ks_kids_index_at(index, row, date, day_before=false) -%}
    {{ row }}.calendar_id = {{ index }}.calendar_id
    and {{ row }}.structure_id = {{ index }}.structure_id
    and {{ ks_kids_day_before(date) if day_before else date }} = {{ index }}.probe_date
{%- endmacro %}

{% macro ks_kids_day_before(date) -%}
    cast({{ dbt.dateadd('day', -1, date) }} as date)
{%- endmacro %}

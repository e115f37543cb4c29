{#- A student's sections in the active trial (KIDS-D23-ATTENDED: the periods a student is scheduled in;
    KIDS-D59-GROUPING-ROSTER: the student's sections on the reference date): a roster row counts in its section only
    when both name the same trial and that trial is the active one (a schedule's other trials are drafts). With
    `calendar_id` (an expression), only the active trial of that calendar: the enrollment's. The two inner joins that
    follow `from <rosters>`, written once for every model that reads a student's schedule. -#}
{% macro ks_kids_sections_in_active_trial(rosters='rosters', sections='sections', trials='trials', calendar_id=none) -%}
    inner join {{ sections }}
        on
            {{ rosters }}.section_id = {{ sections }}.section_id
            and {{ rosters }}.trial_id = {{ sections }}.trial_id
    inner join {{ trials }}
        on
            {{ sections }}.trial_id = {{ trials }}.trial_id
            and {{ trials }}.active
            {%- if calendar_id is not none %}
            and {{ calendar_id }} = {{ trials }}.calendar_id
            {%- endif %}
{%- endmacro %}

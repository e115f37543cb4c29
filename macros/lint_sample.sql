{#- What a generator macro renders under sqlfluff (the dbt target `lint`, .sqlfluff): only its first item. sqlfluff
    ignores every finding inside a macro's output (ignore_templated_areas), so rendering every contract table or KIDS
    column there changed no finding and was a third of the lint's CPU (the nine KIDS marts and five input checks,
    about 55 of 155 s). Only for loops inside macros: a loop written in a model's own text is linted at every
    iteration, so it always renders them all. Builds (every other target) get `items` unchanged. -#}
{% macro lint_sample(items) -%}
    {%- if target.name != 'lint' -%}
        {{ return(items) }}
    {%- elif items is mapping -%}
        {%- set sample = {} -%}
        {%- for key in (items | list)[:1] -%}
            {%- do sample.update({key: items[key]}) -%}
        {%- endfor -%}
        {{ return(sample) }}
    {%- else -%}
        {{ return((items | list)[:1]) }}
    {%- endif -%}
{%- endmacro %}

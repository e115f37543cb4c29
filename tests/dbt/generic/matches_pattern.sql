{#- Fails with every value that does not match the code's documented format (a lost leading zero, a stray letter). -#}
{% test matches_pattern(model, column_name, pattern) %}
    select {{ column_name }} as bad_value
    from {{ model }}
    where {{ column_name }} is not null
      and not regexp_full_match({{ column_name }}, '{{ pattern }}')
{% endtest %}

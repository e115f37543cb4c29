{#- The input-issue worklist's columns, shared by input_issues and ks_kids__input_issues: each issue (rule_id,
    table_name, record_key, person_id, detail) with the rule catalogue's severity, reason and fix. `issues` and
    `catalogue` are the CTE names of the calling model. -#}
{% macro input_issue_columns(issues='issues', catalogue='catalogue') %}
    select
        {{ issues }}.rule_id,
        {{ catalogue }}.severity,
        {{ issues }}.table_name,
        {{ issues }}.record_key,
        {{ issues }}.person_id,
        {{ issues }}.detail,
        {{ catalogue }}.description as reason,
        {{ catalogue }}.how_to_fix
    from {{ issues }}
    left join {{ catalogue }} on {{ issues }}.rule_id = {{ catalogue }}.rule_id
{% endmacro %}

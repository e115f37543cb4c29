-- The KIDS validation's field checks (ks_kids__validation), one row per record type and field the type collects
-- that is required (seed ks_kids__field_requirements) or has a form (seed ks_kids__field_forms). A requirement of a
-- field the field matrix says the type does not collect is ignored: the mart always writes such a field blank.
with

fields as (
    select * from {{ ref('ks_kids__fields') }}
),

field_matrix as (
    select * from {{ ref('ks_kids__field_matrix') }}
),

requirements as (
    select * from {{ ref('ks_kids__field_requirements') }}
),

forms as (
    select * from {{ ref('ks_kids__field_forms') }}
),

collected as (
    select
        field_matrix.extract_code,
        fields.field_id,
        fields.field_number,
        fields.column_name,
        fields.ic_field_name as field_name
    from field_matrix
    inner join fields
        on field_matrix.field_id = fields.field_id
    where field_matrix.collected
),

final as (
    select
        collected.extract_code,
        collected.field_id,
        collected.field_number,
        collected.column_name,
        collected.field_name,
        coalesce(requirements.required, false) as is_required,
        forms.rule_id as form_rule_id,
        -- a date's pattern and form follow var('kids_date_format'), the form the files are written in
        case
            when forms.is_date then {{ ks_kids_date_pattern() }} else forms.pattern
        end as form_pattern,
        forms.code_list as form_code_list,
        coalesce(forms.is_date, false) as form_is_date,
        case
            when forms.is_date then 'a real date {{ ks_kids_date_form()["label"] }}' else forms.form
        end as form
    from collected
    left join requirements
        on
            collected.field_id = requirements.field_id
            and collected.extract_code = requirements.extract_code
    left join forms
        on collected.field_id = forms.field_id
    where coalesce(requirements.required, false) or forms.rule_id is not null
)

select * from final

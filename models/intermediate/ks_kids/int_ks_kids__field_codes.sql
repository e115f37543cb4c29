-- Every code list the KIDS validation's form checks read (ks_kids__field_forms.code_list), one row per list and code:
-- the district-editable grade map and exit types are read here, so a code a district adds there is valid here too.
with

field_codes as (
    select * from {{ ref('ks_kids__field_codes') }}
),

grade_codes as (
    select * from {{ ref('ks_kids__grade_codes') }}
),

exit_types as (
    select * from {{ ref('ks_kids__exit_withdrawal_types') }}
),

unioned as (
    select
        'field_codes' as code_list,
        field_id,
        code
    from field_codes
    union
    select
        'grade_codes' as code_list,
        'D10' as field_id,
        kids_grade_code as code
    from grade_codes
    union
    select
        'exit_withdrawal_types' as code_list,
        'D28' as field_id,
        kids_exit_withdrawal_type as code
    from exit_types
    where reportable and kids_exit_withdrawal_type is not null
)

select * from unioned

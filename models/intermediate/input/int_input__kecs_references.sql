-- Rows of the optional KECS files the forecast cannot use: an EPSB ID that no District Employment License Number of
-- the district holds (CORE-INPUT-KECS-UNKNOWN-EPSB; a typo here would silently make an educator 'Not checked'), and a
-- credential permission grade that is neither a KECS label (seed ky_lead__kecs_grade_labels) nor a state grade code
-- (CORE-INPUT-KECS-GRADE-LABEL). Reported as input issues; the rows stay in the tables.
with

employment as (
    select * from {{ ref('stg_sis__employment') }}
),

permissions as (
    select * from {{ ref('stg_sis__kecs_credential_permission') }}
),

experience as (
    select * from {{ ref('stg_sis__kecs_educator_experience') }}
),

job_classes as (
    select * from {{ ref('stg_sis__eerp_job_class') }}
),

grade_labels as (
    select * from {{ ref('ky_lead__kecs_grade_labels') }}
),

grade_order as (
    select * from {{ ref('int_calendar__kecs_grade_order') }}
),

known_epsb_ids as (
    select distinct license_number as epsb_id
    from employment
    where license_number is not null
),

kecs_epsb_ids as (
    select
        'kecs_credential_permission' as table_name,
        epsb_id,
        epsb_id || '|' || content || '|' || job_function || '|' || population || '|' || low_grade || '|' || high_grade
            as record_key
    from permissions
    union all
    select
        'kecs_educator_experience' as table_name,
        epsb_id,
        epsb_id as record_key
    from experience
    union all
    select
        'eerp_job_class' as table_name,
        epsb_id,
        epsb_id || '|' || job_class_code as record_key
    from job_classes
),

unknown_epsb_ids as (
    select
        'CORE-INPUT-KECS-UNKNOWN-EPSB' as rule_id,
        kecs_epsb_ids.table_name,
        kecs_epsb_ids.record_key,
        'epsb_id = ' || kecs_epsb_ids.epsb_id || ' is not the License Number of any District Employment record' as detail
    from kecs_epsb_ids
    left join known_epsb_ids on kecs_epsb_ids.epsb_id = known_epsb_ids.epsb_id
    where known_epsb_ids.epsb_id is null
),

permission_grades as (
    select
        epsb_id || '|' || content || '|' || job_function || '|' || population || '|' || low_grade || '|' || high_grade
            as record_key,
        'low_grade' as column_name,
        low_grade as grade
    from permissions
    union all
    select
        epsb_id || '|' || content || '|' || job_function || '|' || population || '|' || low_grade || '|' || high_grade
            as record_key,
        'high_grade' as column_name,
        high_grade as grade
    from permissions
),

unknown_grades as (
    select
        'CORE-INPUT-KECS-GRADE-LABEL' as rule_id,
        'kecs_credential_permission' as table_name,
        permission_grades.record_key,
        permission_grades.column_name || ' = ''' || permission_grades.grade
        || ''' is neither a KECS grade label nor a state grade code' as detail
    from permission_grades
    left join grade_labels on permission_grades.grade = grade_labels.kecs_grade_label
    left join grade_order on permission_grades.grade = grade_order.state_grade
    where grade_labels.kecs_grade_label is null and grade_order.state_grade is null
),

issues as (
    select * from unknown_epsb_ids
    union all
    select * from unknown_grades
)

select * from issues

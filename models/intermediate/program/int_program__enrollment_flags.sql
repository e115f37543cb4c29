-- Every KECS LEAD program indicator of an enrollment in one row (a join of the int_program__* models and the
-- enrollment-level primary disability); no rule of its own.
with

enrollments as (
    select * from {{ ref('int_enrollment__enrollments') }}
),

english_learner as (
    select * from {{ ref('int_program__english_learner') }}
),

gifted as (
    select * from {{ ref('int_program__gifted') }}
),

migrant as (
    select * from {{ ref('int_program__migrant') }}
),

economically_disadvantaged as (
    select * from {{ ref('int_program__economically_disadvantaged') }}
),

homeless as (
    select * from {{ ref('int_program__homeless') }}
),

foster_care as (
    select * from {{ ref('int_program__foster_care') }}
),

military_connected as (
    select * from {{ ref('int_program__military_connected') }}
),

home_hospital as (
    select * from {{ ref('int_program__home_hospital') }}
),

ilpa as (
    select * from {{ ref('int_program__ilpa') }}
),

disability as (
    select * from {{ ref('int_iep__primary_disability_at_enrollment') }}
),

final as (
    select
        enrollments.enrollment_id,
        disability.primary_disability_enrollment,
        english_learner.is_english_learner,
        gifted.is_gifted,
        migrant.is_migrant,
        economically_disadvantaged.is_economically_disadvantaged,
        homeless.is_homeless,
        foster_care.is_foster_care,
        military_connected.is_military_connected,
        home_hospital.is_home_hospital,
        ilpa.is_ilpa
    from enrollments
    left join english_learner on enrollments.enrollment_id = english_learner.enrollment_id
    left join gifted on enrollments.enrollment_id = gifted.enrollment_id
    left join migrant on enrollments.enrollment_id = migrant.enrollment_id
    left join economically_disadvantaged on enrollments.enrollment_id = economically_disadvantaged.enrollment_id
    left join homeless on enrollments.enrollment_id = homeless.enrollment_id
    left join foster_care on enrollments.enrollment_id = foster_care.enrollment_id
    left join military_connected on enrollments.enrollment_id = military_connected.enrollment_id
    left join home_hospital on enrollments.enrollment_id = home_hospital.enrollment_id
    left join ilpa on enrollments.enrollment_id = ilpa.enrollment_id
    left join disability on enrollments.enrollment_id = disability.enrollment_id
)

select * from final

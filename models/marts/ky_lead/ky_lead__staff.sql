-- KECS LEAD Staff (Detail): active staff, one row per person per school / Type / AltType (IC-STAFF; rules
-- LEAD-STAFF-ACTIVE, LEAD-STAFF-SCHOOL-SCOPE, LEAD-STAFF-STATE-CLASSIFICATION, LEAD-STAFF-GRAIN, LEAD-STAFF-EPSB-ID).
-- Sort is the export's order_by.
with

assignments as (
    select * from {{ ref('int_staff__lead_assignments') }}
),

names as (
    select * from {{ ref('int_staff__person_names') }}
),

reported as (
    select
        end_year,
        person_id,
        district_number,
        school_number,
        epsb_id,
        type,
        alt_type
    from assignments
    where has_active_employment and school_in_scope and is_reported_classification
),

one_row_per_grain as (
    select distinct
        end_year,
        person_id,
        district_number,
        school_number,
        epsb_id,
        type,
        alt_type
    from reported
),

final as (
    select
        {{ lead_date_time_generated() }} as date_time_generated,
        one_row_per_grain.end_year,
        one_row_per_grain.person_id,
        one_row_per_grain.district_number,
        one_row_per_grain.school_number,
        one_row_per_grain.epsb_id,
        names.first_name,
        names.last_name,
        one_row_per_grain.type,
        one_row_per_grain.alt_type
    from one_row_per_grain
    left join names on one_row_per_grain.person_id = names.person_id
)

select * from final

-- KIDS-D28-EXIT-TYPE and KIDS-D18-CONTINUITY: each enrollment's end status decoded through the district-editable
-- seed ks_kids__exit_withdrawal_types: the D28 code reported (4a/5a/6a -> 4/5/6; 98 not reportable) and whether an
-- enrollment that ended with it breaks the school/district/state entry-date continuity. An end status missing from
-- the seed reports blank D28 (flagged is_unknown_end_status) and keeps continuity ('previous'), as a blank end
-- status does. Grain: one row per enrollment.
with

enrollments as (
    select * from {{ ref('stg_sis__enrollment') }}
),

exit_types as (
    select * from {{ ref('ks_kids__exit_withdrawal_types') }}
),

decoded as (
    select
        enrollments.enrollment_id,
        enrollments.person_id,
        enrollments.end_date as exit_withdrawal_date,
        enrollments.end_status,
        case when exit_types.reportable then exit_types.kids_exit_withdrawal_type end as kids_exit_withdrawal_type,
        coalesce(exit_types.reportable, false) as is_reportable_end_status,
        enrollments.end_status is not null and exit_types.end_status is null as is_unknown_end_status,
        exit_types.description as end_status_description,
        coalesce(exit_types.school_entry_date_basis, 'previous') as school_entry_date_basis,
        coalesce(exit_types.district_entry_date_basis, 'previous') as district_entry_date_basis,
        coalesce(exit_types.state_entry_date_basis, 'previous') as state_entry_date_basis
    from enrollments
    left join exit_types
        on lower(enrollments.end_status) = lower(exit_types.end_status)
)

select * from decoded

-- Every EL record (Lep) with its place in the student's EL tool (shared by KY EL and KS KIDS ESOL): a person's records
-- ordered by the latest identified date first (blank last), then the highest lep_id. recency_rank 1 is the record at
-- the top of the EL tool: the "current" record of KY EL's default el_current_record_rule (EL-RECORD-CHOICE, gap G10)
-- and, among the records identified on or before a date, the record KIDS ESOL reports as of that date
-- (KIDS-D42-EL-RECORD). Unchecked SIT Exited - No Monitor reads false. Records of any district (IC EL records belong
-- to the person). KY's int_el__record_per_student keeps its own copy of this order (not switched here: KY EL
-- behaviour is owned by its extract).
with

lep_records as (
    select * from {{ ref('stg_sis__lep') }}
),

final as (
    select
        lep_id,
        person_id,
        district_id,
        program_status,
        identified_date,
        exit_date,
        first_year_monitoring,
        second_year_monitoring,
        coalesce(sit_exited_no_monitor, false) as is_sit_exited_no_monitor,
        row_number() over (
            partition by person_id
            order by identified_date desc nulls last, lep_id desc
        ) as recency_rank
    from lep_records
)

select * from final

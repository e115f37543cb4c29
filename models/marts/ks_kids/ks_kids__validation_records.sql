-- Every record of the nine KIDS record marts, as the State Format files hold them, tagged with the file's record
-- type (the mart it came from), so ks_kids__validation checks what is actually submitted. A table, unlike the other
-- marts: the validation reads it several times per query, and the summary, export and review page query the
-- validation once per rule; as a view every read would rebuild all nine marts.
{{ config(materialized='table') }}
with

enrl_records as (
    select * from {{ ref('ks_kids__enrl') }}
),

test_records as (
    select * from {{ ref('ks_kids__test') }}
),

smsc_records as (
    select * from {{ ref('ks_kids__smsc') }}
),

milt_records as (
    select * from {{ ref('ks_kids__milt') }}
),

eoya_records as (
    select * from {{ ref('ks_kids__eoya') }}
),

asgt_records as (
    select * from {{ ref('ks_kids__asgt') }}
),

exit_records as (
    select * from {{ ref('ks_kids__exit') }}
),

qery_records as (
    select * from {{ ref('ks_kids__qery') }}
),

sped_records as (
    select * from {{ ref('ks_kids__sped') }}
),

unioned as (
    select
        'ENRL' as file_record_type,
        enrl_records.*
    from enrl_records
    union all
    select
        'TEST' as file_record_type,
        test_records.*
    from test_records
    union all
    select
        'SMSC' as file_record_type,
        smsc_records.*
    from smsc_records
    union all
    select
        'MILT' as file_record_type,
        milt_records.*
    from milt_records
    union all
    select
        'EOYA' as file_record_type,
        eoya_records.*
    from eoya_records
    union all
    select
        'ASGT' as file_record_type,
        asgt_records.*
    from asgt_records
    union all
    select
        'EXIT' as file_record_type,
        exit_records.*
    from exit_records
    union all
    select
        'QERY' as file_record_type,
        qery_records.*
    from qery_records
    union all
    select
        'SPED' as file_record_type,
        sped_records.*
    from sped_records
)

select * from unioned

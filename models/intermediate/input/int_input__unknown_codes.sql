-- Generated from the contract's complete code lists by scripts/sync_contract: code values outside the list.
with

unknown_codes as (
    select
        'school' as table_name,
        coalesce(cast(school_id as varchar), '') as record_key,
        'state_classification' as column_name,
        state_classification as value
    from {{ ref('stg_sis__school') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and state_classification not in (
            'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'B1', 'B2',
            'C1', 'C2', 'C3', 'C4', 'C5', 'D1', 'F1', 'F2', 'F3', 'J1',
            'M1', 'M2', 'R1'
        )
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        'teaching_method' as column_name,
        teaching_method as value
    from {{ ref('stg_sis__course') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and teaching_method not in (
            '01', '02', '10', '11', '12', '13', '14', '19', '20', '21'
        )
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        'instructional_setting' as column_name,
        instructional_setting as value
    from {{ ref('stg_sis__course') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and instructional_setting not in (
            '01', '02', '03', '04', '05', '06', '11', '12', '21'
        )
    union all
    select
        'course' as table_name,
        coalesce(cast(course_id as varchar), '') as record_key,
        'type' as column_name,
        type as value
    from {{ ref('stg_sis__course') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and type not in (
            'ABV', 'PB', 'V'
        )
    union all
    select
        'section' as table_name,
        coalesce(cast(section_id as varchar), '') as record_key,
        'instructional_setting' as column_name,
        instructional_setting as value
    from {{ ref('stg_sis__section') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and instructional_setting not in (
            '01', '02', '03', '04', '05', '06', '11', '12', '21'
        )
    union all
    select
        'section' as table_name,
        coalesce(cast(section_id as varchar), '') as record_key,
        'special_type' as column_name,
        special_type as value
    from {{ ref('stg_sis__section') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and special_type not in (
            '01', '02', '03', '04', '05', '06'
        )
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        'race_ethnicity_fed' as column_name,
        race_ethnicity_fed as value
    from {{ ref('stg_sis__identity') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and race_ethnicity_fed not in (
            '1', '2', '3', '4', '5', '6', '7'
        )
    union all
    select
        'identity' as table_name,
        coalesce(cast(identity_id as varchar), '') as record_key,
        'hispanic_ethnicity' as column_name,
        hispanic_ethnicity as value
    from {{ ref('stg_sis__identity') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and hispanic_ethnicity not in (
            'Y', 'N'
        )
    union all
    select
        'identity_race_ethnicity' as table_name,
        coalesce(cast(identity_id as varchar), '')
        || '|' || coalesce(cast(race_code as varchar), '') as record_key,
        'race_code' as column_name,
        race_code as value
    from {{ ref('stg_sis__identity_race_ethnicity') }}
    where
        '{{ var('state') }}' in ('ks')
        and race_code not in (
            '1', '2', '3', '4', '5'
        )
    union all
    select
        'enrollment' as table_name,
        coalesce(cast(enrollment_id as varchar), '') as record_key,
        'service_type' as column_name,
        service_type as value
    from {{ ref('stg_sis__enrollment') }}
    where
        '{{ var('state') }}' in ('ky', 'ks')
        and service_type not in (
            'P', 'S', 'N'
        )
    union all
    select
        'plan' as table_name,
        coalesce(cast(plan_id as varchar), '') as record_key,
        'primary_disability' as column_name,
        primary_disability as value
    from {{ ref('stg_sis__plan') }}
    where
        '{{ var('state') }}' in ('ky')
        and primary_disability not in (
            '01', '02', '04', '05', '06', '07', '08', '09', '10', '12',
            '13', '14', '15'
        )
)

select * from unknown_codes

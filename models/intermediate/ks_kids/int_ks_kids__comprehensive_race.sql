-- KIDS-D33-RACE: D33 Comprehensive Race (ks_kids_per_extract.md §2.3; ks_kids_extracts.md §6.6, gap 6).
-- Five characters of 0/1, one per race, left to right: White, Native Hawaiian/Other Pacific Islander,
-- Black/African American, Asian, American Indian/Alaska Native (KSDE numbers positions from the right: position n =
-- race code n, codes 1 AmInd ... 5 White). Several races set several digits; no race recorded = '00000'.
-- Hispanic is not a digit (D12 carries it). Races come from the student's current identity's race rows
-- (identity_race_ethnicity); when the identity has none, the single federal race code (race_ethnicity_fed 2-6) sets
-- its one digit (1 Hispanic and 7 Two or more name no race, so they give '00000').
-- Grain: one row per person.
with

persons as (
    select * from {{ ref('stg_sis__person') }}
),

identities as (
    select * from {{ ref('stg_sis__identity') }}
),

identity_races as (
    select * from {{ ref('stg_sis__identity_race_ethnicity') }}
),

person_races as (
    select
        persons.person_id,
        identity_races.race_code
    from persons
    inner join identity_races
        on persons.current_identity_id = identity_races.identity_id
),

federal_fallback as (
    select
        persons.person_id,
        case identities.race_ethnicity_fed
            when '2' then '1'
            when '3' then '2'
            when '4' then '3'
            when '5' then '4'
            when '6' then '5'
        end as race_code
    from persons
    inner join identities
        on persons.current_identity_id = identities.identity_id
    where not exists (
            select 1 from person_races
            where person_races.person_id = persons.person_id
        )
),

all_races as (
    select * from person_races
    union all
    select * from federal_fallback
    where race_code is not null
),

flags as (
    select
        persons.person_id,
        max(case when all_races.race_code = '5' then 1 else 0 end) as is_white,
        max(case when all_races.race_code = '4' then 1 else 0 end) as is_pacific_islander,
        max(case when all_races.race_code = '3' then 1 else 0 end) as is_black,
        max(case when all_races.race_code = '2' then 1 else 0 end) as is_asian,
        max(case when all_races.race_code = '1' then 1 else 0 end) as is_american_indian,
        count(all_races.race_code) as race_rows
    from persons
    left join all_races
        on persons.person_id = all_races.person_id
    group by persons.person_id
),

final as (
    select
        person_id,
        {{ dbt.concat([
            'cast(is_white as varchar)',
            'cast(is_pacific_islander as varchar)',
            'cast(is_black as varchar)',
            'cast(is_asian as varchar)',
            'cast(is_american_indian as varchar)',
        ]) }} as comprehensive_race,
        race_rows = 0 as has_no_race
    from flags
)

select * from final

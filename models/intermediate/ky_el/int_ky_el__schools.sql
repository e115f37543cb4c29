-- One row per school with the KY EL 9-digit numbers (seed 003 layouts, rules EL-DEMO-LEA-NUMBER and
-- EL-DEMO-SCHOOL-NUMBER): LEA Number = County Code + District Code + '000'; State School Number = County Code +
-- District Code + School Code (the article labels it "State District Number"; gap G16: it is the school's number).
-- County Code: the County table row of the district's county (district.county_id), else the county whose name is the
-- school's county name (seed: "joins the name of County in the County table"). Each part is left-padded with zeros to
-- 3 digits (3+3+3 split inferred, specs/ky_el_extract.md §8). District Name is text (the article's "Numeric", gap G16).
with

schools as (
    select * from {{ ref('stg_sis__school') }}
),

districts as (
    select * from {{ ref('stg_sis__district') }}
),

counties as (
    select * from {{ ref('stg_sis__county') }}
),

resolved as (
    select
        schools.school_id,
        schools.district_id,
        schools.number as school_code,
        schools.name as school_name,
        districts.number as district_code,
        districts.name as district_name,
        coalesce(district_counties.code, school_counties.code) as county_code
    from schools
    left join districts
        on schools.district_id = districts.district_id
    left join counties as district_counties
        on districts.county_id = district_counties.county_id
    left join counties as school_counties
        on
            lower(schools.county) = lower(school_counties.name)
            and (school_counties.state is null or school_counties.state = coalesce(districts.state, 'KY'))
),

final as (
    select
        school_id,
        district_id,
        county_code,
        district_code,
        school_code,
        district_name,
        school_name,
        lpad(county_code, 3, '0') || lpad(district_code, 3, '0') || '000' as lea_number,
        lpad(county_code, 3, '0') || lpad(district_code, 3, '0') || lpad(school_code, 3, '0') as state_school_number
    from resolved
)

select * from final

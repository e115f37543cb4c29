-- Staff names for the LEAD Staff and Issues reports: the person's current identity (Person.currentIdentityID), the
-- "preferred" first/last name LEAD reports for primary teachers and case managers (seed 002).
with

persons as (
    select * from {{ ref('stg_sis__person') }}
),

identities as (
    select * from {{ ref('stg_sis__identity') }}
),

names as (
    select
        persons.person_id,
        identities.first_name,
        identities.last_name
    from persons
    left join identities on persons.current_identity_id = identities.identity_id
)

select * from names

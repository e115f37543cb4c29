-- Staging for raw kecs_educator_experience: trims text (empty means null); types come from the contract at load time.
with

source as (
    select * from {{ source('sis', 'kecs_educator_experience') }}
),

cleaned as (
    select
        {{ clean_text('epsb_id') }} as epsb_id,
        years_of_experience
    from source
)

select * from cleaned

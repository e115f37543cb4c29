-- CORE-INPUT-REVERSED-DATES: records whose end date is before their start date, one select per contract table with
-- start_date and end_date, built from the contract at compile time (macro input_reversed_date_ranges).
with

reversed_ranges as (
    {{ input_reversed_date_ranges() }}
)

select * from reversed_ranges

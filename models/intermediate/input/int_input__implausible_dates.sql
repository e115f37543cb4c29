-- CORE-INPUT-IMPLAUSIBLE-DATE: dates before 1900 or after 2100 (kept as given), one select per contract date column,
-- built from the contract at compile time (macro input_implausible_dates).
with

implausible_dates as (
    {{ input_implausible_dates() }}
)

select * from implausible_dates

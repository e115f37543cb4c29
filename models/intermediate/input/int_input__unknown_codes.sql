-- CORE-INPUT-UNKNOWN-CODE: code values outside a complete code list of the contract, one select per such column,
-- built from the contract at compile time (macro input_unknown_codes). Reported as input issues, not dropped.
with

unknown_codes as (
    {{ input_unknown_codes() }}
)

select * from unknown_codes

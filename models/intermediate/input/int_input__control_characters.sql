-- CORE-INPUT-CONTROL-CHARACTERS: text values holding control characters (NUL and the other C0 characters but tab
-- and line ends), one row per record and column, built from the contract at compile time (macro
-- input_control_characters). Staging removes them (macro clean_text), so no export holds one.
with

control_characters as (
    {{ input_control_characters() }}
)

select * from control_characters

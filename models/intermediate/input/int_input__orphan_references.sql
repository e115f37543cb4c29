-- CORE-INPUT-ORPHAN-REFERENCE: every reference to a record the district's data does not contain (a roster row
-- pointing at a missing section, ...), one select per contract foreign key, built from the contract at compile time
-- (macro input_orphan_references). Reported as input issues, not dropped.
with

orphans as (
    {{ input_orphan_references() }}
)

select * from orphans

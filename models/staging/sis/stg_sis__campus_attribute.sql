-- Staging for raw campus_attribute (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('campus_attribute') }}

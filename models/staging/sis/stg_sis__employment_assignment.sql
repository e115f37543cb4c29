-- Staging for raw employment_assignment (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('employment_assignment') }}

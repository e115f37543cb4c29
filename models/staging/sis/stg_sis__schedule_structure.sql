-- Staging for raw schedule_structure (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('schedule_structure') }}

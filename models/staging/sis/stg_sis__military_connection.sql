-- Staging for raw military_connection (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('military_connection') }}

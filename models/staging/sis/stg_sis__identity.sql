-- Staging for raw identity (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('identity') }}

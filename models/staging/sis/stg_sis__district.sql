-- Staging for raw district (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('district') }}

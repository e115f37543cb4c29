-- Staging for raw enrollment (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('enrollment') }}

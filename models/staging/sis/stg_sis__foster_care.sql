-- Staging for raw foster_care (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('foster_care') }}

-- Staging for raw person (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('person') }}

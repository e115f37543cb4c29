-- Staging for raw plan_type (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('plan_type') }}

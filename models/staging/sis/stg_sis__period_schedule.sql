-- Staging for raw period_schedule (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('period_schedule') }}

-- Staging for raw lep_service_type (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('lep_service_type') }}

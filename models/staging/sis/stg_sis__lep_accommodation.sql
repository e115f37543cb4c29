-- Staging for raw lep_accommodation (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('lep_accommodation') }}

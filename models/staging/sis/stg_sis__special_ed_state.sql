-- Staging for raw special_ed_state (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('special_ed_state') }}

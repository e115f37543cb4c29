-- Staging for raw pos_eligibility (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('pos_eligibility') }}

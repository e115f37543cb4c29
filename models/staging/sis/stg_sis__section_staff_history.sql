-- Staging for raw section_staff_history (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('section_staff_history') }}

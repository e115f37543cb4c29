-- Staging for raw custom_course (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('custom_course') }}

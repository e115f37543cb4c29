-- Staging for raw grade_level (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('grade_level') }}

-- Staging for raw course_master (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('course_master') }}

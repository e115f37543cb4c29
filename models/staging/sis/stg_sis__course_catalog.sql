-- Staging for raw course_catalog (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('course_catalog') }}

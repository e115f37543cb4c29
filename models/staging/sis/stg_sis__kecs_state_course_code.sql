-- Staging for raw kecs_state_course_code (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('kecs_state_course_code') }}

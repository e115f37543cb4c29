-- Staging for raw kecs_educator_experience (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('kecs_educator_experience') }}

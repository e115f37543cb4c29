-- Staging for raw kecs_credential_permission (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('kecs_credential_permission') }}

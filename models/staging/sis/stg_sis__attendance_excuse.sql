-- Staging for raw attendance_excuse (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('attendance_excuse') }}

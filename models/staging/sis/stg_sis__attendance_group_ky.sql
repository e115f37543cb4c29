-- Staging for raw attendance_group_ky (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('attendance_group_ky') }}

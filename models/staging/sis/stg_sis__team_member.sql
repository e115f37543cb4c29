-- Staging for raw team_member (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('team_member') }}

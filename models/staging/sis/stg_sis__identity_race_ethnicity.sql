-- Staging for raw identity_race_ethnicity (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('identity_race_ethnicity') }}

-- Staging for raw school_year (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('school_year') }}

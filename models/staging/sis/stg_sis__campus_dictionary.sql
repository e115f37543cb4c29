-- Staging for raw campus_dictionary (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('campus_dictionary') }}

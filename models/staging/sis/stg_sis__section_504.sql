-- Staging for raw section_504 (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('section_504') }}

-- Staging for raw eerp_job_class (written by scripts/sync_contract): the contract's columns, text cleaned.
{{ stage_contract_table('eerp_job_class') }}

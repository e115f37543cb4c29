-- Kansas KIDS SMSC (REAP Funding, Title Allocations): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('SMSC') }}

-- Kansas KIDS ASGT (New Students or Demographic Changes): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('ASGT') }}

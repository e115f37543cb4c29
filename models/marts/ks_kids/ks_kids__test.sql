-- Kansas KIDS TEST (Assessment Testing): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('TEST') }}

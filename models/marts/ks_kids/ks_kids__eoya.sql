-- Kansas KIDS EOYA (End of Year Accountability): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('EOYA') }}

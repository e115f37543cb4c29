-- Kansas KIDS MILT (Military Student Enrollment): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('MILT') }}

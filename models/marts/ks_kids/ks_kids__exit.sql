-- Kansas KIDS EXIT (Student Leaving School): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('EXIT') }}

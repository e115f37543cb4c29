-- Kansas KIDS ENRL (Funding and Enrollment): population and layout documented in _ks_kids__models.yml.
{{ ks_kids_mart('ENRL') }}

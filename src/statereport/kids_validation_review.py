"""The review page's KIDS validation section (issue 19): what KSDE's edits would reject, before the files are uploaded.

Read from the mart `ks_kids__validation` (one row per problem; rules in rule_catalogue__ks_kids_validation): counts by
severity and record type, and the rows with the student's legal name and birth date from the records checked
(`ks_kids__validation_records`), so a clerk can tell the two students behind a shared state id apart. Like the rest of
the review page, names appear only here, never in the summary, the JSON or KIDS_Validation.csv.
"""

from __future__ import annotations

from statereport.summary import relation

VALIDATION_MODEL = "ks_kids__validation"
RECORDS_MODEL = "ks_kids__validation_records"


def section(connection, models: list, make_table) -> dict | None:
    """The section's data for the template, or None when the run has no KIDS validation mart. `make_table` is the
    review page's table builder (connection, table id, title, query) -> Table."""
    nodes = {node.name: node for node in models}
    if VALIDATION_MODEL not in nodes or RECORDS_MODEL not in nodes:
        return None
    validation, records = relation(nodes[VALIDATION_MODEL]), relation(nodes[RECORDS_MODEL])
    counts = connection.execute(
        f"select severity, record_type, count(*) from {validation} group by all order by all"
    ).fetchall()
    by_severity: dict[str, int] = {}
    for severity, _, rows in counts:
        by_severity[severity] = by_severity.get(severity, 0) + rows
    students = (
        f"select file_record_type, student_identifier, state_student_identifier, "
        f"string_agg(distinct concat_ws(' ', legal_last_name || ',', legal_first_name, date_of_birth), '; ' "
        f"order by concat_ws(' ', legal_last_name || ',', legal_first_name, date_of_birth)) as names "
        f"from {records} group by all"
    )
    query = (
        f'select v.severity as "Severity", v.rule_id as "Rule", v.record_type as "Record Type", '
        f'v.accountability_school_identifier as "School", v.state_student_identifier as "State Id", '
        f'v.student_identifier as "Local Id", s.names as "Student (legal name, birth date)", v.field_id as "Field", '
        f'v.field_name as "Field Name", v.value as "Value", v.message as "Message", v.how_to_fix as "How to Fix" '
        f"from {validation} as v left join ({students}) as s "
        "on v.record_type = s.file_record_type and v.student_identifier is not distinct from s.student_identifier "
        "and v.state_student_identifier is not distinct from s.state_student_identifier order by all"
    )
    return {
        "by_severity": by_severity,
        "by_record_type": counts,
        "table": make_table(connection, "kids-validation", "KIDS validation", query),
    }

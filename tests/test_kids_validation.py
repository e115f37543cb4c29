"""KIDS pre-submission validation (issue 19) on the Kansas sample: ks_kids__validation (KIDS_Validation) shows every
class of check, its severities follow the rule catalogue, it reaches the run summary, and it never prints a name."""

from __future__ import annotations

import csv

import duckdb
import pytest

# Each class of check and the rules the Kansas sample (base district + scenario kids_validation) must show for it.
SAMPLE_RULES_BY_CLASS = {
    "required": {"KIDS-VAL-REQUIRED"},
    "form and code list": {"KIDS-VAL-FORM-DISTRICT", "KIDS-VAL-CODE-GENDER"},
    "date logic": {"KIDS-VAL-DATE-EXIT-BEFORE-ENTRY", "KIDS-VAL-DATE-ENRL-AFTER-COUNT", "KIDS-VAL-DATE-EXIT-NO-TYPE",
                   "KIDS-VAL-DATE-TYPE-NO-EXIT", "KIDS-VAL-DATE-STATE-AFTER-SCHOOL"},
    "across records": {"KIDS-VAL-DUPLICATE-STUDENT", "KIDS-VAL-STATE-ID-CONFLICT", "KIDS-VAL-EXIT-NO-TYPE"},
}


@pytest.fixture(scope="module")
def ks_db(ks):
    connection = duckdb.connect(str(ks.database), read_only=True)
    yield connection
    connection.close()


def test_sample_shows_every_class(ks_db):
    found = {row[0] for row in ks_db.execute("select distinct rule_id from marts.ks_kids__validation").fetchall()}
    for check_class, rules in SAMPLE_RULES_BY_CLASS.items():
        assert rules <= found, f"{check_class}: {sorted(rules - found)} never occur on the Kansas sample"


def test_scenario_students_break_the_rule_they_were_made_for(ks_db):
    rows = ks_db.execute("""
        select v.rule_id, v.field_id, v.value
        from marts.ks_kids__validation as v
        inner join marts.ks_kids__validation_records as r
            on v.record_type = r.file_record_type and v.student_identifier = r.student_identifier
        where r.legal_last_name in ('DistrictText', 'AfterExit', 'AfterCount', 'NoStatus', 'NoExit')
    """).fetchall()
    assert ("KIDS-VAL-FORM-DISTRICT", "D3", "USD259") in rows
    assert {rule for rule, _, _ in rows} >= {"KIDS-VAL-DATE-EXIT-BEFORE-ENTRY", "KIDS-VAL-DATE-ENRL-AFTER-COUNT",
                                              "KIDS-VAL-DATE-EXIT-NO-TYPE", "KIDS-VAL-DATE-TYPE-NO-EXIT"}


def test_every_record_type_is_checked(ks_db):
    """Every record type's fields reach the checks: each type has at least one required field the seed names, and
    the unpivot covers the nine marts' records."""
    types = {row[0] for row in ks_db.execute("select distinct extract_code from intermediate.int_ks_kids__field_checks "
                                             "where is_required").fetchall()}
    assert types == {"ENRL", "TEST", "SMSC", "MILT", "EOYA", "ASGT", "EXIT", "QERY", "SPED"}
    unioned = ks_db.execute("select count(*) from marts.ks_kids__validation_records").fetchone()[0]
    marts = sum(ks_db.execute(f"select count(*) from marts.ks_kids__{name}").fetchone()[0]
                for name in ("enrl", "test", "smsc", "milt", "eoya", "asgt", "exit", "qery", "sped"))
    assert unioned == marts > 0


def test_severity_follows_the_catalogue(ks_db):
    mismatched = ks_db.execute("""
        select v.rule_id, v.severity, c.severity
        from marts.ks_kids__validation as v
        left join intermediate.int_rules__catalogue as c using (rule_id)
        where c.rule_id is null
           or v.severity <> case when c.severity = 'critical' then 'error' else 'warning' end
    """).fetchall()
    assert mismatched == []
    assert {row[0] for row in ks_db.execute("select distinct severity from marts.ks_kids__validation").fetchall()} \
        == {"error", "warning"}


def test_messages_never_carry_names_or_birth_dates(ks_db):
    leaked = ks_db.execute("""
        select distinct v.rule_id
        from marts.ks_kids__validation as v
        inner join marts.ks_kids__validation_records as r
            on v.record_type = r.file_record_type and v.student_identifier = r.student_identifier
        where (r.legal_last_name <> '' and contains(v.message, r.legal_last_name))
           or (r.date_of_birth <> '' and contains(v.message, r.date_of_birth))
    """).fetchall()
    assert leaked == []


def test_validation_file_and_summary(ks, ks_db):
    rows = ks_db.execute("select count(*) from marts.ks_kids__validation").fetchone()[0]
    with open(ks.out_dir / "KIDS_Validation.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["Record Type", "State Student Identifier", "Student Identifier",
                                     "Accountability School Identifier", "Field", "Field Name", "Value", "Rule",
                                     "Severity", "Message", "How to Fix"]
        assert sum(1 for _ in reader) == rows
    extract = next(e for e in ks.summary["extracts"] if e["extract"] == "ks_kids")
    counted = {w["rule_id"]: w for w in extract["warnings"] if w["rule_id"].startswith("KIDS-VAL-")}
    by_rule = dict(ks_db.execute("select rule_id, count(*) from marts.ks_kids__validation group by 1").fetchall())
    assert {rule: w["rows"] for rule, w in counted.items()} == by_rule
    assert counted["KIDS-VAL-REQUIRED"]["severity"] == "critical"
    assert counted["KIDS-VAL-CODE-GENDER"]["severity"] == "warning"


def test_summary_counts_by_severity(ks):
    extract = next(e for e in ks.summary["extracts"] if e["extract"] == "ks_kids")
    expected: dict[str, int] = {}
    for warning in extract["warnings"]:
        expected[warning["severity"]] = expected.get(warning["severity"], 0) + warning["rows"]
    assert extract["warnings_by_severity"] == expected
    assert expected["critical"] >= 1 and expected["warning"] >= 1
    assert "warnings   by severity: critical " in ks.stdout


def test_review_page_kids_validation_section(ks, ks_db):
    page = ks.review_page.read_text(encoding="utf-8")
    start = page.index('<section id="kids-validation">')
    section = page[start:page.index("</section>", start)]
    errors = ks_db.execute("select count(*) from marts.ks_kids__validation where severity = 'error'").fetchone()[0]
    assert f'data-severity="error">error: {errors}<' in section
    # The clerk sees who shares a state id: both students' legal names, on this page only.
    assert "StateIdOne, Shared" in section and "StateIdTwo, Shared" in section
    assert "StateIdTwo" not in (ks.out_dir / "KIDS_Validation.csv").read_text(encoding="utf-8")


def test_review_page_shows_the_validation_rows_once(ks, ks_db):
    """The rows are the KIDS validation section's table (with the students' names); the Warnings entry of each
    KIDS-VAL rule links there instead of repeating them, and KIDS_Validation has no second table under Reports."""
    page = ks.review_page.read_text(encoding="utf-8")
    rules = [row[0] for row in ks_db.execute("select distinct rule_id from marts.ks_kids__validation order by 1").fetchall()]
    assert rules
    for rule in rules:
        start = page.index(f'id="warning-{rule}"')
        article = page[start:page.index("</article>", start)]
        assert 'href="#kids-validation"' in article and "<table" not in article, rule
    reports = page[page.index('<section id="reports">'):]
    assert "KIDS_Validation" not in reports[:reports.index("</section>")]
    # the one table: every validation row, once
    section = page[page.index('<section id="kids-validation">'):]
    section = section[:section.index("</section>")]
    total = ks_db.execute("select count(*) from marts.ks_kids__validation").fetchone()[0]
    assert 'data-table="kids-validation"' in section and f'data-total="{total}"' in section

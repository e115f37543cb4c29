"""Kentucky EL Extract on the bundled Kentucky sample district: every layout column is populated somewhere, every
warning/critical error fires, every population rule excludes someone, nothing is lost, and the export files carry the
vendor's element names."""

from __future__ import annotations

import csv

import duckdb
import pytest

DEMOGRAPHICS_HEADERS = [
    "LEA Number", "District Name", "State School Number", "School Name", "State ID", "Last Name", "First Name",
    "Middle Initial", "Birth Date", "State Grade", "Gender", "Race/Ethnicity", "Home Language", "ISO Language Code",
    "Native American Language", "Immigrant", "Migrant", "Refugee", "Active Special Education",
    "Enrollment Start Date", "Enrollment End Date", "Total Days Enrolled", "% Enrolled", "EL Program Status",
    "Program Exit Date",
]
SERVICES_HEADERS = [
    "LEA Number", "District Name", "State School Number", "School Name", "State ID", "Last Name", "First Name",
    "Middle Initial", "State Grade", "Enrollment Start Date", "Enrollment End Date", "EL Service",
    "EL Service Start Date", "EL Service End Date", "EL Program Status", "Program Exit Date",
]


@pytest.fixture(scope="module")
def warehouse(ky):
    connection = duckdb.connect(str(ky.database), read_only=True)
    yield connection
    connection.close()


def _columns(connection, relation: str) -> list[str]:
    return [row[0] for row in connection.execute(f"describe {relation}").fetchall()]


def _read_csv(path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize("relation", ["marts.ky_el__demographics", "marts.ky_el__services", "marts.ky_el__warnings"])
def test_every_column_is_populated_somewhere(warehouse, relation):
    empty = [
        column for column in _columns(warehouse, relation)
        if warehouse.execute(
            f'select count(*) from {relation} where nullif(trim(cast("{column}" as varchar)), \'\') is not null'
        ).fetchone()[0] == 0
    ]
    assert not empty, f"{relation}: never populated: {empty}"


def test_every_warning_fires(warehouse):
    fired = dict(warehouse.execute("select rule_id, count(*) from marts.ky_el__warnings group by rule_id").fetchall())
    assert set(fired) == {"EL-W1", "EL-W2", "EL-W3", "EL-W4"}, fired
    severities = dict(warehouse.execute("select distinct rule_id, severity from marts.ky_el__warnings").fetchall())
    assert severities == {"EL-W1": "Critical Error", "EL-W2": "Critical Error", "EL-W3": "Critical Error",
                          "EL-W4": "Warning"}
    message = warehouse.execute("select distinct message from marts.ky_el__warnings where rule_id = 'EL-W1'").fetchall()
    assert message == [(message[0][0],)] and message[0][0].endswith(f"(Number of Records: {fired['EL-W1']})")


def test_critical_errors_are_not_reported_and_w4_is(warehouse):
    def state_ids(rule_id):
        return {row[0] for row in warehouse.execute(
            "select state_id from marts.ky_el__warnings where rule_id = ?", [rule_id]).fetchall()}

    reported = {row[0] for row in warehouse.execute("select state_id from marts.ky_el__demographics").fetchall()}
    for rule_id in ("EL-W1", "EL-W2", "EL-W3"):
        assert not state_ids(rule_id) & reported, rule_id
    assert state_ids("EL-W4") <= reported
    assert warehouse.execute(
        "select count(*) from marts.ky_el__demographics where home_language like '0400%'").fetchone()[0] == 0


def test_population_rules_exclude_someone(warehouse):
    rules = {row[0] for row in warehouse.execute(
        "select distinct rule_id from marts.ky_el__exclusions where extract_name = 'EL_Extract_Demographics'").fetchall()}
    for rule_id in ("EL-P1", "EL-P2", "EL-P3", "EL-P4", "EL-P9", "EL-W1", "EL-W2", "EL-W3"):
        assert rule_id in rules, f"no Demographics candidate excluded by {rule_id}: {sorted(rules)}"
    services_rules = {row[0] for row in warehouse.execute(
        "select distinct rule_id from marts.ky_el__exclusions where extract_name = 'EL_Extract_Services'").fetchall()}
    assert "EL-P5" in services_rules


def test_nothing_is_lost(warehouse):
    candidates = warehouse.execute("select count(*) from intermediate.int_ky_el__candidates").fetchone()[0]
    reported = warehouse.execute("select count(*) from marts.ky_el__demographics").fetchone()[0]
    excluded = warehouse.execute(
        "select count(*) from marts.ky_el__exclusions where extract_name = 'EL_Extract_Demographics'").fetchone()[0]
    assert candidates == reported + excluded > 0
    service_candidates = warehouse.execute("select count(*) from intermediate.int_ky_el__service_rows").fetchone()[0]
    service_rows = warehouse.execute("select count(*) from marts.ky_el__services").fetchone()[0]
    service_excluded = warehouse.execute(
        "select count(*) from marts.ky_el__exclusions where extract_name = 'EL_Extract_Services'").fetchone()[0]
    assert service_candidates == service_rows + service_excluded > 0


def test_layout_values(warehouse):
    rows = warehouse.execute(
        "select lea_number, state_school_number, race_ethnicity, migrant, active_special_education, percent_enrolled, "
        "el_program_status, program_exit_date from marts.ky_el__demographics").fetchall()
    assert rows
    for lea, school, race, migrant, sped, percent, status, exit_date in rows:
        assert len(lea) == 9 and lea.endswith("000") and school[:6] == lea[:6] and len(school) == 9
        assert race is None or len(race) == 2
        assert migrant in ("Y", "N") and sped in ("Y", "N")
        assert percent is None or 0 <= percent <= 100
        assert status in ("EL", "Exited EL")
        assert exit_date is None or status == "Exited EL"
    one_per_student = warehouse.execute(
        "select count(*) = count(distinct lea_number || state_id) from marts.ky_el__demographics").fetchone()[0]
    assert one_per_student
    assert {row[0] for row in warehouse.execute("select distinct migrant from marts.ky_el__demographics").fetchall()} == {
        "Y", "N"}
    assert {row[0] for row in warehouse.execute(
        "select distinct active_special_education from marts.ky_el__demographics").fetchall()} == {"Y", "N"}


@pytest.mark.parametrize("file_name, headers", [
    ("EL_Extract_Demographics", DEMOGRAPHICS_HEADERS),
    ("EL_Extract_Services", SERVICES_HEADERS),
])
def test_export_files_carry_the_vendor_element_names(ky, warehouse, file_name, headers):
    header, rows = _read_csv(ky.out_dir / f"{file_name}.csv")
    assert header == headers
    relation = "marts.ky_el__demographics" if "Demographics" in file_name else "marts.ky_el__services"
    assert len(rows) == warehouse.execute(f"select count(*) from {relation}").fetchone()[0] > 0
    assert (ky.out_dir / f"{file_name}.html").exists()


def test_warnings_report_is_exported_with_a_count_per_warning(ky, warehouse):
    header, rows = _read_csv(ky.out_dir / "EL_Extract_Warnings_and_Errors.csv")
    assert header[:4] == ["Rule ID", "Severity", "Message", "Number of Records"]
    in_file: dict[str, int] = {}
    for row in rows:
        in_file[row["Rule ID"]] = in_file.get(row["Rule ID"], 0) + 1
    assert in_file == dict(warehouse.execute(
        "select rule_id, count(*) from marts.ky_el__warnings group by rule_id").fetchall())
    assert set(in_file) == {"EL-W1", "EL-W2", "EL-W3", "EL-W4"}
    for row in rows:
        assert int(row["Number of Records"]) == in_file[row["Rule ID"]], row["Rule ID"]
    w1_messages = {row["Message"] for row in rows if row["Rule ID"] == "EL-W1"}
    assert w1_messages == {
        "Critical Error: The following records do not have a selection of at least one EL Service type which overlaps "
        "the date range specified in the extract editor. These students will NOT be included in the EL extract. "
        f"(Number of Records: {in_file['EL-W1']})"}
    html = (ky.out_dir / "EL_Extract_Warnings_and_Errors.html").read_text(encoding="utf-8")
    assert f"(Number of Records: {in_file['EL-W1']})" in html and "Number of Records" in html


def _critical_errors_by_person(warehouse) -> dict[int, set[str]]:
    flagged: dict[int, set[str]] = {}
    for person_id, rule_id in warehouse.execute(
        "select p.person_id, w.rule_id from marts.ky_el__warnings as w "
        "inner join staging.stg_sis__person as p on w.state_id = p.state_id "
        "where w.rule_id in ('EL-W1', 'EL-W2', 'EL-W3')"
    ).fetchall():
        flagged.setdefault(person_id, set()).add(rule_id)
    return flagged


def test_critical_error_students_are_in_the_exclusion_ledger_with_the_rule(warehouse):
    """Every W1/W2/W3 student is off both files and on the ledger under a critical error it has (the first of W1, W2,
    W3 that applies); a student with one critical error is on the ledger under exactly that rule."""
    flagged = _critical_errors_by_person(warehouse)
    assert {rule for rules in flagged.values() for rule in rules} == {"EL-W1", "EL-W2", "EL-W3"}
    ledger = {
        (extract_name, person_id): rule_id for extract_name, person_id, rule_id in warehouse.execute(
            "select extract_name, person_id, rule_id from marts.exclusion_ledger "
            "where extract_name = 'EL_Extract_Demographics'").fetchall()
    }
    reported = {row[0] for row in warehouse.execute(
        "select p.person_id from marts.ky_el__demographics as d "
        "inner join staging.stg_sis__person as p on d.state_id = p.state_id").fetchall()}
    services = {row[0] for row in warehouse.execute(
        "select distinct p.person_id from marts.ky_el__services as s "
        "inner join staging.stg_sis__person as p on s.state_id = p.state_id").fetchall()}
    for person_id, rules in flagged.items():
        assert person_id not in reported and person_id not in services, (person_id, rules)
        rule_id = ledger.get(("EL_Extract_Demographics", person_id))
        assert rule_id == min(rules), (person_id, rules, rule_id)
    single = {rules.pop() for rules in flagged.values() if len(rules) == 1}
    assert single == {"EL-W1", "EL-W2", "EL-W3"}
    ledger_rules = {rule for rule in ledger.values()}
    assert {"EL-W1", "EL-W2", "EL-W3"} <= ledger_rules
    reasons = dict(warehouse.execute(
        "select distinct rule_id, severity from marts.exclusion_ledger where rule_id in ('EL-W1', 'EL-W2', 'EL-W3')"
    ).fetchall())
    assert reasons == {"EL-W1": "critical", "EL-W2": "critical", "EL-W3": "critical"}


def test_population_rules_on_the_scenario_students(warehouse):
    """The EL scenario's students land where the spec puts them (names are the scenario's own)."""
    rules = dict(warehouse.execute(
        "select i.last_name, l.rule_id from marts.exclusion_ledger as l "
        "inner join intermediate.int_person__current_identity as i on l.person_id = i.person_id "
        "where l.extract_name = 'EL_Extract_Demographics' and i.first_name = 'Elscenario'").fetchall())
    assert rules == {
        "NoService": "EL-W1", "NoAccommodation": "EL-W2", "EnglishNoAccommodation": "EL-W2", "EnglishHome": "EL-W3",
        "FormerEl": "EL-P1", "PendingStatus": "EL-P4", "NotEnrolled": "EL-P3", "NoShow": "EL-P3",
        "Ungraded": "EL-P2", "UngradedHigh": "EL-P2", "ExcludedCalendar": "EL-P9",
        # Withdrawn and inactive with an Exited EL record: seed 003 keeps withdrawn/inactive students only with status EL.
        "ExitedInRange": "EL-P8-EXITED",
    }
    reported = dict(warehouse.execute(
        "select last_name, migrant from marts.ky_el__demographics where first_name = 'Elscenario'").fetchall())
    assert reported == {
        "OtherLanguage": "N", "NativeLanguage": "Y", "Transferred": "N", "TwoRecords": "N",
        "MigrantFamily": "Y", "MigrantFamilyOlder": "Y", "MigrantExpired": "N",
    }


def test_population_counts(warehouse):
    """Conservation per rule: every candidate is reported or excluded by exactly one rule, and both files are fed."""
    candidates = dict(warehouse.execute(
        "select coalesce(demographics_rule_id, 'reported'), count(*) from intermediate.int_ky_el__candidates "
        "group by 1").fetchall())
    excluded = dict(warehouse.execute(
        "select rule_id, count(*) from marts.ky_el__exclusions where extract_name = 'EL_Extract_Demographics' "
        "group by 1").fetchall())
    reported = warehouse.execute("select count(*) from marts.ky_el__demographics").fetchone()[0]
    assert candidates.pop("reported") == reported > 0
    assert candidates == excluded
    for rule_id in ("EL-P1", "EL-P2", "EL-P3", "EL-P4", "EL-P9", "EL-W1", "EL-W2", "EL-W3"):
        assert excluded.get(rule_id, 0) >= 1, rule_id

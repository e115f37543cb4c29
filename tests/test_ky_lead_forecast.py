"""KECS validation forecast (issue 18): the Kentucky sample's forecast shows every category and reason, the run
summary, --summary-json and the review page carry its counts, and the optional KECS files go through the bad-input
handling (left out, malformed, unknown EPSB ID, unknown grade label)."""

from __future__ import annotations

import csv

import duckdb
import pytest

from conftest import run_cli
from statereport.contract import load_contract, tables_for_state
from statereport.loader import load_district
from test_bad_input import copy_sample, read_rows, stop_message, write_rows

OPTIONAL = ("kecs_credential_permission", "kecs_educator_experience", "kecs_state_course_code", "eerp_job_class")
ERROR_REASONS = {"No EPSB ID Provided", "Invalid EPSB ID", "No Primary Teacher Assigned", "Invalid Course Code",
                 "No Staff Record Found"}
CLEAR_SUB_CATEGORIES = {"Validation not needed", "Teaching Method 02: 3rd Party", "Teaching Method 12: Dual Credit",
                        "Offsite CTE 02", "KTS Exchange Course", "Cleared for content"}


def forecast_rows(database, where: str = "true") -> list[dict]:
    connection = duckdb.connect(str(database), read_only=True)
    try:
        cursor = connection.execute(f"select * from marts.ky_lead__kecs_forecast where {where}")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        connection.close()


def test_the_optional_tables_are_kentucky_only_and_optional():
    contract = load_contract()
    for name in OPTIONAL:
        assert contract[name].optional and contract[name].states == ("ky",)
    assert not any(table.optional for table in tables_for_state("ks"))


def test_every_category_and_reason_appears_in_the_kentucky_sample(ky):
    rows = forecast_rows(ky.database)
    courses = [row for row in rows if row["dashboard"] == "Courses"]
    assert {row["category"] for row in courses} == {"Clear", "Error", "Out of Field", "Not checked"}
    assert ERROR_REASONS <= {row["reason"] for row in courses if row["category"] == "Error"}
    assert CLEAR_SUB_CATEGORIES <= {row["sub_category"] for row in courses if row["category"] == "Clear"}
    out_of_field = [row["reason"] for row in courses if row["category"] == "Out of Field"]
    assert any(reason.startswith("Educator does not have permissions for (") and "grade range" not in reason
               for reason in out_of_field)
    assert any(" within the grade range of " in reason for reason in out_of_field)
    assert "More than 25% of students for the special education course are general population" in out_of_field
    assert "Educator must have 5 years of experience for this course" in out_of_field
    not_checked = {row["missing_input"] for row in courses if row["category"] == "Not checked"}
    assert {"kecs_credential_permission", "kecs_educator_experience"} <= not_checked
    caseload = [row for row in rows if row["dashboard"] == "Case Load"]
    assert {"No Staff Record Found", "No EPSB ID Provided"} <= {row["reason"] for row in caseload}
    assert any(row["reason"].startswith("JobClassCode 0290") and row["category"] == "Error" for row in caseload)
    assert {"Clear", "Error", "Not checked"} <= {row["category"] for row in caseload}
    for row in rows:
        assert row["rule_id"].startswith("LEAD-FORECAST-") and row["how_to_fix"], row


def test_one_row_per_reported_detail_section_and_issues_numbers_agree(ky):
    connection = duckdb.connect(str(ky.database), read_only=True)
    try:
        detail = {row[0] for row in connection.execute("select distinct section_id from marts.ky_lead__detail").fetchall()}
        forecast = [row[0] for row in connection.execute(
            "select section_id from marts.ky_lead__kecs_forecast where dashboard = 'Courses'").fetchall()]
        # Every forecast Error naming an Issues warning has that warning on the Issues report for the same section
        # (section warnings) or teacher (teacher warnings).
        unmatched = connection.execute("""
            select f.section_id, f.issues_warnings from marts.ky_lead__kecs_forecast as f
            where f.category = 'Error' and f.dashboard = 'Courses' and f.issues_warnings is not null and not exists (
                select 1 from marts.ky_lead__issues as i
                where cast(i.warning_number as varchar) = split_part(f.issues_warnings, ',', 1)
                  and (i.section_id = f.section_id or (i.section_id is null and i.person_id = f.educator_person_id)))
        """).fetchall()
    finally:
        connection.close()
    assert sorted(forecast) == sorted(detail)
    assert unmatched == []


def test_summary_line_json_and_review_page_carry_the_counts(ky):
    rows = forecast_rows(ky.database)
    counts = {category: sum(1 for row in rows if row["category"] == category)
              for category in ("Clear", "Error", "Out of Field", "Not checked")}
    line = (f"forecast: {counts['Clear']:,} Clear, {counts['Error']:,} Error, {counts['Out of Field']:,} Out of Field, "
            f"{counts['Not checked']:,} Not checked")
    assert line in ky.stdout
    assert {key: ky.summary["forecast"][key] for key in counts} == counts
    assert sum(ky.summary["forecast"]["by_dashboard"]["Case Load"].values()) == sum(
        1 for row in rows if row["dashboard"] == "Case Load")
    page = ky.review_page.read_text(encoding="utf-8")
    assert 'id="forecast"' in page and line in page and "not KECS's answer" in page


def test_the_export_has_the_documented_headers(ky):
    with (ky.out_dir / "KECS_LEAD_Validation_Forecast.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:3] == ["Date Time Generated", "Dashboard", "End Year"]
    assert {"Category", "Sub-Category", "Reason", "How To Fix", "Issues Warnings", "Missing Input", "Rule ID"} <= set(header)


def test_kansas_has_no_forecast(ks):
    assert ks.summary.get("forecast") is None
    assert "forecast:" not in ks.stdout.split("== KS", 1)[1]


# ---- optional inputs through the bad-input handling ----------------------------------------------------------------

def test_left_out_optional_files_load_as_empty_tables_even_over_an_earlier_load(tmp_path):
    folder = copy_sample(tmp_path / "district")
    database = tmp_path / "wh" / "ky.duckdb"
    load_district(database, folder, "ky")
    for name in OPTIONAL:
        (folder / f"{name}.csv").unlink()
    loaded = {table.table: table.rows for table in load_district(database, folder, "ky")}
    assert {name: loaded[name] for name in OPTIONAL} == {name: 0 for name in OPTIONAL}
    connection = duckdb.connect(str(database), read_only=True)
    counts = {name: connection.execute(f"select count(*) from raw.{name}").fetchone()[0] for name in OPTIONAL}
    types = dict(connection.execute("select column_name, data_type from duckdb_columns() "
                                    "where schema_name = 'raw' and table_name = 'kecs_educator_experience'").fetchall())
    connection.close()
    assert counts == {name: 0 for name in OPTIONAL}, "an earlier load's rows would be read as this district's data"
    assert types == {"epsb_id": "VARCHAR", "years_of_experience": "DECIMAL(5,1)"}


def test_a_malformed_optional_file_stops_with_file_line_and_column(tmp_path):
    folder = copy_sample(tmp_path / "district")
    path = folder / "kecs_educator_experience.csv"
    rows = read_rows(path)
    rows[2]["years_of_experience"] = "five"
    write_rows(path, rows, load_contract()["kecs_educator_experience"].column_names)
    message = stop_message(tmp_path, folder)
    assert "kecs_educator_experience.csv: line 4: column 'years_of_experience'" in message


@pytest.fixture(scope="module")
def partial_inputs(tmp_path_factory):
    """The Kentucky sample without the course catalogue and the EERP job classes, and with a permission for an EPSB ID
    nobody holds and one with a grade KECS does not spell that way."""
    root = tmp_path_factory.mktemp("forecast")
    folder = copy_sample(root / "district")
    (folder / "kecs_state_course_code.csv").unlink()
    (folder / "eerp_job_class.csv").unlink()
    path = folder / "kecs_credential_permission.csv"
    rows = read_rows(path)
    stray = dict(rows[0], epsb_id="999001")
    bad_grade = dict(rows[0], content="Yearbook", low_grade="Grade Nine")
    write_rows(path, [*rows, stray, bad_grade], load_contract()["kecs_credential_permission"].column_names)
    completed = run_cli("run", "--state", "ky", "--data-dir", str(folder), "--warehouse", str(root / "wh"),
                        "--out", str(root / "out"), "--quiet", check=False)
    return {"completed": completed, "database": root / "wh" / "ky.duckdb"}


def test_without_the_catalogue_credential_checks_are_not_checked_never_guessed(partial_inputs):
    assert partial_inputs["completed"].returncode in (0, 6), partial_inputs["completed"].stderr[-3000:]
    rows = forecast_rows(partial_inputs["database"], "dashboard = 'Courses'")
    assert not [row for row in rows if row["sub_category"] in ("Cleared for content", "Grade Range")
                or (row["reason"] or "").startswith("Educator must have")]
    missing = [row for row in rows if row["category"] == "Not checked" and row["missing_input"]]
    assert missing and {row["missing_input"] for row in missing} == {"kecs_state_course_code"}
    assert all("kecs_state_course_code" in row["reason"] for row in missing)
    # Without the catalogue a code is checked by its shape only: the five-digit and empty codes are still errors.
    assert any(row["reason"] == "Invalid Course Code" for row in rows)
    caseload = forecast_rows(partial_inputs["database"], "dashboard = 'Case Load'")
    assert "Clear" not in {row["category"] for row in caseload}
    assert {row["missing_input"] for row in caseload if row["category"] == "Not checked"} == {"eerp_job_class"}


def test_unknown_epsb_id_and_grade_label_are_input_issues(partial_inputs):
    connection = duckdb.connect(str(partial_inputs["database"]), read_only=True)
    issues = connection.execute(
        "select rule_id, table_name, detail from marts.input_issues where rule_id like 'CORE-INPUT-KECS-%' "
        "order by rule_id").fetchall()
    connection.close()
    assert ("CORE-INPUT-KECS-GRADE-LABEL", "kecs_credential_permission",
            "low_grade = 'Grade Nine' is neither a KECS grade label nor a state grade code") in issues
    assert ("CORE-INPUT-KECS-UNKNOWN-EPSB", "kecs_credential_permission",
            "epsb_id = 999001 is not the License Number of any District Employment record") in issues

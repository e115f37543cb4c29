"""The bad-input corpus: small mutations of the Kentucky sample district loaded through --data-dir.

Each case ends one of two ways, decided per case and written in its test:
- STOP: the data cannot be read as the contract says. One line names file, line and column; exit code 2; no stack
  trace; nothing is built. (Missing/empty file, missing/unknown/duplicate column, a value that does not fit its type,
  non-UTF-8 bytes, a duplicated or empty key, a code that lost its leading zero.)
- REPORT: the data can be read but is wrong or risky. The run succeeds and the problem is a row of `input_issues`
  (orphan reference, reversed dates, overlapping enrollments, calendar without instruction, unknown code) or is
  handled safely in the files (quotes/tabs/newlines kept and quoted, formula-like text neutralized in CSV, very long
  values kept). Encoding variants that are still valid (byte-order mark, CRLF, header-only file) load as if clean.

Loader cases run without dbt; the REPORT cases share one mutated district and one run.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import REPO_ROOT, run_cli
from statereport.contract import load_contract
from statereport.loader import InputError, load_district

SAMPLE = REPO_ROOT / "seeds" / "sample_ky"


def copy_sample(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in SAMPLE.glob("ky__*.csv"):
        shutil.copy(path, folder / f"{path.stem[len('ky__'):]}.csv")
    return folder


def read_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict], fieldnames: list[str], line_ending: str = "\n") -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames, lineterminator=line_ending)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def replace_value(folder: Path, table: str, row_index: int, column: str, value: str) -> int:
    """Sets one value; returns the file line it is on (header is line 1)."""
    path = folder / f"{table}.csv"
    rows = read_rows(path)
    rows[row_index][column] = value
    write_rows(path, rows, load_contract()[table].column_names)
    return row_index + 2


@pytest.fixture()
def district(tmp_path) -> Path:
    return copy_sample(tmp_path / "district")


def stop_message(tmp_path: Path, folder: Path) -> str:
    with pytest.raises(InputError) as raised:
        load_district(tmp_path / "wh" / "ky.duckdb", folder, "ky", problems_dir=tmp_path / "problems")
    message = str(raised.value)
    assert "\n" not in message, "the error must be one line"
    return message


# ---- STOP cases: one line naming file, line and column -------------------------------------------------------------

def test_missing_file(tmp_path, district):
    (district / "person.csv").unlink()
    assert "person.csv: missing file; the KY extracts need table 'person'" in stop_message(tmp_path, district)


def test_missing_column(tmp_path, district):
    rows = read_rows(district / "roster.csv")
    names = [c for c in load_contract()["roster"].column_names if c != "end_date"]
    write_rows(district / "roster.csv", [{k: r[k] for k in names} for r in rows], names)
    assert "roster.csv: line 1: column 'end_date' is missing" in stop_message(tmp_path, district)


def test_unknown_column(tmp_path, district):
    rows = read_rows(district / "roster.csv")
    names = [*load_contract()["roster"].column_names, "grade_book_id"]
    write_rows(district / "roster.csv", [{**r, "grade_book_id": "7"} for r in rows], names)
    assert "roster.csv: line 1: column 'grade_book_id' is not in the input contract" in stop_message(tmp_path, district)


def test_duplicated_column_in_header(tmp_path, district):
    text = (district / "term.csv").read_text(encoding="utf-8").splitlines()
    first = text[0].split(",")[0]
    (district / "term.csv").write_text("\n".join([text[0] + "," + first, *[t + "," for t in text[1:]]]) + "\n", encoding="utf-8")
    assert f"term.csv: line 1: column '{first}' appears twice in the header" in stop_message(tmp_path, district)


def test_empty_file(tmp_path, district):
    (district / "section.csv").write_bytes(b"")
    assert "section.csv: line 1: the file is empty" in stop_message(tmp_path, district)


def test_semicolon_delimited_file(tmp_path, district):
    text = (district / "term.csv").read_text(encoding="utf-8")
    (district / "term.csv").write_text(text.replace(",", ";"), encoding="utf-8")
    assert "term.csv: line 1: the header is semicolon-delimited, not comma-delimited" in stop_message(tmp_path, district)


def test_malformed_date(tmp_path, district):
    line = replace_value(district, "enrollment", 4, "start_date", "2024-13-45")
    message = stop_message(tmp_path, district)
    assert f"enrollment.csv: line {line}: column 'start_date': cannot read '2024-13-45' as a date (expected YYYY-MM-DD)" in message


def test_date_in_another_format(tmp_path, district):
    line = replace_value(district, "enrollment", 2, "start_date", "08/14/2024")
    message = stop_message(tmp_path, district)
    assert f"enrollment.csv: line {line}: column 'start_date': cannot read '08/14/2024' as a date (expected YYYY-MM-DD)" in message


def test_non_numeric_id(tmp_path, district):
    line = replace_value(district, "roster", 10, "person_id", "S-1000")
    assert f"roster.csv: line {line}: column 'person_id': cannot read 'S-1000' as a whole number" in stop_message(tmp_path, district)


def test_decimal_in_a_whole_number_column(tmp_path, district):
    line = replace_value(district, "section", 3, "section_id", "12.5")
    assert f"section.csv: line {line}: column 'section_id': cannot read '12.5' as a whole number" in stop_message(tmp_path, district)


def test_yes_in_a_true_false_column(tmp_path, district):
    line = replace_value(district, "calendar", 0, "summer_school", "yes please")
    assert f"calendar.csv: line {line}: column 'summer_school': cannot read 'yes please' as 0/1 or true/false" in stop_message(tmp_path, district)


def test_every_bad_value_of_a_file_is_listed(tmp_path, district):
    replace_value(district, "roster", 3, "start_date", "2024/08/14")
    replace_value(district, "roster", 7, "end_date", "soon")
    message = stop_message(tmp_path, district)
    assert "1 more problem(s) in this file" in message
    problems = read_rows(tmp_path / "problems" / "load_problems_roster.csv")
    assert [(p["line"], p["column"]) for p in problems] == [("5", "start_date"), ("9", "end_date")]


def test_duplicated_primary_key_names_both_lines(tmp_path, district):
    path = district / "enrollment.csv"
    rows = read_rows(path)
    rows.append(dict(rows[5]))
    write_rows(path, rows, load_contract()["enrollment"].column_names)
    message = stop_message(tmp_path, district)
    assert f"enrollment.csv: lines 7 and {len(rows) + 1}: the same key (enrollment_id = {rows[5]['enrollment_id']}) appears twice" in message


def test_empty_primary_key(tmp_path, district):
    line = replace_value(district, "section", 2, "section_id", "")
    assert f"section.csv: line {line}: column 'section_id' is empty, but it identifies the record" in stop_message(tmp_path, district)


def test_code_that_lost_its_leading_zero(tmp_path, district):
    rows = read_rows(district / "grade_level.csv")
    index = next(i for i, r in enumerate(rows) if r["state_grade"].startswith("0"))
    stripped = rows[index]["state_grade"].lstrip("0") or "0"
    line = replace_value(district, "grade_level", index, "state_grade", stripped)
    # One code of the wrong width is listed (CORE-INPUT-CODE-WIDTH) and the load goes on.
    connection = load_ok(tmp_path, district)
    assert connection.execute(
        "select table_name, line, unit, column_name, value, expected_width from raw.load_code_issues").fetchall() == [
        ("grade_level", line, "line", "state_grade", stripped, 2)]


def test_a_whole_column_that_lost_its_leading_zeros_stops_the_load(tmp_path, district):
    rows = read_rows(district / "grade_level.csv")
    for row in rows:
        if row["state_grade"] and row["state_grade"].isdigit():
            row["state_grade"] = str(int(row["state_grade"]))
    write_rows(district / "grade_level.csv", rows, load_contract()["grade_level"].column_names)
    message = stop_message(tmp_path, district)
    assert "column 'state_grade': code" in message and "lost its leading zero, and so did the whole column" in message


def test_a_parquet_code_of_the_wrong_width_is_listed_not_silent(tmp_path, district):
    rows = read_rows(district / "grade_level.csv")
    index = next(i for i, r in enumerate(rows) if r["state_grade"].startswith("0"))
    replace_value(district, "grade_level", index, "state_grade", "7")
    connection = duckdb.connect()
    connection.execute(f"copy (select * from read_csv('{district / 'grade_level.csv'}', all_varchar = true)) "
                       f"to '{district / 'grade_level.parquet'}' (format parquet)")
    (district / "grade_level.csv").unlink()
    loaded = load_ok(tmp_path, district)
    assert loaded.execute("select line, unit, value from raw.load_code_issues").fetchall() == [(index + 1, "row", "7")]


def test_non_utf8_bytes(tmp_path, district):
    path = district / "identity.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b",", "Mu\u00f1oz,".encode("latin-1"), 1)  # a Latin-1 n-tilde inside the line
    path.write_bytes(b"\n".join(lines))
    message = stop_message(tmp_path, district)
    assert "identity.csv: line 4" in message and "UTF-8" in message


def test_unquoted_comma_gives_too_many_columns(tmp_path, district):
    path = district / "term.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2] + ",extra"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert "term.csv: line 3: too many columns on this line" in stop_message(tmp_path, district)


def test_birth_date_is_never_echoed(tmp_path, district):
    line = replace_value(district, "identity", 1, "birthdate", "03/09/1985")
    message = stop_message(tmp_path, district)
    assert f"identity.csv: line {line}: column 'birthdate': cannot read the value as a date" in message
    assert "1985" not in message


def test_parquet_value_that_does_not_fit(tmp_path, district):
    line = replace_value(district, "term", 1, "start_date", "not a date")
    connection = duckdb.connect()
    connection.execute(f"copy (select * from read_csv('{district / 'term.csv'}', all_varchar = true)) to '{district / 'term.parquet'}' (format parquet)")
    (district / "term.csv").unlink()
    message = stop_message(tmp_path, district)
    assert f"term.parquet: row {line - 1}: column 'start_date': cannot read 'not a date' as a date" in message


def test_command_line_stops_with_one_line_and_exit_code_2(tmp_path, district):
    replace_value(district, "enrollment", 2, "start_date", "08/14/2024")
    completed = run_cli("run", "--state", "ky", "--data-dir", str(district), "--warehouse", str(tmp_path / "wh"),
                        "--out", str(tmp_path / "out"), check=False)
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr + completed.stdout
    errors = [line for line in completed.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "enrollment.csv: line 4: column 'start_date'" in errors[0]
    assert not (tmp_path / "out" / "ky").exists(), "nothing is written when the input is refused"


# ---- valid variants: load as if clean ------------------------------------------------------------------------------

def load_ok(tmp_path: Path, folder: Path) -> duckdb.DuckDBPyConnection:
    database = tmp_path / "ok" / "ky.duckdb"
    load_district(database, folder, "ky")
    return duckdb.connect(str(database), read_only=True)


def test_byte_order_mark_is_accepted(tmp_path, district):
    path = district / "person.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    connection = load_ok(tmp_path, district)
    assert connection.execute("select count(*) from raw.person where person_id is not null").fetchone()[0] == len(read_rows(SAMPLE / "ky__person.csv"))


def test_crlf_line_ends_are_accepted(tmp_path, district):
    path = district / "roster.csv"
    rows = read_rows(path)
    write_rows(path, rows, load_contract()["roster"].column_names, line_ending="\r\n")
    connection = load_ok(tmp_path, district)
    assert connection.execute("select count(*) from raw.roster").fetchone()[0] == len(rows)
    assert connection.execute("select count(*) from raw.roster where cast(end_date as varchar) like '%\r%'").fetchone()[0] == 0


def test_header_only_file_is_an_empty_table(tmp_path, district):
    write_rows(district / "foster_care.csv", [], load_contract()["foster_care"].column_names)
    connection = load_ok(tmp_path, district)
    assert connection.execute("select count(*) from raw.foster_care").fetchone()[0] == 0


def test_a_100000_character_value_is_kept_whole(tmp_path, district):
    replace_value(district, "course", 0, "name", "x" * 100_000)
    connection = load_ok(tmp_path, district)
    assert connection.execute("select max(length(name)) from raw.course").fetchone()[0] == 100_000


# ---- REPORT cases: one mutated district, one run -------------------------------------------------------------------

TRICKY_NAMES = {
    "quotes": 'O"Brien, "Junior"',
    "tab": "Tab\tName",
    "newline": "Two\nLines",
    "formula_equals": '=HYPERLINK("http://x")',
    "formula_plus": "+SUM(A1)",
    "formula_at": "@cmd",
    "formula_minus": "-2+3",
}


@pytest.fixture(scope="module")
def reported_district(tmp_path_factory):
    root = tmp_path_factory.mktemp("reported")
    folder = copy_sample(root / "district")
    contract = load_contract()

    roster = read_rows(folder / "roster.csv")
    orphan = dict(roster[0], roster_id="999999001", section_id="999999")
    write_rows(folder / "roster.csv", [*roster, orphan], contract["roster"].column_names)

    enrollments = read_rows(folder / "enrollment.csv")
    reversed_row = next(r for r in enrollments if r["end_date"])
    reversed_row["end_date"], reversed_row["start_date"] = reversed_row["start_date"], reversed_row["end_date"]
    if reversed_row["end_date"] == reversed_row["start_date"]:
        reversed_row["end_date"] = "2000-01-01"
    overlap_source = next(r for r in enrollments if r["service_type"] == "P" and r["no_show"] == "false" and r is not reversed_row)
    overlapping = dict(overlap_source, enrollment_id="999999002")
    implausible = next(r for r in enrollments if r is not reversed_row and r is not overlap_source and r["end_date"])
    implausible["end_date"] = "9999-08-14"
    write_rows(folder / "enrollment.csv", [*enrollments, overlapping], contract["enrollment"].column_names)

    calendars = read_rows(folder / "calendar.csv")
    empty_calendar = dict(calendars[0], calendar_id="999999003", name="Calendar without days")
    write_rows(folder / "calendar.csv", [*calendars, empty_calendar], contract["calendar"].column_names)

    courses = read_rows(folder / "course.csv")
    courses[1]["teaching_method"] = "ZZ"
    courses[2]["name"] = "Long " + "y" * 100_000
    courses[3]["name"] = "Alge\x00bra\x07 I\x1b"
    five_digit = next(row for index, row in enumerate(courses) if index > 3 and row["state_code"])
    five_digit["state_code"] = five_digit["state_code"][:5]
    write_rows(folder / "course.csv", courses, contract["course"].column_names)

    identities = read_rows(folder / "identity.csv")
    names = list(TRICKY_NAMES.values())
    for index, identity in enumerate(identities):
        identity["last_name"] = names[index % len(names)]
    write_rows(folder / "identity.csv", identities, contract["identity"].column_names)

    write_rows(folder / "foster_care.csv", [], contract["foster_care"].column_names)

    completed = run_cli("run", "--state", "ky", "--data-dir", str(folder), "--warehouse", str(root / "wh"),
                        "--out", str(root / "out"), check=False)
    return {
        "completed": completed,
        "database": root / "wh" / "ky.duckdb",
        "out": root / "out" / "ky",
        "reversed_enrollment": reversed_row["enrollment_id"],
        "overlap": (overlap_source["enrollment_id"], "999999002"),
        "implausible_enrollment": implausible["enrollment_id"],
        "control_course": courses[3]["course_id"],
        "five_digit_course": (courses.index(five_digit) + 2, five_digit["course_id"], five_digit["state_code"]),
    }


def input_issues(reported_district, rule_id: str) -> list[tuple]:
    connection = duckdb.connect(str(reported_district["database"]), read_only=True)
    return connection.execute(
        "select table_name, record_key, detail from marts.input_issues where rule_id = ? order by record_key", [rule_id]
    ).fetchall()


def test_the_run_succeeds_and_writes_its_files(reported_district):
    completed = reported_district["completed"]
    assert completed.returncode in (0, 6), completed.stderr[-3000:]  # 6: critical warnings present, still written
    assert "Traceback" not in completed.stderr
    assert any(reported_district["out"].glob("*.csv"))


def test_orphan_roster_row_is_an_input_issue(reported_district):
    rows = input_issues(reported_district, "CORE-INPUT-ORPHAN-REFERENCE")
    assert ("roster", "999999001", "section_id = 999999 has no section.section_id") in rows


def test_enrollment_ending_before_it_starts_is_an_input_issue(reported_district):
    rows = input_issues(reported_district, "CORE-INPUT-REVERSED-DATES")
    assert any(table == "enrollment" and key == reported_district["reversed_enrollment"] for table, key, _ in rows)


def test_overlapping_enrollments_are_an_input_issue(reported_district):
    first, second = reported_district["overlap"]
    rows = input_issues(reported_district, "CORE-INPUT-OVERLAPPING-ENROLLMENTS")
    assert any(key == f"{first}|{second}" for _, key, _ in rows)


def test_calendar_without_instructional_days_is_an_input_issue(reported_district):
    rows = input_issues(reported_district, "CORE-INPUT-CALENDAR-WITHOUT-INSTRUCTION")
    assert any(key == "999999003" for _, key, _ in rows)


def test_unknown_code_is_an_input_issue(reported_district):
    rows = input_issues(reported_district, "CORE-INPUT-UNKNOWN-CODE")
    assert any(table == "course" and detail == "teaching_method = ZZ is not in the code list" for table, _, detail in rows)


def test_names_with_quotes_tabs_and_newlines_are_kept_exactly(reported_district):
    connection = duckdb.connect(str(reported_district["database"]), read_only=True)
    stored = {row[0] for row in connection.execute("select last_name from raw.identity").fetchall()}
    assert set(TRICKY_NAMES.values()) <= stored


def test_every_csv_parses_back_with_its_header_width(reported_district):
    for path in reported_district["out"].glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows, path.name
        assert {len(row) for row in rows} == {len(rows[0])}, path.name


def test_no_csv_cell_starts_a_spreadsheet_formula(reported_district):
    seen_neutralized = False
    for path in reported_district["out"].glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not (cell[:1] in ("=", "+", "@", "\t", "\r") or (cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit())), (path.name, cell)
                    seen_neutralized |= cell in ("'" + TRICKY_NAMES["formula_equals"], "'" + TRICKY_NAMES["formula_plus"])
    assert seen_neutralized, "a formula-like name should appear (neutralized) in at least one export"


def test_an_implausible_date_is_an_input_issue_and_the_record_is_kept(reported_district):
    rows = input_issues(reported_district, "CORE-INPUT-IMPLAUSIBLE-DATE")
    key = reported_district["implausible_enrollment"]
    assert ("enrollment", key, "end_date = 9999-08-14 is before 1900 or after 2100") in rows
    connection = duckdb.connect(str(reported_district["database"]), read_only=True)
    assert connection.execute("select count(*) from staging.stg_sis__enrollment where enrollment_id = ?",
                              [int(key)]).fetchone()[0] == 1


def test_control_characters_are_listed_and_never_written_into_any_export(reported_district):
    rows = input_issues(reported_district, "CORE-INPUT-CONTROL-CHARACTERS")
    assert ("course", reported_district["control_course"], "name holds control characters (removed in every export)") in rows
    controls = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
    for path in reported_district["out"].iterdir():
        data = path.read_bytes()
        assert not any(byte in controls for byte in set(data)), f"{path.name} holds a control character"
    connection = duckdb.connect(str(reported_district["database"]), read_only=True)
    name = connection.execute("select name from staging.stg_sis__course where course_id = ?",
                              [int(reported_district["control_course"])]).fetchone()[0]
    assert name == "Algebra I"


def test_a_code_of_the_wrong_width_is_an_input_issue_and_the_run_goes_on(reported_district):
    line, _, code = reported_district["five_digit_course"]
    rows = input_issues(reported_district, "CORE-INPUT-CODE-WIDTH")
    assert any(table == "course" and key == str(line) and f"line {line}: column 'state_code' = '{code}' is 5 digits; "
               f"the code is text of 6 digits (e.g. '0{code}')" in detail for table, key, detail in rows), rows
    assert reported_district["completed"].returncode in (0, 6)

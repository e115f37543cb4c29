"""Issue 17 item 13: the editors' ad hoc filter, `--students FILE` (seed 004 Report Logic: students report "if they are
also included in any Ad hoc filter"). The file is checked before anything is built; every extract reports only the
listed students and the ledger names the others; an id not in the data is an input issue."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from statereport.loader import InputError
from statereport.student_filter import read_student_filter
from statereport.summary import EXIT_BAD_INPUT

from conftest import run_cli


def _write(tmp_path: Path, text: str, name: str = "students.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_reads_person_ids_and_state_ids(tmp_path):
    by_person = read_student_filter(_write(tmp_path, "person_id\r\n12\r\n\r\n900000001\r\n"))
    assert by_person.key == "person_id" and by_person.rows == ((2, "12"), (4, "900000001"))
    by_state = read_student_filter(_write(tmp_path, "\ufeffState_ID\nKY-0001\n7818244404\n", "s.csv"))
    assert by_state.key == "state_id" and by_state.rows == ((2, "KY-0001"), (3, "7818244404"))


@pytest.mark.parametrize("text, message", [
    ("student\n1\n", "line 1: header 'student' is not one column named person_id or state_id"),
    ("person_id,state_id\n1,2\n", "line 1: header 'person_id,state_id'"),
    ("person_id\n1\n2\n1\n", "line 4: column 'person_id' = '1' is listed twice (first on line 2)"),
    ("person_id\n12x\n", "line 2: column 'person_id' = '12x' is not a whole number"),
    ("state_id\nab cd\n", "line 2: column 'state_id' = 'ab cd' is not a state id"),
    ("person_id\n1,2\n", "line 2: 2 columns"),
    ("person_id\n\n", "lists no student"),
    ("", "line 1: the --students file is empty"),
])
def test_bad_files_are_one_line_naming_file_line_and_column(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as raised:
        read_student_filter(path)
    assert str(raised.value).startswith(f"{path}: ") and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(InputError, match="--students file not found"):
        read_student_filter(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="not UTF-8"):
        read_student_filter(_write(tmp_path, "person_id\n1\n", encoding="utf-16"))


@pytest.mark.parametrize("args, message", [
    (["--students", "{bad}"], "is listed twice"),
    (["--var", "adhoc_students_filter=true"], "no --students FILE is given"),
])
def test_a_bad_filter_stops_the_run_before_anything_is_built(tmp_path, args, message):
    bad = _write(tmp_path, "person_id\n5\n5\n")
    warehouse = tmp_path / "wh"
    completed = run_cli("run", *[arg.replace("{bad}", str(bad)) for arg in args], "--warehouse", str(warehouse),
                        "--out", str(tmp_path / "out"), "--quiet", check=False)
    assert completed.returncode == EXIT_BAD_INPUT
    assert len(completed.stderr.strip().splitlines()) == 1 and message in completed.stderr
    assert not list(warehouse.glob("*.duckdb")), "nothing may be built for a mistaken option"


def test_every_extract_reports_only_the_listed_students(built_states, tmp_path):
    """One run of both samples with a filter of state ids: two LEAD students, one EL student, two KIDS students and
    an id no one has. Each extract reports only them; the ledger names the rest; sections keep reporting."""
    ky_out, ks_out = built_states["ky"].out_dir, built_states["ks"].out_dir
    lead = _rows(ky_out / "KECS_LEAD_Detail.csv")
    lead_ids = sorted({row["State ID"] for row in lead if row["State ID"]})[:2]
    el_ids = sorted({row["State ID"] for row in _rows(ky_out / "EL_Extract_Demographics.csv")} - set(lead_ids))[:1]
    kids_ids = sorted({row["State Student Identifier"] for row in _rows(ks_out / "KIDS_ENRL.csv")} - {""})[:2]
    listed = [*lead_ids, *el_ids, *kids_ids]
    students = _write(tmp_path, "state_id\n" + "".join(f"{value}\n" for value in [*listed, "NO-SUCH-ID"]))
    out = tmp_path / "out"
    run_cli("run", "--students", str(students), "--warehouse", str(tmp_path / "wh"), "--out", str(out), "--quiet")
    # A fresh warehouse folder: the reference seed tables came from the session build's (conftest's lender), not dbt.
    for state in ("ky", "ks"):
        assert "seed file reference." not in (tmp_path / "wh" / "logs" / state / "dbt.log").read_text(encoding="utf-8")

    filtered_lead = _rows(out / "ky" / "KECS_LEAD_Detail.csv")
    assert set(lead_ids) <= {row["State ID"] for row in filtered_lead if row["State ID"]} <= set(listed)
    # sections are not filtered: every section still reports (as an empty roster when no listed student is on it)
    assert {row["Section ID"] for row in filtered_lead} == {row["Section ID"] for row in lead}
    el_reported = {row["State ID"] for row in _rows(out / "ky" / "EL_Extract_Demographics.csv")}
    assert set(el_ids) <= el_reported <= set(listed)
    for kids_file in ("KIDS_ENRL", "KIDS_EOYA", "KIDS_QERY"):
        reported = {row["State Student Identifier"] for row in _rows(out / "ks" / f"{kids_file}.csv")}
        assert reported and reported <= set(listed), kids_file
    assert set(kids_ids) <= {row["State Student Identifier"] for row in _rows(out / "ks" / "KIDS_ENRL.csv")}

    ky_rules = {row["rule_id"] for row in _rows(out / "ky" / "Exclusion_Ledger.csv")}
    ks_rules = {row["rule_id"] for row in _rows(out / "ks" / "Exclusion_Ledger.csv")}
    assert {"LEAD-DETAIL-POP-ADHOC-FILTER", "EL-EDITOR-ADHOC-FILTER"} <= ky_rules
    assert {"KIDS-ENRL-ADHOC-FILTER", "KIDS-EOYA-ADHOC-FILTER"} <= ks_rules
    for state, foreign in (("ky", kids_ids), ("ks", [*lead_ids, *el_ids])):
        unknown = [row for row in _rows(out / state / "Input_Issues.csv")
                   if row["rule_id"] == "CORE-INPUT-ADHOC-UNKNOWN-STUDENT"]
        named = {row["detail"].split("state_id ")[1].split(" ")[0] for row in unknown}
        assert named == {"NO-SUCH-ID", *foreign}, state

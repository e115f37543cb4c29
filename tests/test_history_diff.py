"""Run history and submission diff, end to end (issue 20's Done-when): a small generated Kentucky district is run, marked
submitted, changed (an enrollment dropped, a grade changed, a student added, a student made a no-show so a rule
excludes them) and run again; Submission_Diff.csv must show each change with its reason. Two LEAD-only runs of a
40-student district keep it to about a minute."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli

DETAIL = "KECS_LEAD_Detail"


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _students_with_one_enrollment(detail: list[dict], enrollments: list[dict]) -> list[tuple[str, str]]:
    """(state id, enrollment id) of reported students whose Detail rows all use one enrollment, the person's only
    enrollment of the current year, so changing that enrollment changes only them."""
    used: dict[str, set[str]] = {}
    for row in detail:
        if row["State ID"]:
            used.setdefault(row["State ID"], set()).add(row["EnrollmentID"])
    per_person: dict[str, int] = {}
    for row in enrollments:
        if row["end_year"] == "2025":
            per_person[row["person_id"]] = per_person.get(row["person_id"], 0) + 1
    by_id = {row["enrollment_id"]: row for row in enrollments}
    chosen = []
    for state_id, enrollment_ids in sorted(used.items()):
        if len(enrollment_ids) != 1:
            continue
        enrollment = by_id.get(next(iter(enrollment_ids)))
        if enrollment is not None and per_person.get(enrollment["person_id"]) == 1:
            chosen.append((state_id, enrollment["enrollment_id"]))
    return chosen


def _history(warehouse: Path) -> list[dict]:
    completed = run_cli("history", "--state", "ky", "--warehouse", str(warehouse), "--json")
    return json.loads(completed.stdout)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("history")
    district, warehouse, out = root / "district", root / "warehouse", root / "out"
    subprocess.run([sys.executable, "-m", "statereport.generator", "--state", "ky", "--students", "40", "--seed", "7",
                    "--out", str(district), "--quiet"], cwd=REPO_ROOT, check=True)
    common = ["--state", "ky", "--extract", "lead", "--data-dir", str(district), "--warehouse", str(warehouse),
              "--out", str(out), "--quiet"]
    run_cli("run", *common)
    first = _history(warehouse)
    marked = run_cli("mark-submitted", first[0]["run_id"][:18], "--warehouse", str(warehouse))

    _, detail = _read(out / "ky" / f"{DETAIL}.csv")
    enrollment_fields, enrollments = _read(district / "enrollment.csv")
    chosen = _students_with_one_enrollment(detail, enrollments)
    assert len(chosen) >= 4, "the generated district has too few simple students for the test"
    (dropped, dropped_enrollment), (regraded, regraded_enrollment), (no_show, no_show_enrollment), (copied, _) = chosen[:4]
    person_fields, people = _read(district / "person.csv")
    person_of = {row["state_id"]: row["person_id"] for row in people if row["state_id"]}
    old_grade = next(row["grade"] for row in enrollments if row["enrollment_id"] == regraded_enrollment)
    new_grade = "05" if old_grade != "05" else "06"

    kept = []
    for row in enrollments:
        if row["enrollment_id"] == dropped_enrollment:
            continue  # the dropped enrollment
        if row["enrollment_id"] == regraded_enrollment:
            row = {**row, "grade": new_grade}
        if row["enrollment_id"] == no_show_enrollment:
            row = {**row, "no_show": "true"}
        kept.append(row)
    # The added student: a copy of one reported student (person, identity, enrollments, rosters) under new ids.
    source_person = person_of[copied]
    new_person, new_state_id = "1999999", "9999999999"
    kept += [{**row, "person_id": new_person, "enrollment_id": str(9000000 + index)}
             for index, row in enumerate(enrollments) if row["person_id"] == source_person]
    _write(district / "enrollment.csv", enrollment_fields, kept)
    source = next(row for row in people if row["person_id"] == source_person)
    _write(district / "person.csv", person_fields,
           people + [{**source, "person_id": new_person, "state_id": new_state_id, "current_identity_id": "2999999"}])
    identity_fields, identities = _read(district / "identity.csv")
    _write(district / "identity.csv", identity_fields,
           identities + [{**row, "person_id": new_person, "identity_id": "2999999"}
                         for row in identities if row["person_id"] == source_person][:1])
    roster_fields, rosters = _read(district / "roster.csv")
    _write(district / "roster.csv", roster_fields,
           rosters + [{**row, "person_id": new_person, "roster_id": str(9000000 + index)}
                      for index, row in enumerate(rosters) if row["person_id"] == source_person])

    summary_path = root / "summary.json"
    second = run_cli("run", *common, "--keep-runs", "1", "--summary-json", str(summary_path))
    _, diff_rows = _read(out / "ky" / "Submission_Diff.csv")
    _, ledger = _read(out / "ky" / "Exclusion_Ledger.csv")
    return {
        "warehouse": warehouse, "out": out, "first": first, "marked": marked, "second": second,
        "summary": json.loads(summary_path.read_text(encoding="utf-8")), "diff": diff_rows, "ledger": ledger,
        "detail_before": detail, "dropped": dropped, "regraded": regraded, "old_grade": old_grade,
        "new_grade": new_grade, "no_show": no_show, "copied": copied, "new_state_id": new_state_id,
        "person_of": person_of,
    }


def _detail_rows(two_runs, change: str, state_id: str) -> list[dict]:
    return [row for row in two_runs["diff"] if row["File"] == DETAIL and row["Change"] == change
            and f"State ID={state_id};" in row["Record Key"]]


def _sections(rows: list[dict], state_id: str) -> set[str]:
    return {row["Section ID"] for row in rows if row["State ID"] == state_id}


def test_dropped_enrollment_is_removed_with_the_newer_ledger_rule(two_runs):
    dropped = two_runs["dropped"]
    removed = _detail_rows(two_runs, "removed", dropped)
    assert {row["Record Key"].split("Section ID=")[1].split(";")[0] for row in removed} == \
        _sections(two_runs["detail_before"], dropped)
    person = two_runs["person_of"][dropped]
    rules = {row["rule_id"] for row in two_runs["ledger"] if row["extract_name"] == DETAIL and row["person_id"] == person}
    assert rules, "the dropped enrollment's student is rostered, so the newer ledger names a rule"
    for row in removed:
        assert row["Reason"].startswith("excluded by LEAD-DETAIL-POP-")
        assert any(rule in row["Reason"] for rule in rules)


def test_rule_excluded_student_is_removed_with_the_rule(two_runs):
    no_show = two_runs["no_show"]
    removed = _detail_rows(two_runs, "removed", no_show)
    assert len(removed) == len(_sections(two_runs["detail_before"], no_show)) > 0
    assert all(row["Reason"].startswith("excluded by LEAD-DETAIL-POP-NOSHOW: ") for row in removed)


def test_changed_grade_is_one_field_with_before_and_after(two_runs):
    regraded = two_runs["regraded"]
    changed = _detail_rows(two_runs, "changed", regraded)
    assert changed, "the regraded student's rows are changed"
    assert {row["Field"] for row in changed} == {"Grade"}
    reported_before = {row["Grade"] for row in two_runs["detail_before"] if row["State ID"] == regraded}
    # The Detail reports the state grade (KG is 00); grades 01-12 are their own state code.
    assert {(row["Before"], row["After"]) for row in changed} == {(reported_before.pop(), two_runs["new_grade"])}
    assert len(changed) == len(_sections(two_runs["detail_before"], regraded))


def test_added_student_is_new_in_the_data(two_runs):
    added = _detail_rows(two_runs, "added", two_runs["new_state_id"])
    assert len(added) == len(_sections(two_runs["detail_before"], two_runs["copied"])) > 0
    assert {row["Reason"] for row in added} == {"new in the district's data"}


def test_nothing_else_changed_in_the_detail(two_runs):
    touched = {two_runs["dropped"], two_runs["regraded"], two_runs["no_show"], two_runs["new_state_id"]}
    others = [row for row in two_runs["diff"] if row["File"] == DETAIL
              and not any(f"State ID={state_id};" in row["Record Key"] for state_id in touched)]
    assert others == []


def test_counts_in_summary_json_and_run_output(two_runs):
    diff = two_runs["summary"]["states"][0]["diff"]
    assert diff["baseline"] == "submitted"
    assert diff["from_run"] == two_runs["first"][0]["run_id"]
    detail = next(one for one in diff["files"] if one["file_name"] == DETAIL)
    rows = [row for row in two_runs["diff"] if row["File"] == DETAIL]
    assert detail["removed"] == sum(row["Change"] == "removed" for row in rows)
    assert detail["added"] == sum(row["Change"] == "added" for row in rows)
    assert detail["changed_fields"] == sum(row["Change"] == "changed" for row in rows)
    assert f"vs submitted run {two_runs['first'][0]['run_id']}: {diff['added']:,} added" in two_runs["second"].stdout
    assert (two_runs["out"] / "ky" / "Submission_Diff.html").exists()
    page = (two_runs["out"] / "ky" / "review.html").read_text(encoding="utf-8")
    assert '<section id="diff">' in page and f'data-file="{DETAIL}"' in page


def test_history_mark_submitted_and_keep_runs(two_runs):
    first = two_runs["first"]
    assert len(first) == 1 and first[0]["submitted"] is None
    assert first[0]["input_fingerprint"] and first[0]["project_version"] and first[0]["vars"]["state"] == "ky"
    assert "marked submitted" in two_runs["marked"].stdout
    runs = _history(two_runs["warehouse"])
    # --keep-runs 1 keeps the newest run and, though older, the submitted one.
    assert [run["run_id"] for run in runs][0] == first[0]["run_id"] and len(runs) == 2
    assert runs[0]["submitted"] is not None and runs[1]["submitted"] is None
    table = run_cli("history", "--state", "ky", "--warehouse", str(two_runs["warehouse"])).stdout
    assert first[0]["run_id"] in table and "yes" in table


def test_diff_command_same_run_is_empty_and_previous_matches_run(two_runs, tmp_path):
    runs = _history(two_runs["warehouse"])
    latest = runs[-1]["run_id"]
    same = run_cli("diff", "--state", "ky", "--warehouse", str(two_runs["warehouse"]), "--from", latest,
                   "--to", latest, "--out", str(tmp_path))
    assert "0 added, 0 removed, 0 changed" in same.stdout
    _, rows = _read(tmp_path / "ky" / "Submission_Diff.csv")
    assert rows == []
    summary = tmp_path / "diff.json"
    run_cli("diff", "--state", "ky", "--warehouse", str(two_runs["warehouse"]), "--out", str(tmp_path),
            "--summary-json", str(summary))
    _, default_rows = _read(tmp_path / "ky" / "Submission_Diff.csv")
    assert default_rows == two_runs["diff"]
    assert json.loads(summary.read_text())["states"][0]["diff"]["baseline"] == "submitted"


def test_unknown_run_id_is_exit_2(two_runs):
    completed = run_cli("mark-submitted", "nope", "--warehouse", str(two_runs["warehouse"]), check=False)
    assert completed.returncode == 2 and "no run" in completed.stderr

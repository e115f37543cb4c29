"""The run history and the diff on hand-made runs (no dbt): reasons for removed and added records, key pairing,
ignored fields, --keep-runs pruning, partial runs and the default baseline."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from statereport import diff as diff_module
from statereport.history import (
    LEDGER_FILE,
    PARTIAL_PREFIX,
    PEOPLE_FILE,
    RUN_FILE,
    HistoryError,
    file_fingerprint,
    find_run,
    list_runs,
    mark_submitted,
    prune,
    resolve_pair,
)

COLUMNS = [["date_time_generated", "Date Time Generated"], ["state_id", "State ID"], ["section_id", "Section ID"],
           ["grade", "Grade"]]
SPEC = {"file_name": "Detail", "model": "detail", "record_key": ["state_id", "section_id"],
        "ledger_match": {"state_id": "state_id", "section_id": "section_id"}, "columns": COLUMNS}


def _parquet(path: Path, columns: list[str], rows: list[tuple]) -> None:
    connection = duckdb.connect()
    select = ", ".join(f"cast(null as varchar) as {name}" for name in columns)
    connection.execute(f"create table t as select {select} where false")
    if rows:
        connection.executemany(f"insert into t values ({', '.join('?' for _ in columns)})", rows)
    connection.execute(f"copy t to '{path}' (format parquet, compression zstd)")
    connection.close()


def make_run(root: Path, run_id: str, records: list[tuple], people: list[tuple], ledger: list[tuple] = (),
             submitted: bool = False) -> Path:
    folder = root / "history" / "ky" / run_id
    folder.mkdir(parents=True)
    _parquet(folder / "Detail.parquet", [name for name, _ in COLUMNS], records)
    _parquet(folder / PEOPLE_FILE, ["person_id", "state_id", "student_number"], people)
    _parquet(folder / LEDGER_FILE, ["extract_name", "record_key", "person_id", "section_id", "staff_person_id",
                                    "rule_id", "reason", "detail"], list(ledger))
    info = {"run_id": run_id, "state": "ky", "time": run_id, "vars": {}, "project_version": "test",
            "input_fingerprint": run_id, "files": [{**SPEC, "rows": len(records), "parquet": "Detail.parquet"}]}
    (folder / RUN_FILE).write_text(json.dumps(info), encoding="utf-8")
    if submitted:
        (folder / "submitted.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.fixture
def diffed(tmp_path):
    people = [("1", "A1", "n1"), ("2", "B2", "n2"), ("3", "C3", "n3"), ("4", "D4", "n4"), ("5", "E5", "n5")]
    make_run(tmp_path, "20250101T000000Z-aaaaaa", [
        ("01/01/2025 08:00", "A1", "10", "05"),  # stays, unchanged but for the stamp
        ("01/01/2025 08:00", "B2", "10", "05"),  # person leaves the data
        ("01/01/2025 08:00", "C3", "10", "05"),  # excluded by a rule in the newer run
        ("01/01/2025 08:00", "D4", "10", "05"),  # person stays, record no longer selected, no rule
        ("01/01/2025 08:00", "A1", "20", "05"),  # one key twice (identical records pair first)
        ("01/01/2025 08:00", "A1", "20", "06"),
    ], people, ledger=[("Detail", "30|5", "5", "30", None, "RULE-OLD", "Was excluded.", "")])
    make_run(tmp_path, "20250201T000000Z-bbbbbb", [
        ("02/01/2025 09:30", "A1", "10", "05"),
        ("02/01/2025 09:30", "A1", "20", "05"),
        ("02/01/2025 09:30", "A1", "20", "07"),
        ("02/01/2025 09:30", "E5", "30", "05"),  # the older run's rule no longer applies
        ("02/01/2025 09:30", "F6", "10", "05"),  # new in the data
    ], [("1", "A1", "n1"), ("3", "C3", "n3"), ("4", "D4", "n4"), ("5", "E5", "n5"), ("6", "F6", "n6")],
        ledger=[("Detail", "10|3", "3", "10", None, "RULE-NEW", "Now excluded.", "")])
    older, newer = resolve_pair(tmp_path, "ky", None, None)
    result = diff_module.compare(older, newer, tmp_path / "out")
    with open(result.csv_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return result, rows


def _reason(rows, change, state_id):
    (row,) = [row for row in rows if row["Change"] == change and f"State ID={state_id};" in row["Record Key"]]
    return row["Reason"]


def test_removed_reasons(diffed):
    _, rows = diffed
    assert _reason(rows, "removed", "B2") == diff_module.GONE
    assert _reason(rows, "removed", "C3") == "excluded by RULE-NEW: Now excluded."
    assert _reason(rows, "removed", "D4") == diff_module.GONE_FROM_FILE


def test_added_reasons(diffed):
    _, rows = diffed
    assert _reason(rows, "added", "E5") == "RULE-OLD: Was excluded. (no longer applies)"
    assert _reason(rows, "added", "F6") == diff_module.NEW


def test_changed_fields_pair_equal_keys_in_order_and_ignore_the_stamp(diffed):
    result, rows = diffed
    changed = [row for row in rows if row["Change"] == "changed"]
    assert [(row["Record Key"], row["Field"], row["Before"], row["After"]) for row in changed] == [
        ("State ID=A1; Section ID=20", "Grade", "06", "07")]
    (detail,) = result.files
    assert (detail.added, detail.removed, detail.changed, detail.changed_fields) == (2, 3, 1, 1)


def test_same_run_is_an_empty_diff(tmp_path):
    make_run(tmp_path, "20250101T000000Z-aaaaaa", [("x", "A1", "10", "05")], [("1", "A1", "n1")])
    run = find_run(tmp_path, "20250101T000000Z-aaaaaa", "ky")
    result = diff_module.compare(run, run, tmp_path / "out")
    assert result.totals() == {"added": 0, "removed": 0, "changed": 0, "changed_fields": 0}


def test_a_first_run_counts_every_record_added_without_matching_them(tmp_path, monkeypatch):
    records = [("x", "A1", "10", "05"), ("x", "A2", "10", "06"), ("x", "A2", "10", "06")]
    make_run(tmp_path, "20250101T000000Z-aaaaaa", records, [("1", "A1", "n1")])
    run = find_run(tmp_path, "20250101T000000Z-aaaaaa", "ky")
    full = diff_module.compare(None, run, tmp_path / "out")  # with an out folder the records are matched one by one
    monkeypatch.setattr(diff_module, "_file_diff", lambda *args: pytest.fail("a first run matched its records"))
    counted = diff_module.compare(None, run)
    assert [vars(one) for one in counted.files] == [vars(one) for one in full.files]
    assert counted.totals() == {"added": 3, "removed": 0, "changed": 0, "changed_fields": 0}
    assert counted.from_run is None


def test_default_baseline_is_the_last_submitted_run_else_the_previous(tmp_path):
    for index, submitted in enumerate([False, True, False, False]):
        make_run(tmp_path, f"2025010{index + 1}T000000Z-aaaaaa", [], [], submitted=submitted)
    older, newer = resolve_pair(tmp_path, "ky", None, None)
    assert (older.run_id, newer.run_id) == ("20250102T000000Z-aaaaaa", "20250104T000000Z-aaaaaa")
    older, _ = resolve_pair(tmp_path, "ky", "previous", "latest")
    assert older.run_id == "20250103T000000Z-aaaaaa"
    older, newer = resolve_pair(tmp_path, "ky", None, "20250102")
    assert (older.run_id, newer.run_id) == ("20250101T000000Z-aaaaaa", "20250102T000000Z-aaaaaa")
    with pytest.raises(HistoryError):
        resolve_pair(tmp_path, "ky", "submitted", "20250101T000000Z-aaaaaa")


def test_keep_runs_never_prunes_a_submitted_run(tmp_path):
    for index in range(5):
        make_run(tmp_path, f"2025010{index + 1}T000000Z-aaaaaa", [], [], submitted=index == 1)
    mark_submitted(tmp_path, "20250103", "ky")
    removed = prune(tmp_path / "history" / "ky", 1)
    assert removed == ["20250101T000000Z-aaaaaa", "20250104T000000Z-aaaaaa"]
    assert [run.run_id for run in list_runs(tmp_path, "ky")] == [
        "20250102T000000Z-aaaaaa", "20250103T000000Z-aaaaaa", "20250105T000000Z-aaaaaa"]


def test_a_partial_run_is_not_in_the_history(tmp_path):
    make_run(tmp_path, "20250101T000000Z-aaaaaa", [], [])
    partial = tmp_path / "history" / "ky" / f"{PARTIAL_PREFIX}999999999-20250102T000000Z-bbbbbb"
    partial.mkdir()
    (partial / RUN_FILE).write_text(json.dumps({"run_id": "20250102T000000Z-bbbbbb"}), encoding="utf-8")
    assert [run.run_id for run in list_runs(tmp_path, "ky")] == ["20250101T000000Z-aaaaaa"]
    with pytest.raises(HistoryError):
        find_run(tmp_path, "20250102T000000Z-bbbbbb", "ky")


def _export_models() -> list[dict]:
    import yaml

    models = []
    for path in sorted(Path(__file__).resolve().parents[1].glob("models/marts/*/_*.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            export = ((model.get("config") or {}).get("meta") or {}).get("export")
            if export:
                models.append({**model, "export": export})
    return models


def test_every_export_declares_its_record_key_once_in_its_metadata():
    models = _export_models()
    assert len(models) >= 20
    for model in models:
        columns = [column["name"] for column in model.get("columns", [])]
        key = model["export"].get("record_key")
        assert key and set(key) <= set(columns), f"{model['name']}: record_key {key} must name its columns"
        match = model["export"].get("ledger_match") or {}
        assert set(match) <= {"state_id", "student_number", "person_id", "section_id", "staff_person_id"}
        assert set(match.values()) <= set(columns), model["name"]


def test_record_keys_are_unique_in_the_sample_marts(built_states):
    """KIDS files carry no calendar, so a sample student with records in two calendars of one school shares a key
    (the diff pairs identical records first, then the rest in a fixed order); every other file's key is unique."""
    for model in _export_models():
        if model["name"].startswith("ks_kids__"):
            continue
        for built in built_states.values():
            connection = duckdb.connect(str(built.database), read_only=True)
            try:
                found = connection.execute("select table_schema from information_schema.tables where table_name = ?",
                                           [model["name"]]).fetchone()
                if found is None:
                    continue
                key = ", ".join(f'"{column}"' for column in model["export"]["record_key"])
                duplicated = connection.execute(f'select count(*) from (select {key} from "{found[0]}".'
                                                f'"{model["name"]}" group by all having count(*) > 1)').fetchone()[0]
            finally:
                connection.close()
            assert duplicated == 0, f"{model['name']} ({built.state}): {duplicated} record keys repeat"


def test_a_file_only_one_run_wrote_is_listed_not_diffed(tmp_path):
    make_run(tmp_path, "20250101T000000Z-aaaaaa", [("x", "A1", "10", "05")], [("1", "A1", "n1")])
    newer = make_run(tmp_path, "20250102T000000Z-bbbbbb", [("x", "A1", "10", "05")], [("1", "A1", "n1")])
    info = json.loads((newer / RUN_FILE).read_text(encoding="utf-8"))
    info["files"].append({**info["files"][0], "file_name": "Other"})
    (newer / RUN_FILE).write_text(json.dumps(info), encoding="utf-8")
    older, latest = resolve_pair(tmp_path, "ky", None, None)
    result = diff_module.compare(older, latest)
    assert [one.file_name for one in result.files] == ["Detail"] and result.not_compared == ["Other"]


def test_files_with_the_same_fingerprint_are_not_matched_record_by_record(tmp_path):
    """history.file_fingerprint: the records as a multiset, without date_time_generated. Equal fingerprints (another
    order, another stamp) give an empty diff without reading the records; one changed value changes the fingerprint
    and the diff finds the change."""
    records = [("2025-05-15 08:00", "100", "S1", "05"), ("2025-05-15 08:00", "101", "S1", "06"),
               ("2025-05-15 08:00", "101", "S1", "06")]
    restamped = [("2025-06-01 09:30", *record[1:]) for record in reversed(records)]
    changed = [*records[:2], ("2025-05-15 08:00", "101", "S1", "07")]
    folders = {name: make_run(tmp_path, run_id, rows, [("1", "100", "A1")])
               for name, run_id, rows in (("first", "20250515T080000Z-a", records),
                                          ("restamped", "20250601T093000Z-b", restamped),
                                          ("changed", "20250602T093000Z-c", changed),
                                          ("one_less", "20250603T093000Z-d", records[:2]))}
    connection = duckdb.connect()
    names = [name for name, _ in COLUMNS]
    prints = {name: file_fingerprint(connection, folder / "Detail.parquet", names) for name, folder in folders.items()}
    connection.close()
    assert prints["first"] == prints["restamped"] and prints["first"][0] == 3
    assert prints["changed"][1] != prints["first"][1] and prints["one_less"][1] != prints["first"][1]
    for name, folder in folders.items():  # record them as stage_run does
        info = json.loads((folder / RUN_FILE).read_text(encoding="utf-8"))
        info["files"][0]["rows"], info["files"][0]["content_hash"] = prints[name]
        (folder / RUN_FILE).write_text(json.dumps(info), encoding="utf-8")
    runs = {run.run_id: run for run in list_runs(tmp_path, "ky")}
    first, restamped, changed = (runs[folders[name].name] for name in ("first", "restamped", "changed"))
    # the same fingerprint: no record is read (the newer run's file is gone, and the diff still finds nothing)
    (folders["restamped"] / "Detail.parquet").unlink()
    assert diff_module.compare(first, restamped).totals() == {"added": 0, "removed": 0, "changed": 0,
                                                                "changed_fields": 0}
    assert diff_module.compare(first, changed).totals() == {"added": 0, "removed": 0, "changed": 1,
                                                             "changed_fields": 1}

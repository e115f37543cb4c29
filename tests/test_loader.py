"""Loading a district folder: good files load typed; bad ones stop with one line naming file, line and column."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from conftest import run_cli
from statereport.contract import tables_for_state
from statereport.loader import InputError, load_district


def write_header_only_district(folder: Path, state: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for table in tables_for_state(state):
        with (folder / f"{table.name}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerow(table.column_names)


def add_row(folder: Path, table_name: str, values: dict[str, str]) -> None:
    table = next(t for t in tables_for_state("ky") if t.name == table_name)
    with (folder / f"{table_name}.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow([values.get(name, "") for name in table.column_names])


@pytest.fixture()
def district(tmp_path) -> Path:
    folder = tmp_path / "district"
    write_header_only_district(folder, "ky")
    return folder


def load(tmp_path: Path, folder: Path) -> None:
    load_district(tmp_path / "wh" / "ky.duckdb", folder, "ky", problems_dir=tmp_path / "problems")


def test_header_only_files_load_as_empty_typed_tables(tmp_path, district):
    loaded = load_district(tmp_path / "wh2" / "ky.duckdb", district, "ky")
    assert {t.rows for t in loaded} == {0}
    connection = duckdb.connect(str(tmp_path / "wh2" / "ky.duckdb"), read_only=True)
    types = dict(connection.execute(
        "select column_name, data_type from information_schema.columns where table_schema = 'raw' and table_name = 'enrollment'"
    ).fetchall())
    assert types["start_date"] == "DATE" and types["grade"] == "VARCHAR"


def test_codes_keep_leading_zeros(tmp_path, district):
    add_row(district, "enrollment", {"enrollment_id": "1", "person_id": "7", "calendar_id": "1", "grade": "01", "start_date": "2024-08-14"})
    load_district(tmp_path / "ky.duckdb", district, "ky")
    grade = duckdb.connect(str(tmp_path / "ky.duckdb"), read_only=True).execute("select grade from raw.enrollment").fetchone()[0]
    assert grade == "01"


def test_missing_file_names_the_file(tmp_path, district):
    (district / "roster.csv").unlink()
    with pytest.raises(InputError, match=r"roster\.csv: missing file"):
        load(tmp_path, district)


def test_missing_column_names_file_line_and_column(tmp_path, district):
    table = next(t for t in tables_for_state("ky") if t.name == "roster")
    (district / "roster.csv").write_text(",".join(c for c in table.column_names if c != "end_date") + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"roster\.csv: line 1: column 'end_date' is missing"):
        load(tmp_path, district)


def test_unknown_column_is_refused(tmp_path, district):
    table = next(t for t in tables_for_state("ky") if t.name == "roster")
    (district / "roster.csv").write_text(",".join([*table.column_names, "favourite_colour"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"roster\.csv: line 1: column 'favourite_colour' is not in the input contract"):
        load(tmp_path, district)


def test_empty_file_is_refused(tmp_path, district):
    (district / "roster.csv").write_bytes(b"")
    with pytest.raises(InputError, match=r"roster\.csv: line 1: the file is empty"):
        load(tmp_path, district)


def test_bad_date_names_line_and_column_and_lists_every_problem(tmp_path, district):
    add_row(district, "roster", {"roster_id": "1", "person_id": "2", "section_id": "3", "trial_id": "4", "start_date": "2024-08-14"})
    add_row(district, "roster", {"roster_id": "2", "person_id": "2", "section_id": "3", "trial_id": "4", "start_date": "08/14/2024"})
    add_row(district, "roster", {"roster_id": "3", "person_id": "2", "section_id": "3", "trial_id": "4", "start_date": "2024-08-14", "end_date": "x3"})
    with pytest.raises(InputError) as raised:
        load(tmp_path, district)
    message = str(raised.value)
    assert "roster.csv: line 3: column 'start_date': cannot read '08/14/2024' as a date (expected YYYY-MM-DD)" in message
    assert "1 more problem" in message
    problems = (tmp_path / "problems" / "load_problems_roster.csv").read_text(encoding="utf-8")
    assert "line 4: column 'end_date': cannot read 'x3' as a date" in problems


def test_cli_reports_bad_input_in_one_line_without_a_stack_trace(tmp_path, district):
    (district / "person.csv").unlink()
    completed = run_cli("run", "--state", "ky", "--data-dir", str(district), "--warehouse", str(tmp_path / "wh"),
                        "--out", str(tmp_path / "out"), check=False)
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    error_lines = [line for line in completed.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "person.csv: missing file" in error_lines[0]


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_the_bundled_sample_loads_through_the_loader_with_its_seed_types(tmp_path, state):
    """`statereport run` without --data-dir loads the sample the way a district is loaded (load_sample), no longer by
    `dbt seed`: every sample file gives a raw table of its name with the column types its seed declares (what `dbt seed`
    gave it), one row per record, and no code of the wrong width."""
    import yaml

    from statereport.loader import load_sample, sample_dir, sample_prefix

    database = tmp_path / f"{state}.duckdb"
    loaded = {table.table: table for table in load_sample(database, state)}
    seeds = yaml.safe_load((sample_dir(state) / f"_sample_{state}__seeds.yml").read_text(encoding="utf-8"))["seeds"]
    connection = duckdb.connect(str(database), read_only=True)
    for seed in seeds:
        table = seed["name"].removeprefix(sample_prefix(state))
        path = sample_dir(state) / f"{seed['name']}.csv"
        assert loaded[table].path == path
        with path.open(newline="", encoding="utf-8") as handle:
            assert loaded[table].rows == sum(1 for _ in csv.reader(handle)) - 1, table
        types = dict(connection.execute("select column_name, data_type from information_schema.columns "
                                        "where table_schema = 'raw' and table_name = ?", [table]).fetchall())
        assert types == {name: kind.upper() for name, kind in seed["config"]["column_types"].items()}, table
    assert connection.execute("select count(*) from raw.load_code_issues").fetchone()[0] == 0

"""A run replaces the warehouse and the export folder only when it succeeds; a warehouse in use is refused in one line."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from conftest import run_cli
from statereport.warehouse import WarehouseInUse, building_database, ensure_not_in_use, replacing_directory

HOLD_LOCK = """
import duckdb, sys, time
connection = duckdb.connect(sys.argv[1])
connection.execute('create table if not exists t (x integer)')
print('locked', flush=True)
time.sleep(60)
"""


@pytest.fixture()
def locked_warehouse(tmp_path):
    database = tmp_path / "wh" / "ky.duckdb"
    database.parent.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(database)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield database
    holder.kill()
    holder.wait()


def test_a_warehouse_in_use_is_refused(locked_warehouse):
    with pytest.raises(WarehouseInUse, match=r"ky\.duckdb: the warehouse is in use by another process \(process \d+\)"):
        ensure_not_in_use(locked_warehouse)


def test_cli_says_so_in_one_line_and_leaves_the_file_alone(locked_warehouse, tmp_path):
    before = locked_warehouse.stat().st_ino
    completed = run_cli("run", "--state", "ky", "--warehouse", str(locked_warehouse.parent), "--out", str(tmp_path / "out"), check=False)
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr
    assert [line for line in completed.stderr.splitlines() if line.strip()] == [
        line for line in completed.stderr.splitlines() if line.startswith("error:") and "in use by another process" in line
    ]
    assert locked_warehouse.stat().st_ino == before


def test_a_build_file_left_half_created_by_a_killed_run_is_replaced(tmp_path):
    """A run killed while DuckDB was creating `<state>.duckdb.building` (the loader's first connection) leaves a file
    DuckDB cannot open; the next run builds into a new one instead of stopping on it."""
    database = tmp_path / "ky.duckdb"
    (tmp_path / "ky.duckdb.building").write_bytes(b"\0" * 100)
    with building_database(database) as building:
        duckdb.connect(str(building)).execute("create table t as select 1 as x").close()
    assert duckdb.connect(str(database), read_only=True).execute("select x from t").fetchall() == [(1,)]


def test_failed_build_keeps_the_previous_warehouse(tmp_path):
    database = tmp_path / "ky.duckdb"
    with building_database(database) as building:
        duckdb.connect(str(building)).execute("create table marker as select 'first' as run").close()
    with pytest.raises(RuntimeError), building_database(database) as building:
        duckdb.connect(str(building)).execute("create table marker as select 'second' as run").close()
        raise RuntimeError("the build failed")
    assert duckdb.connect(str(database), read_only=True).execute("select run from marker").fetchone()[0] == "first"
    assert not (tmp_path / "ky.duckdb.building").exists()


def test_failed_export_keeps_the_previous_files(tmp_path):
    final = tmp_path / "out" / "ky"
    with replacing_directory(final) as partial:
        (partial / "KECS_LEAD_Detail.csv").write_text("first\n")
    with pytest.raises(RuntimeError), replacing_directory(final) as partial:
        (partial / "KECS_LEAD_Detail.csv").write_text("second, half-writ")
        raise RuntimeError("killed midway")
    assert (final / "KECS_LEAD_Detail.csv").read_text() == "first\n"
    assert sorted(p.name for p in final.parent.iterdir()) == ["ky"]


def test_successful_export_replaces_the_whole_folder(tmp_path):
    final = tmp_path / "out" / "ky"
    with replacing_directory(final) as partial:
        (partial / "old_only.csv").write_text("x")
    with replacing_directory(final) as partial:
        (partial / "new.csv").write_text("y")
    assert sorted(p.name for p in final.iterdir()) == ["new.csv"]
    assert oct(final.stat().st_mode & 0o777) == "0o700"


def test_state_built_in_the_second_process_reports_its_error_like_the_first(tmp_path):
    # `--state all` builds Kansas in a child process; its refusal must reach the user as the same one line and exit
    # code as Kentucky's would, and Kentucky (built in the parent) still completes and replaces its own files.
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(warehouse / "ks.duckdb")], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        completed = run_cli("run", "--state", "all", "--warehouse", str(warehouse), "--out", str(tmp_path / "out"),
                            "--quiet", check=False)
    finally:
        holder.kill()
        holder.wait()
    assert completed.returncode == 4
    assert "Traceback" not in completed.stderr
    errors = [line for line in completed.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("error: ") and "ks.duckdb" in errors[0]
    assert "in use by another process" in errors[0]
    assert (warehouse / "ky.duckdb").exists() and (tmp_path / "out" / "ky" / "KECS_LEAD_Detail.csv").exists()
    assert not (tmp_path / "out" / "ks").exists()


def test_the_build_takes_half_the_machine_at_most_5gb_unless_the_user_sets_a_limit(monkeypatch):
    from statereport import warehouse

    pages = {"SC_PAGE_SIZE": 4096}
    monkeypatch.setattr(warehouse.os, "sysconf", lambda name: pages[name])
    monkeypatch.delenv(warehouse.MEMORY_LIMIT_VARIABLE, raising=False)
    pages["SC_PHYS_PAGES"] = 24 * 2**30 // 4096  # a 24 GiB machine: half would be 12GB, the cap is 5GB
    assert warehouse.build_memory_limit() == "5GB"
    pages["SC_PHYS_PAGES"] = 6 * 2**30 // 4096  # a 6 GiB machine: half of it
    assert warehouse.build_memory_limit() == "3GB"
    monkeypatch.setenv(warehouse.MEMORY_LIMIT_VARIABLE, "20GB")
    assert warehouse.build_memory_limit() == "20GB"


def test_an_out_of_memory_build_error_says_how_to_raise_the_limit(monkeypatch, tmp_path):
    from types import SimpleNamespace

    from statereport.dbt_runner import DbtSession

    monkeypatch.setenv("STATEREPORT_BUILD_MEMORY_LIMIT", "5GB")
    session = SimpleNamespace(errors=["Out of Memory Error: could not allocate block of size 256.0 KiB (4.6 GiB/4.6 GiB "
                                      "used)\nmore"], log_file=tmp_path / "dbt.log")
    text = DbtSession._error_text(session, None)
    assert text.startswith("Out of Memory Error: could not allocate")
    assert "memory limit is 5GB; set STATEREPORT_MEMORY_LIMIT higher" in text and "\n" not in text
    session.errors = ["Binder Error: column x not found"]
    assert "STATEREPORT_MEMORY_LIMIT" not in DbtSession._error_text(session, None)

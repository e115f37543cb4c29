"""A run's build takes the reference seed tables (code lists, rule catalogues) from the warehouse it replaces when
they were seeded from the same files, and seeds them with dbt otherwise (DbtSession.reuse_reference_seeds)."""

from __future__ import annotations

import shutil

import duckdb

from statereport.dbt_runner import REFERENCE_FINGERPRINT_TABLE, DbtSession
from statereport.loader import load_sample

# One small model: the test is about the seeds, not the models built on them.
SELECT = ["stg_sis__district"]


def _session(tmp_path, name: str) -> DbtSession:
    database = tmp_path / name / "ky.duckdb"
    load_sample(database, "ky")
    return DbtSession("ky", database, quiet=True, log_dir=tmp_path / name / "logs")


def _seeds_built(session: DbtSession) -> set[str]:
    return {unique_id for unique_id in session.built if unique_id.startswith("seed.")}


def _reference_tables(database, session: DbtSession) -> dict:
    with duckdb.connect(str(database), read_only=True) as connection:
        return {node.alias: (connection.execute(f'describe "{node.schema}"."{node.alias}"').fetchall(),
                             connection.execute(f'select * from "{node.schema}"."{node.alias}"').fetchall())
                for node in session.reference_seeds()}


def test_reference_seeds_are_reused_when_unchanged_and_seeded_again_when_a_file_changes(tmp_path):
    first = _session(tmp_path, "first")
    first.build(include_tests=False, select=SELECT, reference_from=tmp_path / "no-previous" / "ky.duckdb")
    seeds = {node.unique_id for node in first.reference_seeds()}
    assert not first.reference_reused and _seeds_built(first) == seeds, "no earlier warehouse: dbt seeds them all"

    second = _session(tmp_path, "second")
    second.build(include_tests=False, select=SELECT, reference_from=first.database)
    assert second.reference_reused and _seeds_built(second) == set(), "same files: nothing is seeded"
    assert "stg_sis__district" in {unique_id.split(".")[-1] for unique_id in second.built}
    assert _reference_tables(second.database, second) == _reference_tables(first.database, first), \
        "the copied tables have the seeded ones' columns, types and rows, in order"

    # A reference CSV edited since the second run: its fingerprint no longer matches the one the warehouse records.
    edited = tmp_path / "project"
    shutil.copytree(second.reference_seeds()[0].root_path + "/seeds", edited / "seeds")
    assert second.reference_fingerprint(edited) == second.reference_fingerprint()
    catalogue = edited / "seeds" / "reference" / "rule_catalogue__core.csv"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert second.reference_fingerprint(edited) != second.reference_fingerprint()
    with duckdb.connect(str(second.database)) as connection:
        connection.execute(f"update main.{REFERENCE_FINGERPRINT_TABLE} set fingerprint = ?",
                           [second.reference_fingerprint(edited)])

    third = _session(tmp_path, "third")
    third.build(include_tests=False, select=SELECT, reference_from=second.database)
    assert not third.reference_reused and _seeds_built(third) == seeds, "changed files: dbt seeds them again"
    with duckdb.connect(str(third.database), read_only=True) as connection:
        assert connection.execute(f"select fingerprint from main.{REFERENCE_FINGERPRINT_TABLE}").fetchall() == [
            (third.reference_fingerprint(),)], "the new warehouse records what it was seeded from"

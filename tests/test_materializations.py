"""macros/materializations.sql: a model is created under its final name in one statement when it does not exist yet
(every model of a run, which builds into a new warehouse file); on a warehouse that holds it, dbt-duckdb's own
materialization swaps it in through a temporary name."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from statereport.dbt_runner import DbtSession
from statereport.loader import load_sample


def test_models_are_created_in_place_on_a_new_warehouse_and_swapped_on_one_that_holds_them(tmp_path):
    database = tmp_path / "ky.duckdb"
    load_sample(database, "ky")
    session = DbtSession("ky", database, quiet=True, log_dir=tmp_path / "logs")
    # dbt writes the statement it ran for each model under <target>/run/
    ran = Path(os.environ["DBT_TARGET_PATH"]) / "run" / "statereport" / "models"
    for build, swapped in (("first", False), ("second", True)):
        session.build(include_tests=False, select=["+int_window__editor_windows"])
        table = (ran / "intermediate" / "window" / "int_window__editor_windows.sql").read_text(encoding="utf-8")
        view = (ran / "staging" / "sis" / "stg_sis__school_year.sql").read_text(encoding="utf-8")
        assert ("__dbt_tmp" in table) == swapped and ("__dbt_tmp" in view) == swapped, build
        with duckdb.connect(str(database), read_only=True) as connection:
            assert connection.execute("select count(*) from intermediate.int_window__editor_windows").fetchone()[0] > 0
            assert connection.execute("select count(*) from staging.stg_sis__school_year").fetchone()[0] > 0
            leftovers = connection.execute("select table_name from information_schema.tables "
                                           "where table_name like '%__dbt_tmp' or table_name like '%__dbt_backup'")
            assert leftovers.fetchall() == [], build

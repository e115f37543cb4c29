"""Derives, from the contract, the files that must agree with it: one staging model per raw table, the staging
YAML (docs and data tests), and each sample district's seed column types. `scripts/sync_contract` writes them;
a test fails when a committed file differs from what the contract gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from statereport import PROJECT_ROOT
from statereport.contract import STATES, Table, load_contract

STAGING_DIR = PROJECT_ROOT / "models" / "staging" / "sis"
SEEDS_DIR = PROJECT_ROOT / "seeds"
HEADER = "# Generated from models/staging/sis/_sis__sources.yml by scripts/sync_contract. Edit the contract, not this file.\n"


def staging_sql(table: Table) -> str:
    """The one-line staging model of a raw table: its shape is the macro stage_contract_table (macros/staging.sql)."""
    return (
        f"-- Staging for raw {table.name} (written by scripts/sync_contract): the contract's columns, text cleaned.\n"
        f"{{{{ stage_contract_table('{table.name}') }}}}\n"
    )


def _column_tests(table: Table, column) -> list:
    tests: list = []
    if column.meta.get("required") or (len(table.primary_key) == 1 and column.name in table.primary_key):
        tests.append("not_null")
    if len(table.primary_key) == 1 and column.name == table.primary_key[0]:
        tests.append("unique")
    # An unknown or malformed code is a data problem the extracts report (warnings, exclusions), not a reason to stop.
    if column.meta.get("accepted_values"):
        tests.append({"accepted_values": {"arguments": {"values": [str(v) for v in column.meta["accepted_values"]]},
                                          "config": {"severity": "warn"}}})
    elif column.meta.get("pattern"):
        tests.append({"matches_pattern": {"arguments": {"pattern": column.meta["pattern"]}, "config": {"severity": "warn"}}})
    for foreign_key in table.foreign_keys:
        if foreign_key.get("column") == column.name:
            target_table, target_column = foreign_key["references"].split(".")
            # Orphans are reported (ledger/warnings) rather than stopping the build.
            tests.append({
                "relationships": {
                    "arguments": {"to": f"ref('stg_sis__{target_table}')", "field": target_column},
                    "config": {"severity": "warn"},
                }
            })
    return tests


# Columns holding names or birth dates: a model with any of them carries meta.contains_pii (tests/test_project_vars.py
# checks every model's YAML against this pattern; the docs site shows the flag).
PII_COLUMN = re.compile(r"(^|_)(first_name|last_name|middle_name|middle_initial|birthdate|birth_date|date_of_birth|suffix)$")


def staging_yaml(tables: list[Table]) -> str:
    models = []
    for table in tables:
        model = {
            "name": f"stg_sis__{table.name}",
            "description": f"Staging of raw `{table.name}` (contract table; states: {', '.join(table.states)}). {table.description}",
            "columns": [],
        }
        if any(PII_COLUMN.search(column.name) for column in table.columns):
            model["config"] = {"meta": {"contains_pii": True}}
        if len(table.primary_key) > 1:
            model["data_tests"] = [{"unique_combination_of_columns": {"arguments": {"combination_of_columns": list(table.primary_key)}}}]
        for column in table.columns:
            entry = {"name": column.name, "description": column.description, "data_type": column.data_type}
            tests = _column_tests(table, column)
            if tests:
                entry["data_tests"] = tests
            model["columns"].append(entry)
        models.append(model)
    return HEADER + yaml.safe_dump({"version": 2, "models": models}, sort_keys=False, width=140, allow_unicode=True)


def seed_yaml(state: str, tables: list[Table], present: set[str]) -> str:
    seeds = []
    for table in tables:
        if table.name not in present:
            continue
        seeds.append({
            "name": f"{state}__{table.name}",
            "description": f"Sample {state.upper()} district: raw `{table.name}`.",
            "config": {"column_types": {c.name: c.data_type for c in table.columns}},
        })
    return HEADER + yaml.safe_dump({"version": 2, "seeds": seeds}, sort_keys=False, width=140)


def expected_files() -> dict[Path, str]:
    tables = list(load_contract().values())
    files: dict[Path, str] = {}
    for table in tables:
        files[STAGING_DIR / f"stg_sis__{table.name}.sql"] = staging_sql(table)
    files[STAGING_DIR / "_sis__models.yml"] = staging_yaml(tables)
    for state in STATES:
        folder = SEEDS_DIR / f"sample_{state}"
        present = {p.stem.split("__", 1)[1] for p in folder.glob(f"{state}__*.csv")}
        files[folder / f"_sample_{state}__seeds.yml"] = seed_yaml(state, tables, present)
    return files


def stale_staging_files() -> list[Path]:
    """Generated staging models whose table left the contract."""
    names = {f"stg_sis__{t}.sql" for t in load_contract()}
    return [p for p in STAGING_DIR.glob("stg_sis__*.sql") if p.name not in names]


def sync() -> list[Path]:
    changed = []
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in stale_staging_files():
        path.unlink()
        changed.append(path)
    return changed


if __name__ == "__main__":
    for changed_path in sync():
        print(f"wrote {changed_path.relative_to(PROJECT_ROOT)}")

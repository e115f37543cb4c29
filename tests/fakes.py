"""Hand-made warehouses for tests that must not start dbt: tiny DuckDB files shaped like the marts, and a manifest
stand-in with just the node attributes the summary and the review page read."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import duckdb


def fake_warehouse(tmp_path: Path, critical: bool):
    """A hand-made warehouse: one extract (12 reported students, grades 05-08), two exclusions, four warning rows
    under three rules and a rule catalogue; EL-W1 and EL-W3 are critical when `critical`."""
    database = tmp_path / "fake.duckdb"
    connection = duckdb.connect(str(database))
    connection.execute("create schema marts; create schema reference")
    names = ["Ana", "Bo", "Cyrus", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jana", "Kurt", "Lena"]
    connection.execute("create table marts.ky_el__demographics (person_id varchar, first_name varchar, grade varchar)")
    connection.executemany("insert into marts.ky_el__demographics values (?, ?, ?)",
                           [(str(i + 1), name, f"{(i % 4) + 5:02d}") for i, name in enumerate(names)])
    connection.execute("create table marts.ky_el__exclusions as select * from (values "
                       "('EL_Demographics', '3', '3', null, null, '100', 'EL-W1', 'no service'), "
                       "('EL_Demographics', '4', '4', null, null, '100', 'EL-W3', 'english')) as t(extract_name, "
                       "record_key, person_id, section_id, staff_person_id, school_id, rule_id, detail)")
    connection.execute("create table marts.ky_el__warnings as select * from (values "
                       "('EL-W1', '3'), ('EL-W3', '4'), ('EL-W4', '1'), ('EL-W4', '2')) as t(rule_id, person_id)")
    severity = "critical" if critical else "info"
    connection.execute(f"create table reference.rule_catalogue__ky_el as select * from (values "
                       f"('EL-W1', 'EL', 'warning', '{severity}', 'No EL service', 'Add a service', 'seed 003'), "
                       f"('EL-W3', 'EL', 'warning', '{severity}', 'English home language', 'Fix language', 'x'), "
                       f"('EL-W4', 'EL', 'warning', 'warning', 'Other language', 'Check', 'x')) as t(rule_id, "
                       f"extract_name, kind, severity, description, how_to_fix, spec_reference)")
    connection.close()

    def model(name, export=None):
        meta = {"export": export} if export else {}
        return SimpleNamespace(name=name, fqn=["statereport", "marts", "ky_el", name], resource_type="model",
                               tags=["ky"], schema="marts", alias=name, config=SimpleNamespace(meta=meta),
                               columns={})
    seed = SimpleNamespace(name="rule_catalogue__ky_el", resource_type="seed", schema="reference",
                           alias="rule_catalogue__ky_el", tags=["shared"], fqn=[])
    export = model("ky_el__demographics", {"file_name": "EL_Demographics", "formats": ["csv"]})
    nodes = [export, model("ky_el__exclusions"), model("ky_el__warnings"), seed]
    manifest = SimpleNamespace(nodes={f"n{i}": node for i, node in enumerate(nodes)})
    return database, manifest, export

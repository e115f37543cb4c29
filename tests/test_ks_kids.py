"""Kansas KIDS Collection Extracts on the Kansas sample district: every record type yields records on the D1-D77
layout (77 columns, in the layout seed's order) and every candidate is either reported or in the exclusion ledger."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

EXTRACTS = ["ENRL", "TEST", "SMSC", "MILT", "EOYA", "ASGT", "EXIT", "QERY", "SPED"]
LAYOUT = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "ks_kids__fields.csv"


@pytest.fixture(scope="module")
def ks_db(ks):
    connection = duckdb.connect(str(ks.database), read_only=True)
    yield connection
    connection.close()


def _layout_columns() -> list[str]:
    with LAYOUT.open(newline="", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: int(row["field_number"]))
    return [row["column_name"] for row in rows]


@pytest.mark.parametrize("extract", EXTRACTS)
def test_extract_has_records_on_the_d1_d77_layout(ks_db, extract):
    relation = f"marts.ks_kids__{extract.lower()}"
    rows = ks_db.execute(f"select count(*) from {relation}").fetchone()[0]
    assert rows > 0, f"KIDS {extract} yields no records on the sample district"
    columns = [d[0] for d in ks_db.execute(f"select * from {relation} limit 0").description]
    assert len(columns) == 77
    assert columns == _layout_columns()
    record_types = {r[0] for r in ks_db.execute(f"select distinct record_type from {relation}").fetchall()}
    assert record_types == {extract}


@pytest.mark.parametrize("extract", EXTRACTS)
def test_exclusions_conserve_candidates(ks_db, extract):
    candidates = ks_db.execute(
        "select count(*) from intermediate.int_ks_kids__candidates where extract_code = ?", [extract]
    ).fetchone()[0]
    reported = ks_db.execute(f"select count(*) from marts.ks_kids__{extract.lower()}").fetchone()[0]
    excluded = ks_db.execute(
        "select count(*) from marts.ks_kids__exclusions where extract_name = ?", [f"KIDS_{extract}"]
    ).fetchone()[0]
    assert candidates == reported + excluded
    assert candidates > 0


def test_not_collected_fields_are_blank_and_defaults_apply(ks_db):
    # D24 Truant Student is collected by EOYA only (default 0); TEST never carries it.
    test_values = {r[0] for r in ks_db.execute("select distinct truant_student from marts.ks_kids__test").fetchall()}
    assert test_values == {""}
    # D17 Virtual Education Student is collected by ENRL with default 0: never blank there.
    blanks = ks_db.execute("select count(*) from marts.ks_kids__enrl where virtual_education_student = ''").fetchone()[0]
    assert blanks == 0


def test_every_exclusion_has_a_catalogued_rule(ks_db):
    missing = ks_db.execute(
        """
        select distinct exclusions.rule_id
        from marts.ks_kids__exclusions as exclusions
        left join reference.rule_catalogue__ks_kids as catalogue on exclusions.rule_id = catalogue.rule_id
        where catalogue.rule_id is null
        """
    ).fetchall()
    assert missing == []

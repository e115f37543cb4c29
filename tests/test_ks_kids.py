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


MATRIX = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "ks_kids__field_matrix.csv"
# The documented cells of the field x extract matrix (ks_kids_extracts.md section 8, ks_kids_per_extract.md sections
# 3 and 8): field ids -> {extract: evidence level}. Every one must be collected with that evidence level.
_ALL = tuple(EXTRACTS)
DOCUMENTED_CELLS = [
    (("D1",), _ALL, "confirmed"),
    (("D2", "D3"), ("SPED",), "confirmed"), (("D2", "D3"), ("ASGT",), "secondary"),
    (("D4", "D5", "D6", "D8", "D9", "D11", "D12"), _ALL, "secondary"),
    (("D33",), ("SMSC", "ASGT", "EXIT", "QERY", "SPED"), "secondary"),
    (("D33",), ("ENRL", "TEST", "MILT", "EOYA"), "confirmed"),
    (("D10",), ("TEST", "ASGT"), "confirmed"), (("D13", "D14"), ("ASGT",), "confirmed"),
    (("D22",), ("ENRL",), "secondary"), (("D22",), ("SMSC", "EOYA", "EXIT"), "confirmed"),
    (("D23",), ("SMSC",), "secondary"), (("D23",), ("EOYA", "EXIT"), "confirmed"),
    (("D24",), ("EOYA",), "confirmed"), (("D25",), ("ENRL",), "confirmed"), (("D25",), ("MILT",), "secondary"),
    (("D27", "D28"), ("EXIT",), "confirmed"),
    (("D35",), ("SPED", "ASGT", "ENRL", "EOYA", "EXIT", "MILT", "TEST"), "confirmed"),
    (("D38", "D54"), ("SMSC",), "secondary"),
    (("D42",), ("SMSC",), "secondary"), (("D42", "D43", "D44"), ("EOYA",), "confirmed"),
    (("D45", "D49", "D50", "D51"), ("ENRL",), "secondary"), (("D53",), ("MILT",), "secondary"),
    (tuple(f"D{n}" for n in range(59, 78)), ("TEST",), "confirmed"),
]


def test_field_matrix_has_every_cell_with_evidence_and_the_documented_cells():
    with MATRIX.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cells = {(row["field_id"], row["extract_code"]): row for row in rows}
    assert len(cells) == len(rows) == 77 * 9  # one row per field and record type
    assert all(row["evidence"].strip() and row["evidence_level"] for row in rows)
    for fields, extracts, level in DOCUMENTED_CELLS:
        for field in fields:
            for extract in extracts:
                row = cells[(field, extract)]
                assert (row["collected"], row["evidence_level"]) == ("true", level), (field, extract)
    # A cell a source documents is never switched off; the unnamed fields (spec gap 3) are never collected.
    assert not [key for key, row in cells.items()
                if row["collected"] != "true" and row["evidence_level"] in ("confirmed", "secondary")]
    assert all(cells[(field, extract)]["collected"] == "false"
               for field in ("D21", "D29", "D30", "D57", "D58") for extract in EXTRACTS)


def test_one_model_owns_the_editor_date_windows():
    """The Data Filter From/To and Attendance Filter To dates are resolved in int_ks_kids__windows; the rule models
    read that model (D22/D23 through int_ks_kids__candidates, the D25 snapshot weeks through
    int_ks_kids__schedule_snapshot_weeks). A new model reading the editor dates directly fails here."""
    models = Path(__file__).resolve().parents[1] / "models"
    readers = sorted(
        path.name for path in models.rglob("*.sql")
        if any(name in path.read_text(encoding="utf-8")
               for name in ("kids_filter_from_date", "kids_filter_to_date", "kids_attendance_filter_to_date",
                            "kids_schedule_snapshot_week", "ks_kids_date_var"))
    )
    assert readers == ["int_ks_kids__windows.sql"]

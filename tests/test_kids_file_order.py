"""The KIDS writers read the records in file order without sorting them again: read_extract stores them sorted (an
ORDER BY into a new table) and numbers each by its row position. This holds for an extract of several DuckDB row
groups, built in parallel from a mart whose rows come in another order: every format carries the records sorted, and
a record's number is its line in the State Format file."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime

import duckdb

from statereport import kids_files
from statereport.kids_files import KidsFileOptions

COLUMNS = [(f"d{position:02d}", f"Field {position}") for position in range(1, 78)]
RECORDS = 250_000  # three of DuckDB's row groups (122,880 rows each)


def test_records_of_several_row_groups_come_out_sorted_and_numbered_in_file_order(tmp_path):
    connection = duckdb.connect(str(tmp_path / "order.duckdb"))
    others = ", ".join(f"cast(null as varchar) as {name}" for name, _ in COLUMNS[13:])
    # D11 (the sort key) in a scrambled order; D12 ties on D11 broken by the full record (the tie-breaker).
    connection.execute(
        "create table kids_scrambled as select 'ENRL' as d01, "
        + ", ".join(f"cast(null as varchar) as d{position:02d}" for position in range(2, 11))
        + ", lpad(cast(hash(i) % 100000 as varchar), 6, '0') as d11, cast(i % 7 as varchar) as d12, "
        f"cast(1000000000 + i as varchar) as d13, {others} from range({RECORDS}) as numbers(i) order by hash(i * 3)")
    options = replace(KidsFileOptions.from_vars({"state": "ks"}), generated_at=datetime(2025, 5, 15, 8, 0, 0),
                      run_fingerprint='{"state": "ks"}')
    written = kids_files.write_kids_extract(connection, "kids_scrambled", COLUMNS, tmp_path / "out", options,
                                            file_name="KIDS_ORDER", formats=["state", "csv"], order_by="d11")
    assert written.rows == RECORDS
    expected = connection.execute("select d11, d12, d13 from kids_scrambled order by d11, d12, d13").fetchall()
    numbered = connection.execute("select record_number, v11, v12, v13 from kids_records").fetchall()
    assert [row[0] for row in numbered] == list(range(1, RECORDS + 1)), "numbered by row position, read in that order"
    assert [row[1:] for row in numbered] == expected
    connection.close()

    paths = {file_format: path for path, file_format in written.files}
    lines = paths["state"].read_bytes().decode("utf-8").split("\r\n")[1:-2]  # the detail records: TH, TT left out
    assert [tuple(line.split("\t")[10:13]) for line in lines] == expected
    with paths["csv"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert [tuple(row[10:13]) for row in rows] == expected

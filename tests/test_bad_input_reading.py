"""Reading real district exports (issue 16 A): file shapes that are not the contract's CSV get one line saying what
the file looks like; gzip, mixed line ends and Parquet floats are read exactly or refused, never rounded."""

from __future__ import annotations

import gzip
import os

import duckdb
import pytest

from statereport.contract import load_contract
from test_bad_input import SAMPLE, copy_sample, load_ok, read_rows, stop_message, write_rows  # noqa: F401


@pytest.fixture()
def district(tmp_path):
    return copy_sample(tmp_path / "district")


def _loaded_rows(tmp_path, folder, table: str) -> int:
    return load_ok(tmp_path, folder).execute(f"select count(*) from raw.{table}").fetchone()[0]


def test_tab_delimited_file_says_so(tmp_path, district):
    text = (district / "term.csv").read_text(encoding="utf-8")
    (district / "term.csv").write_text(text.replace(",", "\t"), encoding="utf-8")
    message = stop_message(tmp_path, district)
    assert "term.csv: line 1: the header is tab-delimited, not comma-delimited" in message
    assert "missing" not in message


def test_utf16_without_byte_order_mark_says_so(tmp_path, district):
    path = district / "person.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    assert "person.csv: line 1: this looks like UTF-16 text" in stop_message(tmp_path, district)


def test_utf16_with_byte_order_mark_says_so(tmp_path, district):
    path = district / "person.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert "person.csv: line 1: this looks like UTF-16 text" in stop_message(tmp_path, district)


def test_spreadsheet_saved_as_csv_says_so(tmp_path, district):
    (district / "section.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200)
    message = stop_message(tmp_path, district)
    assert "section.csv: line 1: this is a spreadsheet (an .xlsx/zip file) saved under a .csv name" in message


def test_gzip_compressed_csv_is_read(tmp_path, district):
    path = district / "roster.csv"
    expected = len(read_rows(path))
    with gzip.open(district / "roster.csv.gz", "wb") as handle:
        handle.write(path.read_bytes())
    path.unlink()
    assert _loaded_rows(tmp_path, district, "roster") == expected


def test_a_corrupt_gzip_file_is_one_line(tmp_path, district):
    (district / "roster.csv").unlink()
    (district / "roster.csv.gz").write_bytes(b"this is not gzip\n")
    assert "roster.csv.gz: line 1: cannot be read as a gzip-compressed CSV" in stop_message(tmp_path, district)


def test_two_files_for_one_table_names_both(tmp_path, district):
    connection = duckdb.connect()
    connection.execute(f"copy (select * from read_csv('{district / 'person.csv'}', all_varchar = true)) "
                       f"to '{district / 'person.parquet'}' (format parquet)")
    message = stop_message(tmp_path, district)
    assert "person.csv and " in message and "person.parquet: two files for table 'person'" in message


def test_a_link_that_cannot_be_followed_is_named_as_such(tmp_path, district):
    (district / "term.csv").unlink()
    os.symlink(tmp_path / "nowhere" / "term.csv", district / "term.csv")
    message = stop_message(tmp_path, district)
    assert "term.csv: a link to" in message and "cannot be followed" in message
    assert "missing file" not in message


@pytest.mark.parametrize("pattern", ["lf-header-crlf-rows", "alternating", "crlf-header-lf-rows"])
def test_mixed_line_ends_load_as_if_clean(tmp_path, district, pattern):
    path = district / "roster.csv"
    rows = read_rows(path)
    write_rows(path, rows, load_contract()["roster"].column_names)
    lines = path.read_bytes().split(b"\n")[:-1]
    if pattern == "lf-header-crlf-rows":
        ends = [b"\n"] + [b"\r\n"] * (len(lines) - 1)
    elif pattern == "alternating":
        ends = [b"\r\n" if index % 2 else b"\n" for index in range(len(lines))]
    else:
        ends = [b"\r\n"] + [b"\n"] * (len(lines) - 1)
    path.write_bytes(b"".join(line + end for line, end in zip(lines, ends)))
    connection = load_ok(tmp_path, district)
    assert connection.execute("select count(*) from raw.roster").fetchone()[0] == len(rows)
    assert connection.execute("select count(*) from raw.roster where cast(end_date as varchar) like '%\r%'").fetchone()[0] == 0
    assert not list((tmp_path / "ok").glob(".*.lf.csv")), "the normalized copy is removed after the load"


def _to_parquet(folder, table: str, select: str) -> None:
    connection = duckdb.connect()
    connection.execute(f"copy (select {select} from read_csv('{folder / (table + '.csv')}', all_varchar = true)) "
                       f"to '{folder / (table + '.parquet')}' (format parquet)")
    (folder / f"{table}.csv").unlink()


def test_parquet_id_stored_as_float_with_a_fraction_is_refused_never_rounded(tmp_path, district):
    columns = load_contract()["roster"].column_names
    select = ", ".join(
        "case when row_number() over () = 3 then 1000000.7::double else person_id::double end as person_id"
        if name == "person_id" else f'"{name}"' for name in columns)
    _to_parquet(district, "roster", select)
    message = stop_message(tmp_path, district)
    assert "roster.parquet: row 3: column 'person_id': cannot read '1000000.7' as a whole number" in message


def test_parquet_id_stored_as_float_without_a_fraction_loads(tmp_path, district):
    columns = load_contract()["roster"].column_names
    expected = len(read_rows(district / "roster.csv"))
    select = ", ".join("person_id::double as person_id" if name == "person_id" else f'"{name}"' for name in columns)
    _to_parquet(district, "roster", select)
    connection = load_ok(tmp_path, district)
    assert connection.execute("select count(*) from raw.roster").fetchone()[0] == expected
    assert connection.execute("select typeof(person_id) from raw.roster limit 1").fetchone()[0] == "BIGINT"


def test_parquet_id_stored_as_text_with_a_fraction_is_refused(tmp_path, district):
    columns = load_contract()["roster"].column_names
    select = ", ".join(
        "case when row_number() over () = 2 then '12.5' else person_id end as person_id"
        if name == "person_id" else f'"{name}"' for name in columns)
    _to_parquet(district, "roster", select)
    assert "roster.parquet: row 2: column 'person_id': cannot read '12.5' as a whole number" in stop_message(tmp_path, district)


def test_ids_beyond_32_bits_load_in_csv_and_parquet(tmp_path, district):
    big = str(2**40 + 7)
    rows = read_rows(district / "roster.csv")
    rows[0]["roster_id"] = big
    write_rows(district / "roster.csv", rows, load_contract()["roster"].column_names)
    assert load_ok(tmp_path, district).execute(
        f"select count(*) from raw.roster where roster_id = {big}").fetchone()[0] == 1
    columns = load_contract()["roster"].column_names
    _to_parquet(district, "roster", ", ".join(f'"{name}"' for name in columns))
    assert duckdb.connect(str(_reload(tmp_path, district)), read_only=True).execute(
        f"select count(*) from raw.roster where roster_id = {big}").fetchone()[0] == 1


def _reload(tmp_path, folder):
    from statereport.loader import load_district

    database = tmp_path / "again" / "ky.duckdb"
    load_district(database, folder, "ky")
    return database


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_an_id_too_large_even_for_64_bits_is_one_line(tmp_path, district, kind):
    rows = read_rows(district / "roster.csv")
    rows[1]["roster_id"] = "99999999999999999999"
    write_rows(district / "roster.csv", rows, load_contract()["roster"].column_names)
    if kind == "parquet":
        _to_parquet(district, "roster", ", ".join(f'"{name}"' for name in load_contract()["roster"].column_names))
    message = stop_message(tmp_path, district)
    where = "roster.csv: line 3" if kind == "csv" else "roster.parquet: row 2"
    assert f"{where}: column 'roster_id': cannot read '99999999999999999999' as a whole number (too large even for a 64-bit id)" in message

"""KIDS-FILE-READBACK (src/statereport/kids_readback.py): every State Format file is read back from disk after it is
written; a file KSDE would reject as a file (TH/TT, transmission id, count, 77 fields, characters, CRLF) is an export
failure and is removed. Unit tests break one property of an otherwise good file each; the writer tests make the
real writer produce a bad file and check that nothing is left in place."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime

import duckdb
import pytest

from statereport import kids_files, kids_readback
from statereport.exports import ExportError
from statereport.kids_files import KidsFileError, KidsFileOptions

COLUMNS = [(f"d{position:02d}", f"Field {position}") for position in range(1, 78)]


def detail(number: int, **fields: str) -> list[str]:
    values = [""] * 77
    values[0], values[10], values[12] = "ENRL", f"L{number:05d}", f"{1000000000 + number}"
    for key, value in fields.items():
        values[int(key[1:]) - 1] = value
    return values


def state_file(details: list[list[str]], *, header=None, footer=None, terminator="\r\n") -> bytes:
    header = header or ["TH", "05/15/2025", "08:00:00", "0000000042", "18.0", "0X09"]
    footer = footer or ["TT", "0000000042", str(len(details) + 2)]
    records = [header, *details, footer]
    return "".join("\t".join(record) + terminator for record in records).encode("utf-8")


def test_a_good_file_has_no_problems():
    assert kids_readback.state_format_problems(state_file([detail(1), detail(2)])) == []
    assert kids_readback.state_format_problems(state_file([])) == [], "TH and TT alone: an empty extract is valid"


@pytest.mark.parametrize("data, problem", [
    (state_file([detail(1)], header=["XX", "05/15/2025", "08:00:00", "0000000042", "18.0", "0X09"]), "not TH"),
    (b"\t".join([b"TT", b"0000000042", b"3"]) + b"\r\n" + state_file([detail(1)]), "not TH"),
    (state_file([detail(1)]) + "\t".join(detail(2)).encode() + b"\r\n", "not TT"),
    (state_file([detail(1)], footer=["TT", "0000000043", "3"]), "differs from TH"),
    (state_file([detail(1)], footer=["TT", "0000000042", "1"]), "TH and TT included"),
    (state_file([detail(1), detail(2)[:76]]), "76 fields, not 77"),
    (state_file([detail(1) + [""]]), "78 fields, not 77"),
    (state_file([detail(1, d4="Doe\x07")]), "control character"),
    (state_file([detail(1, d4="Doe\u2028")]), "control character"),
    (state_file([detail(1)], terminator="\n"), "CRLF"),
    (state_file([detail(1)])[:-2], "does not end CRLF"),
    (state_file([detail(1, d4="Doe\rX")]), "not CRLF"),
    (b"\xef\xbb\xbf" + state_file([detail(1)]), "byte-order mark"),
    (state_file([detail(1)]).replace(b"L00001", b"L\xff0001"), "not UTF-8"),
    (state_file([detail(1), ["TH", "05/15/2025", "08:00:00", "0000000042", "18.0", "0X09"]],
                footer=["TT", "0000000042", "4"]), "TH inside the file"),
], ids=["th-not-first", "tt-first", "tt-not-last", "transmission-id", "count-without-th-tt", "76-fields",
        "78-fields", "bell", "line-separator", "lf-only", "no-final-crlf", "lone-cr", "bom", "not-utf8", "second-th"])
def test_each_broken_property_is_found(data, problem):
    problems = kids_readback.state_format_problems(data, "KIDS_ENRL_R01.txt")
    assert any(problem in text for text in problems), problems
    assert all(text.startswith("KIDS_ENRL_R01.txt") for text in problems)


def test_the_whole_file_tests_still_name_each_bad_record_among_many():
    """The readback tests the whole file at once and searches record by record only when that finds something: one
    bad record among a thousand is still named by its number, and a TH with all 77 fields inside the file is found."""
    details = [detail(number) for number in range(1, 1001)]
    assert kids_readback.state_format_problems(state_file(details)) == []
    problems = kids_readback.state_format_problems(
        state_file(details[:500] + [detail(501, d4="Doe\x0b")] + details[501:]), "F.txt")
    assert problems == ["F.txt: record 502 holds a control character other than the tab separator"]
    problems = kids_readback.state_format_problems(state_file(details[:9] + [["TH", *detail(10)[1:]]] + details[10:]),
                                                   "F.txt")
    assert problems == ["F.txt: record 11 is a TH inside the file"]
    problems = kids_readback.state_format_problems(state_file(details[:2] + [detail(3, d4="A\nB")] + details[3:]), "F.txt")
    assert "F.txt: record 4 holds a line end that is not CRLF" in problems


def test_zip_parts_are_each_checked(tmp_path):
    path = tmp_path / "KIDS_ENRL_R01.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("KIDS_ENRL_R01_P01.txt", state_file([detail(1)]))
        archive.writestr("KIDS_ENRL_R01_P02.txt", state_file([detail(2)], footer=["TT", "0000000042", "9"]))
    with pytest.raises(kids_readback.ReadbackError, match=r"KIDS_ENRL_R01.zip:KIDS_ENRL_R01_P02.txt: TT counts '9'"):
        kids_readback.check_file(path)
    assert "P01" not in str(pytest.raises(kids_readback.ReadbackError, kids_readback.check_file, path).value)


# --- the writer reads every State Format file back and never leaves a bad one in place ---------------------------

@pytest.fixture
def connection(tmp_path):
    connection = duckdb.connect(str(tmp_path / "synthetic.duckdb"))
    definitions = ", ".join(f"{name} varchar" for name, _ in COLUMNS)
    connection.execute(f"create schema marts; create table marts.kids_synthetic ({definitions})")
    connection.executemany(f"insert into marts.kids_synthetic values ({', '.join('?' for _ in COLUMNS)})",
                           [detail(number) for number in (1, 2, 3)])
    yield connection
    connection.close()


def write(connection, out_dir, **overrides):
    opts = replace(KidsFileOptions.from_vars({"state": "ks"}), generated_at=datetime(2025, 5, 15, 8, 0, 0),
                   run_fingerprint='{"state": "ks"}', **overrides)
    return kids_files.write_kids_extract(connection, '"marts"."kids_synthetic"', COLUMNS, out_dir, opts,
                                         file_name="KIDS_SYN", formats=["state"], order_by="d11")


def test_written_files_pass_the_read_back(connection, tmp_path):
    single = write(connection, tmp_path / "one")
    kids_readback.check_file(single.files[0][0])
    parts = write(connection, tmp_path / "parts", records_limit=2)
    assert parts.files[0][0].name == "KIDS_SYN_R01.zip"
    kids_readback.check_file(parts.files[0][0])


@pytest.mark.parametrize("records_limit, written_name", [(0, "KIDS_SYN_R01.txt"), (2, "KIDS_SYN_R01.zip")])
def test_a_file_failing_the_read_back_is_an_export_failure_and_removed(connection, tmp_path, monkeypatch,
                                                                       records_limit, written_name):
    out = tmp_path / "out"
    out.mkdir()
    # An earlier run's file of the same name must not survive either: it would look like this run's output.
    (out / "KIDS_SYN_R01.txt").write_bytes(state_file([detail(9)]))
    (out / "KIDS_SYN_R01.zip").write_bytes(b"earlier")
    monkeypatch.setattr(kids_files, "_footer_line",
                        lambda transmission, detail_records: f"TT\t{transmission}\t{detail_records}\r\n")
    with pytest.raises(KidsFileError, match="KIDS-FILE-READBACK: .*TH and TT included") as raised:
        write(connection, out, records_limit=records_limit)
    assert written_name in str(raised.value)
    assert isinstance(raised.value, ExportError), "an ExportError: the command line exits 5 (export failure)"
    assert sorted(path.name for path in out.iterdir()) == []


def test_the_read_back_beside_the_review_formats_still_fails_the_export_and_removes_the_file(connection, tmp_path,
                                                                                              monkeypatch):
    """write_kids_extract checks the State Format file in a thread while DuckDB writes the CSV: the failure still
    reaches the caller, after both are done, and the bad file is never put in place."""
    out = tmp_path / "out"
    monkeypatch.setattr(kids_files, "_footer_line",
                        lambda transmission, detail_records: f"TT\t{transmission}\t{detail_records}\r\n")
    opts = replace(KidsFileOptions.from_vars({"state": "ks"}), generated_at=datetime(2025, 5, 15, 8, 0, 0),
                   run_fingerprint='{"state": "ks"}')
    with pytest.raises(KidsFileError, match="KIDS-FILE-READBACK: KIDS_SYN_R01.txt: .*TH and TT included"):
        kids_files.write_kids_extract(connection, '"marts"."kids_synthetic"', COLUMNS, out, opts,
                                      file_name="KIDS_SYN", formats=["state", "csv"], order_by="d11")
    assert sorted(path.name for path in out.iterdir()) == ["KIDS_SYN.csv"], "no State Format file, no partial one"


def test_read_back_checks_the_bytes_on_disk(connection, tmp_path, monkeypatch):
    """The check reads the file the writer put on disk, not the records it meant to write: a record terminator
    changed on the way to disk is caught."""
    real = kids_files.write_framed_lines

    def lf_only(connection, line_query, path, head, tail):
        real(connection, line_query, path, head, tail)
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))

    monkeypatch.setattr(kids_files, "write_framed_lines", lf_only)
    with pytest.raises(KidsFileError, match="CRLF"):
        write(connection, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_sample_district_state_files_pass_the_read_back(ks):
    files = sorted(ks.out_dir.glob("KIDS_*_R[0-9][0-9].txt")) + sorted(ks.out_dir.glob("KIDS_*_R[0-9][0-9].zip"))
    assert len(files) == 9, [path.name for path in files]
    for path in files:
        kids_readback.check_file(path)
    assert io.BytesIO(files[0].read_bytes()).read(2) == b"TH"

"""The generic export writers (CSV and HTML pages of any mart): values come out exactly, escaped for HTML, in order,
and the rows are written by DuckDB rather than one by one in Python."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import duckdb

from statereport.exports import export_models, write_csv, write_html

AWKWARD = [
    ("O'Brien", 'say "hi" <b>bold</b> & more'),
    ("=SUM(A1)", "line one\nline two"),
    (None, "Ünïcödé"),
]


class _Cells(HTMLParser):
    """Collects each table row's cell texts and the page's paragraph text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.paragraphs: list[str] = []
        self._cell: list[str] | None = None
        self._in_paragraph = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "p":
            self._in_paragraph = True

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None
        elif tag == "p":
            self._in_paragraph = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_paragraph:
            self.paragraphs.append(data)


def _connection() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute("create table awkward (position integer, name varchar, note varchar)")
    connection.executemany("insert into awkward values (?, ?, ?)", [(i, *row) for i, row in enumerate(AWKWARD)])
    return connection


def test_html_page_escapes_every_value_and_keeps_order(tmp_path: Path) -> None:
    path = tmp_path / "Awkward.html"
    write_html(_connection(), 'select name as "Name <&>", note from awkward order by position desc', path, "Awkward")
    page = path.read_text(encoding="utf-8")
    assert "<b>bold</b>" not in page  # a value never becomes markup
    parsed = _Cells()
    parsed.feed(page)
    header, *records = parsed.rows
    assert header == ["Name <&>", "note"]
    assert records == [["", "Ünïcödé"], ["=SUM(A1)", "line one\nline two"], ["O'Brien", 'say "hi" <b>bold</b> & more']]
    assert parsed.paragraphs == ["3 records"]
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_html_page_of_no_records_is_a_complete_page(tmp_path: Path) -> None:
    path = tmp_path / "Empty.html"
    write_html(_connection(), "select name from awkward where false", path, "Empty")
    parsed = _Cells()
    parsed.feed(path.read_text(encoding="utf-8"))
    assert parsed.rows == [["name"]]
    assert parsed.paragraphs == ["0 records"]
    assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_csv_neutralizes_formulas_and_keeps_line_breaks(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "Awkward.csv"
    write_csv(_connection(), "select name, note from awkward order by position", path)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["name", "note"]
    assert rows[2] == ["'=SUM(A1)", "line one\nline two"]
    assert rows[1] == ["O'Brien", 'say "hi" <b>bold</b> & more']
    assert path.stat().st_mode & 0o777 == 0o600


def test_html_cells_holding_the_row_separator_character_come_out_exactly(tmp_path: Path) -> None:
    # Rows are escaped whole, their cells joined by chr(31); a value holding that character itself must not split.
    connection = _connection()
    connection.execute("insert into awkward values (9, 'a' || chr(31) || 'b', '<x>' || chr(31))")
    path = tmp_path / "Separator.html"
    write_html(connection, "select name, note from awkward order by position", path, "Separator")
    parsed = _Cells()
    parsed.feed(path.read_text(encoding="utf-8"))
    assert parsed.rows[1:] == [
        ["O'Brien", 'say "hi" <b>bold</b> & more'], ["=SUM(A1)", "line one\nline two"], ["", "Ünïcödé"],
        ["a\x1fb", "<x>\x1f"],
    ]


def _export_node() -> SimpleNamespace:
    export = {"file_name": "Awkward_Export", "formats": ["csv", "html"], "order_by": "position"}
    return SimpleNamespace(name="awkward_export", schema="marts", alias="awkward", columns={},
                           config=SimpleNamespace(meta={"export": export}))


def _export_database(tmp_path: Path) -> Path:
    database = tmp_path / "export.duckdb"
    connection = duckdb.connect(str(database))
    connection.execute("create schema marts")
    connection.execute("create table marts.awkward (position integer, name varchar, note varchar)")
    connection.executemany("insert into marts.awkward values (?, ?, ?)", [(i, *row) for i, row in enumerate(AWKWARD)])
    connection.close()
    return database


def test_html_page_above_its_row_limit_is_left_out_with_a_note(tmp_path: Path) -> None:
    database = _export_database(tmp_path)
    written = export_models(database, [_export_node()], tmp_path / "limited", {"export_html_max_rows": 2})
    assert [file.path.name for file in written] == ["Awkward_Export.csv"]
    assert written[0].rows == 3
    assert written[0].notes == [
        "Awkward_Export.html not written: 3 rows is more than export_html_max_rows (2); the other formats carry "
        "every row (--var export_html_max_rows=0 writes it anyway)"
    ]
    assert not (tmp_path / "limited" / "Awkward_Export.html").exists()

    written = export_models(database, [_export_node()], tmp_path / "unlimited", {"export_html_max_rows": 0})
    assert [file.path.name for file in written] == ["Awkward_Export.csv", "Awkward_Export.html"]
    assert all(not file.notes for file in written)
    written = export_models(database, [_export_node()], tmp_path / "at_limit", {"export_html_max_rows": 3})
    assert [file.path.name for file in written] == ["Awkward_Export.csv", "Awkward_Export.html"]


def test_a_csv_keeps_its_order_and_guards_formulas_at_district_size(tmp_path):
    """The formula guard wraps the sorted export query: at a size DuckDB runs in parallel (300,000 rows), the file must
    still come out in the query's order, with formula-like text guarded and plain numbers and empty text kept. (An IN
    list in the guard once became a join, and a 70,000-student Detail came out in another order.)"""
    connection = duckdb.connect()
    connection.execute(
        "create table rows as select (hash(i) % 1000000)::bigint as k, 'x' || i as s, "
        "case when i % 7 = 0 then '=' || i when i % 11 = 0 then '' when i % 13 = 0 then '-' || i end as f "
        "from range(300000) as r(i)")
    path = tmp_path / "rows.csv"
    assert write_csv(connection, "select * from rows order by k, s", path) == 300_000
    written = duckdb.sql(f"select k, f from read_csv('{path}', all_varchar = true)").fetchall()
    keys = [int(key) for key, _ in written]
    assert keys == sorted(keys)
    values = {value for _, value in written if value is not None}
    assert "'=7" in values and "=7" not in values and "-13" in values and "'" not in values

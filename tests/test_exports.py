"""The generic export writers (CSV and HTML pages of any mart): values come out exactly, escaped for HTML, in order,
and the rows are written by DuckDB rather than one by one in Python."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import duckdb

from statereport.exports import write_csv, write_html

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

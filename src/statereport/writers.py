"""File-writing helpers shared by the export writers (`statereport.exports`) and the KIDS writers
(`statereport.kids_files`): atomic replace, CSV through DuckDB COPY with the formula guard, HTML pages whose rows DuckDB
writes, and the "HTML page left out" rule. Both writer modules import this one; it imports neither, so there is no
import cycle between them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from statereport.warehouse import sql_text

_TEMPLATES = Environment(loader=PackageLoader("statereport", "templates"), autoescape=select_autoescape(["html", "j2"]))


class ExportError(Exception):
    """An export file cannot be written as its spec requires; the message says which file and why."""

def replace_atomically(temporary: Path, final: Path) -> None:
    os.chmod(temporary, 0o600)
    os.replace(temporary, final)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_bytes(data)
    replace_atomically(temporary, path)


# A text cell starting with one of these starts a spreadsheet formula (OWASP CSV-injection advice).
FORMULA_START_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = r"-?[0-9]+([.][0-9]+)?"


def without_formulas(connection: duckdb.DuckDBPyConnection, query: str) -> str:
    """Wraps `query` so no text cell of a CSV starts a spreadsheet formula (=, +, -, @, tab, CR): such a value gets a
    leading apostrophe, which spreadsheets show as text (OWASP CSV-injection advice). Plain numbers such as -5 stay.
    The first character is looked up in a string of the formula characters rather than matched with a regular
    expression (this runs on every text cell of every CSV: 3.6 million 62-column Detail rows statewide). Not with
    IN (...) or list_contains: DuckDB turns those into a join, which loses the ORDER BY of `query` (the rows came out
    in another order at 70,000 students; tests/test_exports.py holds that case)."""
    starts = " || ".join(f"'{character}'" if character.isprintable() else f"chr({ord(character)})"
                         for character in FORMULA_START_CHARACTERS)
    expressions = []
    # The cursor's description keeps each alias's case (DESCRIBE may not).
    for name, data_type, *_ in connection.execute(f"select * from ({query}) limit 0").description:
        quoted = '"' + name.replace('"', '""') + '"'
        if str(data_type).upper().startswith("VARCHAR"):
            expressions.append(
                f"case when {quoted} <> '' and contains({starts}, left({quoted}, 1))"
                f" and not regexp_full_match({quoted}, '{PLAIN_NUMBER}') then chr(39) || {quoted} else {quoted} end"
                f" as {quoted}"
            )
        else:
            expressions.append(quoted)
    return f"select {', '.join(expressions)} from ({query})"


def write_csv(connection: duckdb.DuckDBPyConnection, query: str, path: Path) -> int:
    """Writes the query's rows under a header; returns how many rows were written."""
    temporary = path.with_name(f".{path.name}.partial")
    escaped = sql_text(temporary)
    safe_query = without_formulas(connection, query)
    written = connection.execute(
        f"copy ({safe_query}) to '{escaped}' (format csv, header true, delimiter ',', quote '\"')"
    ).fetchone()[0]
    replace_atomically(temporary, path)
    return written


# The characters markupsafe (Jinja's autoescape) replaces, in the order that keeps '&' from being escaped twice.
_HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#39;"))
_BODY_MARK = "\x00rows\x00"
# Joins a row's cells before escaping: escaping is character by character, so escaping the joined row once equals
# escaping every cell (a third of the time on a 59-column file), and the separators then become cell boundaries.
_CELL_SEPARATOR = "chr(31)"


def _html_escaped(expression: str) -> str:
    for character, entity in _HTML_ESCAPES:
        expression = f"replace({expression}, '{character.replace(chr(39), chr(39) * 2)}', '{entity}')"
    return expression


def _html_text(quoted_column: str) -> str:
    return f"coalesce(cast({quoted_column} as varchar), '')"


def html_rows_query(query: str, columns: list[str]) -> str:
    """One `<tr>` line per row of `query`, every cell escaped as the template's autoescape would. A row whose values
    themselves hold the separator character is built cell by cell instead (the row's separator count gives it away)."""
    if not columns:
        return f"select '<tr></tr>' from ({query})"
    quoted = ['"' + name.replace('"', '""') + '"' for name in columns]
    joined = f"concat_ws({_CELL_SEPARATOR}, {', '.join(_html_text(column) for column in quoted)})"
    cell_by_cell = "concat('<tr>', " + ", ".join(
        f"'<td>', {_html_escaped(_html_text(column))}, '</td>'" for column in quoted
    ) + ", '</tr>')"
    separators = f"length(joined_row) - length(replace(joined_row, {_CELL_SEPARATOR}, ''))"
    return (
        f"select case when {separators} = {len(columns) - 1} "
        f"then concat('<tr><td>', replace({_html_escaped('joined_row')}, {_CELL_SEPARATOR}, '</td><td>'), '</td></tr>') "
        f"else {cell_by_cell} end from (select *, {joined} as joined_row from ({query}))"
    )


def copy_lines(connection: duckdb.DuckDBPyConnection, line_query: str, path: Path) -> None:
    """Writes each row of a one-column query as one line exactly as built: quote '' and a delimiter that never occurs
    turn COPY into a plain line writer (newlines inside a value are written as they are)."""
    escaped = sql_text(path)
    connection.execute(
        f"copy ({line_query}) to '{escaped}' (format csv, header false, quote '', escape '', delimiter '\x1f')"
    )


def write_framed_lines(connection: duckdb.DuckDBPyConnection, line_query: str, path: Path, head: str, tail: str) -> None:
    """Writes `head`, the query's lines (DuckDB streams them to disk: no row passes through Python) and `tail` to
    `path` (a temporary name the caller renames)."""
    lines_file = path.with_name(f"{path.name}.lines")
    try:
        copy_lines(connection, line_query, lines_file)
        with path.open("wb") as target:
            target.write(head.encode("utf-8"))
            with lines_file.open("rb") as lines:
                shutil.copyfileobj(lines, target, 1 << 20)
            target.write(tail.encode("utf-8"))
    finally:
        lines_file.unlink(missing_ok=True)


def write_html(connection: duckdb.DuckDBPyConnection, query: str, path: Path, title: str,
               record_count: int | None = None) -> None:
    """One table row per record, escaped as the template's autoescape would, written by DuckDB; the page around the
    rows comes from the template. Pass `record_count` when the caller already counted the rows."""
    columns = [d[0] for d in connection.execute(f"select * from ({query}) limit 0").description]
    if record_count is None:
        record_count = connection.execute(f"select count(*) from ({query})").fetchone()[0]
    page = _TEMPLATES.get_template("extract.html.j2").render(
        title=title, columns=columns, record_count=record_count, body=_BODY_MARK
    )
    head, tail = page.split(_BODY_MARK)
    temporary = path.with_name(f".{path.name}.partial")
    write_framed_lines(connection, html_rows_query(query, columns), temporary, head, tail)
    replace_atomically(temporary, path)


def html_page_too_long(rows: int, html_max_rows: int) -> bool:
    return bool(html_max_rows) and rows > html_max_rows


def html_left_out_note(file_name: str, rows: int, html_max_rows: int) -> str:
    return (f"{file_name} not written: {rows:,} rows is more than export_html_max_rows ({html_max_rows:,}); the "
            "other formats carry every row (--var export_html_max_rows=0 writes it anyway)")

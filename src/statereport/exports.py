"""Writes export files from the marts. Models opt in with `config.meta.export`:

    meta:
      export:
        file_name: KECS_LEAD_Detail      # the vendor's file name, without extension
        formats: [csv, html]
        order_by: "school_number, section_id"

Mart columns are snake_case; a column whose YAML has `meta: {header: "Date Time Generated"}` is written under
that header (the vendor's element name), so users query marts comfortably and files match the spec to the letter.

CSV goes through DuckDB `COPY`; HTML through a Jinja template. Every file is written to a temporary name
in the same folder and renamed, so a failed run never leaves a half-written file behind.

A model whose formats include `state` or `xml` is a Kansas KIDS extract: `statereport.kids_files` writes all of its
formats (State Format with TH/TT, records-limit zip, revision naming, layout cleaning, XML), reusing the CSV and HTML
writers below, and the run's KIDS cleaning warnings go to `kids_file_warnings.csv` beside the files.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from statereport.warehouse import duckdb_settings

_TEMPLATES = Environment(loader=PackageLoader("statereport", "templates"), autoescape=select_autoescape(["html", "j2"]))


KIDS_FORMATS = {"state", "xml"}


class ExportError(Exception):
    """An export file cannot be written as its spec requires; the message says which file and why."""


@dataclass
class WrittenFile:
    model: str
    path: Path
    rows: int
    size: int
    notes: list[str] = field(default_factory=list)  # warnings the run output shows under the file


def _relation(node) -> str:
    return f'"{node.schema}"."{node.alias}"'


def export_query(node) -> str:
    """The select that an export writes: every column in model order, renamed to its documented header."""
    spec = node.config.meta["export"]
    documented = node.columns
    if documented:
        select_list = ", ".join(
            f'"{name}" as "{(column.meta or {}).get("header", name)}"' for name, column in documented.items()
        )
    else:
        select_list = "*"
    # Every column breaks the documented sort's ties, so two runs always write rows in the same order.
    positions = ", ".join(str(i) for i in range(1, len(documented) + 1)) if documented else ""
    order_by = ", ".join(part for part in (spec.get("order_by"), positions) if part) or "all"
    return f"select {select_list} from {_relation(node)} order by {order_by}"


def _replace_atomically(temporary: Path, final: Path) -> None:
    os.chmod(temporary, 0o600)
    os.replace(temporary, final)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_bytes(data)
    _replace_atomically(temporary, path)


FORMULA_START = r"^[=+@\t\r-]"
PLAIN_NUMBER = r"-?[0-9]+([.][0-9]+)?"


def without_formulas(connection: duckdb.DuckDBPyConnection, query: str) -> str:
    """Wraps `query` so no text cell of a CSV starts a spreadsheet formula (=, +, -, @, tab, CR): such a value gets a
    leading apostrophe, which spreadsheets show as text (OWASP CSV-injection advice). Plain numbers such as -5 stay."""
    expressions = []
    # The cursor's description keeps each alias's case (DESCRIBE may not).
    for name, data_type, *_ in connection.execute(f"select * from ({query}) limit 0").description:
        quoted = '"' + name.replace('"', '""') + '"'
        if str(data_type).upper().startswith("VARCHAR"):
            expressions.append(
                f"case when regexp_matches({quoted}, '{FORMULA_START}') and not regexp_full_match({quoted}, '{PLAIN_NUMBER}')"
                f" then chr(39) || {quoted} else {quoted} end as {quoted}"
            )
        else:
            expressions.append(quoted)
    return f"select {', '.join(expressions)} from ({query})"


def write_csv(connection: duckdb.DuckDBPyConnection, query: str, path: Path) -> int:
    """Writes the query's rows under a header; returns how many rows were written."""
    temporary = path.with_name(f".{path.name}.partial")
    escaped = str(temporary).replace("'", "''")
    safe_query = without_formulas(connection, query)
    written = connection.execute(
        f"copy ({safe_query}) to '{escaped}' (format csv, header true, delimiter ',', quote '\"')"
    ).fetchone()[0]
    _replace_atomically(temporary, path)
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
    escaped = str(path).replace("'", "''")
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
    _replace_atomically(temporary, path)


def html_page_too_long(rows: int, html_max_rows: int) -> bool:
    return bool(html_max_rows) and rows > html_max_rows


def html_left_out_note(file_name: str, rows: int, html_max_rows: int) -> str:
    return (f"{file_name} not written: {rows:,} rows is more than export_html_max_rows ({html_max_rows:,}); the "
            "other formats carry every row (--var export_html_max_rows=0 writes it anyway)")


def node_columns(node) -> list[tuple[str, str, bool]]:
    """(column, header, carries SSN digits) for every documented column, in model order."""
    return [
        (name, (column.meta or {}).get("header", name), bool((column.meta or {}).get("kids_ssn_last4", False)))
        for name, column in node.columns.items()
    ]


def _write_mart_formats(connection: duckdb.DuckDBPyConnection, node, spec: dict, formats: list[str], out_dir: Path,
                        html_max_rows: int) -> tuple[list[WrittenFile], list[str]]:
    """Writes one mart's CSV and HTML. CSV alone goes straight from the sorted mart to disk (COPY gives the row
    count); with HTML too the mart runs once into a temporary table that both read in its sorted order (DuckDB keeps
    insertion order), unless the CSV's row count already shows the page would be left out."""
    unknown = sorted(set(formats) - {"csv", "html"})
    if unknown:
        raise ExportError(f"{node.name}: no writer for export format {', '.join(map(repr, unknown))}")
    query = export_query(node)
    rows = None
    if "html" in formats and "csv" not in formats:
        rows = connection.execute(f"select count(*) from ({query})").fetchone()[0]
    elif "html" in formats and not html_max_rows:
        connection.execute(f"create or replace temp table export_rows as {query}")
        query = "select * from export_rows"
        rows = connection.execute("select count(*) from export_rows").fetchone()[0]
    files: list[WrittenFile] = []
    left_out: list[str] = []
    for file_format in sorted(formats, key=lambda name: name != "csv"):  # the CSV first: its row count decides
        path = out_dir / f"{spec['file_name']}.{file_format}"
        if file_format == "csv":
            rows = write_csv(connection, query, path)
        elif html_page_too_long(rows, html_max_rows):
            left_out.append(html_left_out_note(path.name, rows, html_max_rows))
            continue
        else:
            write_html(connection, query, path, spec["file_name"], record_count=rows)
        files.append(WrittenFile(node.name, path, rows, path.stat().st_size))
    return files, left_out


def export_models(database: Path, nodes: list, out_dir: Path, run_vars: dict | None = None) -> list[WrittenFile]:
    """Writes every export of `nodes`. `run_vars` are the run's dbt vars (project defaults plus overrides), read by
    the KIDS writers (generated_at, kids_*); None means the project's defaults."""
    out_dir.mkdir(parents=True, exist_ok=True)
    from statereport.dbt_runner import project_vars

    run_vars = project_vars() if run_vars is None else run_vars
    html_max_rows = int(run_vars.get("export_html_max_rows") or 0)
    written: list[WrittenFile] = []
    kids_warnings: list[dict] | None = None
    # Not read_only: dbt-duckdb, run in this same process, still holds the file open read-write, and DuckDB refuses a
    # second connection to one file with another configuration. The writers only read.
    connection = duckdb.connect(str(database), config=duckdb_settings())
    try:
        for node in nodes:
            spec = node.config.meta["export"]
            formats = spec.get("formats", ["csv"])
            if KIDS_FORMATS & set(formats):
                from statereport import kids_files

                options = kids_files.KidsFileOptions.from_vars(run_vars)
                result = kids_files.write_kids_extract(
                    connection, _relation(node), node_columns(node), out_dir, options,
                    file_name=spec["file_name"], formats=formats, order_by=spec.get("order_by"),
                    html_max_rows=html_max_rows,
                )
                files = [WrittenFile(node.name, path, result.rows, path.stat().st_size) for path, _ in result.files]
                if files:
                    files[0].notes.extend(result.notes)
                written.extend(files)
                kids_warnings = (kids_warnings or []) + result.warnings
                continue
            files, left_out = _write_mart_formats(connection, node, spec, formats, out_dir, html_max_rows)
            if files:
                files[0].notes.extend(left_out)
            written.extend(files)
    finally:
        connection.close()
    if kids_warnings is not None:
        from statereport import kids_files

        path = kids_files.write_warnings(kids_warnings, out_dir)
        notes = [kids_files.warning_line(warning) for warning in kids_warnings]
        written.append(WrittenFile("kids_file_warnings", path, len(kids_warnings), path.stat().st_size, notes))
    return written

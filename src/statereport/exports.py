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


def write_csv(connection: duckdb.DuckDBPyConnection, query: str, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    escaped = str(temporary).replace("'", "''")
    safe_query = without_formulas(connection, query)
    connection.execute(f"copy ({safe_query}) to '{escaped}' (format csv, header true, delimiter ',', quote '\"')")
    _replace_atomically(temporary, path)


# The characters markupsafe (Jinja's autoescape) replaces, in the order that keeps '&' from being escaped twice.
_HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#39;"))
_BODY_MARK = "\x00rows\x00"


def _html_cell(quoted_column: str) -> str:
    expression = f"coalesce(cast({quoted_column} as varchar), '')"
    for character, entity in _HTML_ESCAPES:
        expression = f"replace({expression}, '{character.replace(chr(39), chr(39) * 2)}', '{entity}')"
    return f"'<td>' || {expression} || '</td>'"


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
    cells = " || ".join(_html_cell('"' + name.replace('"', '""') + '"') for name in columns) or "''"
    page = _TEMPLATES.get_template("extract.html.j2").render(
        title=title, columns=columns, record_count=record_count, body=_BODY_MARK
    )
    head, tail = page.split(_BODY_MARK)
    temporary = path.with_name(f".{path.name}.partial")
    write_framed_lines(connection, f"select '<tr>' || {cells} || '</tr>' from ({query})", temporary, head, tail)
    _replace_atomically(temporary, path)


def node_columns(node) -> list[tuple[str, str, bool]]:
    """(column, header, carries SSN digits) for every documented column, in model order."""
    return [
        (name, (column.meta or {}).get("header", name), bool((column.meta or {}).get("kids_ssn_last4", False)))
        for name, column in node.columns.items()
    ]


def export_models(database: Path, nodes: list, out_dir: Path, run_vars: dict | None = None) -> list[WrittenFile]:
    """Writes every export of `nodes`. `run_vars` are the run's dbt vars (project defaults plus overrides), read by
    the KIDS writers (generated_at, kids_*); None means the project's defaults."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[WrittenFile] = []
    kids_warnings: list[dict] | None = None
    # Not read_only: dbt-duckdb, run in this same process, still holds the file open read-write, and DuckDB refuses a
    # second connection to one file with another configuration. The writers only read.
    connection = duckdb.connect(str(database))
    try:
        for node in nodes:
            spec = node.config.meta["export"]
            formats = spec.get("formats", ["csv"])
            if KIDS_FORMATS & set(formats):
                from statereport import kids_files
                from statereport.dbt_runner import project_vars

                options = kids_files.KidsFileOptions.from_vars(project_vars() if run_vars is None else run_vars)
                result = kids_files.write_kids_extract(
                    connection, _relation(node), node_columns(node), out_dir, options,
                    file_name=spec["file_name"], formats=formats, order_by=spec.get("order_by"),
                )
                written.extend(WrittenFile(node.name, path, result.rows, path.stat().st_size) for path, _ in result.files)
                kids_warnings = (kids_warnings or []) + result.warnings
                continue
            # The mart is a view: run it once into a temporary table that every format then reads in the same order.
            connection.execute(f"create or replace temp table export_rows as {export_query(node)}")
            query = "select * from export_rows order by rowid"
            rows = connection.execute("select count(*) from export_rows").fetchone()[0]
            for file_format in formats:
                path = out_dir / f"{spec['file_name']}.{file_format}"
                if file_format == "csv":
                    write_csv(connection, query, path)
                elif file_format == "html":
                    write_html(connection, query, path, spec["file_name"], record_count=rows)
                else:
                    raise ExportError(f"{node.name}: no writer for export format {file_format!r}")
                written.append(WrittenFile(node.name, path, rows, path.stat().st_size))
    finally:
        connection.close()
    if kids_warnings is not None:
        from statereport import kids_files

        path = kids_files.write_warnings(kids_warnings, out_dir)
        notes = [kids_files.warning_line(warning) for warning in kids_warnings]
        written.append(WrittenFile("kids_file_warnings", path, len(kids_warnings), path.stat().st_size, notes))
    return written

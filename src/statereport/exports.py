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
writers of `statereport.writers` (shared with this module, so neither writer module imports the other lazily), and the run's KIDS cleaning warnings go to `kids_file_warnings.csv` beside the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from statereport import kids_files
from statereport.settings import RunSettings
from statereport.warehouse import duckdb_settings
from statereport.writers import (  # noqa: F401 (re-exported: callers and tests import these from exports)
    FORMULA_START_CHARACTERS,
    PLAIN_NUMBER,
    ExportError,
    copy_lines,
    html_left_out_note,
    html_page_too_long,
    html_rows_query,
    without_formulas,
    write_bytes_atomically,
    write_csv,
    write_framed_lines,
    write_html,
)


KIDS_FORMATS = {"state", "xml"}


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


def export_models(database: Path, nodes: list, out_dir: Path, settings: Mapping | None = None,
                  kids_options: kids_files.KidsFileOptions | None = None) -> list[WrittenFile]:
    """Writes every export of `nodes`. `settings` are the run's settings (statereport.settings; a plain mapping is taken
    as overrides of the project's vars, None as its defaults), read by the writers (export_html_max_rows, generated_at,
    kids_*). `kids_options` are the KIDS file options the run built from them (built here, once, when not given)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    settings = RunSettings.of(settings)
    html_max_rows = int(settings["export_html_max_rows"] or 0)
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
                kids_options = kids_options or kids_files.KidsFileOptions.from_vars(settings)
                result = kids_files.write_kids_extract(
                    connection, _relation(node), node_columns(node), out_dir, kids_options,
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
        path = kids_files.write_warnings(kids_warnings, out_dir)
        notes = [kids_files.warning_line(warning) for warning in kids_warnings]
        written.append(WrittenFile("kids_file_warnings", path, len(kids_warnings), path.stat().st_size, notes))
    return written

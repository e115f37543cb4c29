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
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

_TEMPLATES = Environment(loader=PackageLoader("statereport", "templates"), autoescape=select_autoescape(["html"]))


@dataclass
class WrittenFile:
    model: str
    path: Path
    rows: int
    size: int


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
    order_by = spec.get("order_by")
    return f"select {select_list} from {_relation(node)}" + (f" order by {order_by}" if order_by else "")


def _replace_atomically(temporary: Path, final: Path) -> None:
    os.chmod(temporary, 0o600)
    os.replace(temporary, final)


def write_csv(connection: duckdb.DuckDBPyConnection, query: str, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    escaped = str(temporary).replace("'", "''")
    connection.execute(f"copy ({query}) to '{escaped}' (format csv, header true, delimiter ',', quote '\"')")
    _replace_atomically(temporary, path)


def write_html(connection: duckdb.DuckDBPyConnection, query: str, path: Path, title: str) -> None:
    cursor = connection.execute(query)
    columns = [d[0] for d in cursor.description]
    rows = [["" if v is None else str(v) for v in row] for row in cursor.fetchall()]
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_text(_TEMPLATES.get_template("extract.html.j2").render(title=title, columns=columns, rows=rows), encoding="utf-8")
    _replace_atomically(temporary, path)


def export_models(database: Path, nodes: list, out_dir: Path) -> list[WrittenFile]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[WrittenFile] = []
    connection = duckdb.connect(str(database))
    try:
        for node in nodes:
            spec = node.config.meta["export"]
            query = export_query(node)
            rows = connection.execute(f"select count(*) from {_relation(node)}").fetchone()[0]
            for file_format in spec.get("formats", ["csv"]):
                path = out_dir / f"{spec['file_name']}.{file_format}"
                if file_format == "csv":
                    write_csv(connection, query, path)
                elif file_format == "html":
                    write_html(connection, query, path, spec["file_name"])
                else:
                    continue  # other formats (State Format, XML) have their own writers
                written.append(WrittenFile(node.name, path, rows, path.stat().st_size))
    finally:
        connection.close()
    return written

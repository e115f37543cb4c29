"""The data clerk's review page: one static HTML file per state and run (no server, assets inline), opened from the
file system in any browser.

It shows a summary per extract, the warnings grouped by rule id with their catalogue "how to fix" text and a row-level
worklist, the exclusion ledger, and every exported report's rows in a sortable, filterable table (vanilla JS inline).
This page is the only output of a run that shows names and birth dates (it reads the marts' rows); keep it local.

Tables embed their rows as JSON and the script renders at most `RENDER_LIMIT` matching rows at a time, so a district's
large Detail report stays responsive; counts always cover every row. A URL hash `#filter=<table id>:<text>` applies a
filter on load (used by the browser test, and handy to link a clerk to one student: `#filter=ledger:12345`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape

from statereport import kids_validation_review
from statereport.exports import export_query
from statereport.forecast import forecast_review
from statereport.summary import (
    EXCLUSION_MODEL,
    WARNING_MODEL,
    StateSummary,
    extract_of,
    read_catalogue,
    relation,
    state_models,
)
from statereport.worklist import FIRST_ROWS, chart_bars, fix_first, lead_columns, rule_title

EMBED_LIMIT = 100_000  # rows embedded per table; beyond it the page says so and points to the CSV
LEDGER_EXPORT_MODEL = "exclusion_ledger"  # the Exclusion_Ledger export: the same rows as the Exclusions section
LEDGER_COLUMNS = ("extract_name", "rule_id", "record_key", "person_id", "section_id", "staff_person_id", "school_id",
                  "detail")

_TEMPLATES = Environment(loader=PackageLoader("statereport", "templates"), autoescape=select_autoescape(["html", "j2"]))


@dataclass
class Table:
    table_id: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    total_rows: int
    # Columns the page's script appends to every row from a dictionary, each (index of the key column in a row, {key:
    # text}), after the columns `rows` holds: a text many rows share (a rule's reason and fix) is written once.
    lookups: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    @property
    def truncated(self) -> bool:
        return self.total_rows > len(self.rows)

    def as_json(self) -> str:
        # Data inside a script element: `<`, `>` and `&` are written as JSON \u escapes, so no value (`</script>`,
        # `<!--<script>`, `]]>`) can end the element or switch the parser into another state; JSON.parse restores them.
        document = {"columns": self.columns, "rows": self.rows}
        if self.lookups:
            document["lookups"] = [{"key": key, "values": values} for key, values in self.lookups]
        text = json.dumps(document, ensure_ascii=False)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _text(value) -> str:
    return "" if value is None else str(value)


def embedded_rows(column_count: int, max_cells: int) -> int:
    """How many rows of a table of `column_count` columns the page embeds: at most EMBED_LIMIT, and with var
    review_table_max_cells (max_cells > 0) at most that many cells, never fewer than one row."""
    if max_cells <= 0 or column_count <= 0:
        return EMBED_LIMIT
    return max(1, min(EMBED_LIMIT, max_cells // column_count))


def _embedded_table(connection, table_id: str, title: str, query: str, total: int | None = None, *,
           max_cells: int = 0) -> Table:
    """The first rows of `query` the page embeds (embedded_rows) and how many there are (`total` when the caller
    already knows)."""
    if total is None:
        total = connection.execute(f"select count(*) from ({query}) as counted").fetchone()[0]
    cursor = connection.execute(f"{query} limit {EMBED_LIMIT}")
    columns = [d[0] for d in cursor.description]
    rows = [[_text(value) for value in row] for row in cursor.fetchmany(embedded_rows(len(columns), max_cells))]
    return Table(table_id, title, columns, rows, total)


def _headed_select(node, where: str = "", worklist_columns: list[str] | None = None) -> str:
    """Every documented column under its export header; a worklist (the mart's columns given) leads with who and
    where: state id, name, school."""
    documented = node.columns
    names = list(documented) or list(worklist_columns or [])
    if worklist_columns:
        names = [names[index] for index in lead_columns(names)]
    select_list = ", ".join(
        f'"{name}" as "{((documented[name].meta or {}) if name in documented else {}).get("header", name)}"'
        for name in names
    ) if names else "*"
    # Every column orders the rows, so identical runs write identical pages.
    return f"select {select_list} from {relation(node)}{where} order by all"


def _school_names(tables: list[Table]) -> set[str]:
    """The school names the page's tables hold (columns headed "School Name"), for the page-wide school filter."""
    names: set[str] = set()
    for table in tables:
        for index, column in enumerate(table.columns):
            if column.lower().replace("_", " ") == "school name":
                names.update(row[index] for row in table.rows if row[index])
    return names


def page_options(settings) -> dict:
    """build_page's arguments that come from a run's settings: the generated_at stamp and var review_table_max_cells."""
    return {"generated_at": str(settings["generated_at"]), "max_cells": int(settings["review_table_max_cells"] or 0)}


def build_page(database: Path, manifest, summary: StateSummary, export_nodes: list, path: Path,
               generated_at: str, max_cells: int = 0) -> Path:
    """Writes the review page for one state's run and returns its path. `max_cells` is var review_table_max_cells:
    the cells (rows x columns) the page embeds of each table, 0 = EMBED_LIMIT rows whatever their width."""
    _table = partial(_embedded_table, max_cells=max_cells)
    models = state_models(manifest, summary.state)
    folders = {extract.extract for extract in summary.extracts}
    connection = duckdb.connect(str(database), read_only=True)
    try:
        catalogue = read_catalogue(connection, manifest)
        warning_groups = []
        worklist_sources: list[tuple[str, list[str]]] = []
        for extract in summary.extracts:
            for node in models:
                if extract_of(node) == extract.extract and WARNING_MODEL.search(node.name):
                    columns = [row[0] for row in connection.execute(f"describe {relation(node)}").fetchall()]
                    if "rule_id" in columns:
                        worklist_sources.append((relation(node), columns))
        critical = {rule.rule_id: {"description": rule.description, "how_to_fix": rule.how_to_fix}
                    for extract in summary.extracts for rule in extract.warnings if rule.severity == "critical"}
        fix_first_groups = fix_first(connection, worklist_sources, critical)
        for extract in summary.extracts:
            nodes = [node for node in models if extract_of(node) == extract.extract and WARNING_MODEL.search(node.name)]
            for rule in extract.warnings:
                tables = []
                see = None
                for node in nodes:
                    if node.name == kids_validation_review.VALIDATION_MODEL:
                        see = "kids-validation"  # its rows, with the students' names, are that section's table
                        continue
                    columns = [row[0] for row in connection.execute(f"describe {relation(node)}").fetchall()]
                    if "rule_id" not in columns:
                        continue
                    escaped = rule.rule_id.replace("'", "''")
                    query = _headed_select(node, f" where cast(rule_id as varchar) = '{escaped}'", columns)
                    table_id = f"w-{rule.rule_id}-{node.name}".lower()
                    table = _table(connection, table_id, node.name, query)
                    if table.total_rows:
                        tables.append(table)
                warning_groups.append({"extract": extract, "rule": rule, "tables": tables, "see": see})
        ledger_nodes = [node for node in models if extract_of(node) in folders and EXCLUSION_MODEL.search(node.name)]
        ledger = None
        if ledger_nodes:
            parts = " union all ".join(
                "select " + ", ".join(f'cast("{column}" as varchar) as "{column}"' for column in LEDGER_COLUMNS)
                + f" from {relation(node)}" for node in ledger_nodes
            )
            ledger = _table(connection, "ledger", "Exclusion ledger",
                            f"select * from ({parts}) as ledger order by all")
            # Each row shows its rule's reason and fix; the page holds each rule's once (a statewide ledger's first
            # 100,000 rows carried them in every row: 40 of a 154 MB Kentucky page).
            rules = sorted({row[1] for row in ledger.rows})
            ledger.columns = [*ledger.columns, "reason", "how_to_fix"]
            ledger.lookups = [(1, {rule: catalogue.get(rule, {}).get(part, "") for rule in rules})
                              for part in ("description", "how_to_fix")]
        kids_validation = kids_validation_review.section(connection, models, _table)
        reports = []
        # The summary already counted every report (a count re-runs the mart's view: seconds on a statewide Detail).
        report_rows = {report.model: report.rows for extract in summary.extracts for report in extract.reports}
        for node in export_nodes:
            # KIDS_Validation's rows are the KIDS validation section's table, and the exclusion ledger's the
            # Exclusions section's (with each rule's reason and fix): each shown once, there
            shown_in_section = ((kids_validation and node.name == kids_validation_review.VALIDATION_MODEL)
                                or (ledger is not None and node.name == LEDGER_EXPORT_MODEL))
            if extract_of(node) not in folders or shown_in_section:
                continue
            spec = node.config.meta["export"]
            reports.append(_table(connection, f"r-{node.name}".lower(), spec["file_name"], export_query(node),
                                  report_rows.get(node.name)))
        forecast = forecast_review(connection, manifest, summary.state) if "ky_lead" in folders else None
    finally:
        connection.close()
    titles = {rule.rule_id: rule_title(rule.rule_id, rule.description)
              for extract in summary.extracts for rule in [*extract.excluded, *extract.warnings]}
    charts = {extract.extract: chart_bars(extract) for extract in summary.extracts}
    schools = sorted({school.school for group in fix_first_groups for school in group.schools}
                     | _school_names([*(table for group in warning_groups for table in group["tables"]), *reports]))
    html = _TEMPLATES.get_template("review.html.j2").render(
        summary=summary, warning_groups=warning_groups, ledger=ledger, reports=reports, generated_at=generated_at,
        embed_limit=EMBED_LIMIT, fix_first=fix_first_groups, titles=titles, charts=charts, schools=schools,
        first_rows=FIRST_ROWS, forecast=forecast, kids_validation=kids_validation,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_text(html, encoding="utf-8")
    temporary.chmod(0o600)  # names and birth dates: readable by the clerk's account only
    temporary.replace(path)
    return path

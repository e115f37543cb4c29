"""What a run produced, read back from the warehouse: per extract the reported rows, the excluded rows by rule, the
warnings by rule (with their catalogue severity) and the files written. The run summary (text and JSON) shows only
counts, ids and file names; names and birth dates are read only by the review page (`statereport.review`).

Where things live (CONTRIBUTING.md): an extract is a mart folder `models/marts/<extract>/`; its exported reports are the
models with `config.meta.export`; its exclusions are the models named `*_exclusions` (`<extract>__exclusions`, or one
per report such as `ky_lead__staff_exclusions`; column `rule_id`); its warnings are the models named `*_warnings` or
`*_issues` (or `*_validation`, the KIDS pre-submission checks) with a `rule_id` column; severities and "how to fix" come from the
rule-catalogue seeds `seeds/reference/rule_catalogue__*.csv`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from statereport.forecast import forecast_counts, forecast_line
from statereport.settings import RunSettings

# Exit codes (documented in `statereport --help` and the README).
EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_BUILD_FAILED = 3
EXIT_WAREHOUSE_IN_USE = 4
EXIT_EXPORT_FAILED = 5
EXIT_CRITICAL = 6

EXTRACT_TITLES = {
    "ky_lead": "KECS LEAD Extract",
    "ky_el": "KY EL Extract",
    "ks_kids": "KIDS Collection Extracts",
    "ledger": "Exclusion ledger (every extract of the state)",
    "input": "District input issues",
}
WARNING_MODEL = re.compile(r"_(warnings|issues|validation)$")  # ky_el__warnings, ky_lead__issues, ks_kids__validation
EXCLUSION_MODEL = re.compile(r"_exclusions$")  # ky_el__exclusions, ky_lead__staff_exclusions


def relation(node) -> str:
    return f'"{node.schema}"."{node.alias}"'


def extract_of(node) -> str | None:
    """The mart folder (`ky_lead`, `ky_el`, `ks_kids`, ...) a model belongs to, or None outside marts."""
    fqn = list(node.fqn)
    if len(fqn) >= 4 and fqn[1] == "marts":
        return fqn[2]
    return None


def state_models(manifest, state: str) -> list:
    return sorted(
        (node for node in manifest.nodes.values()
         if node.resource_type == "model" and state in node.tags and extract_of(node)),
        key=lambda node: node.name,
    )


def exclusion_models(manifest, state: str) -> list:
    return [node for node in state_models(manifest, state) if EXCLUSION_MODEL.search(node.name)]


def warning_models(manifest, state: str) -> list:
    return [node for node in state_models(manifest, state) if WARNING_MODEL.search(node.name)]


def catalogue_seeds(manifest) -> list:
    return sorted(
        (node for node in manifest.nodes.values()
         if node.resource_type == "seed" and node.name.startswith("rule_catalogue__")),
        key=lambda node: node.name,
    )


@dataclass
class RuleCount:
    rule_id: str
    rows: int
    severity: str = ""
    kind: str = ""
    description: str = ""
    how_to_fix: str = ""
    spec_reference: str = ""


@dataclass
class ReportCount:
    model: str
    file_name: str
    rows: int


@dataclass
class FileWritten:
    path: str
    rows: int
    size: int
    model: str
    notes: list[str] = field(default_factory=list)


@dataclass
class ExtractSummary:
    extract: str
    title: str
    reports: list[ReportCount] = field(default_factory=list)
    excluded: list[RuleCount] = field(default_factory=list)
    warnings: list[RuleCount] = field(default_factory=list)
    files: list[FileWritten] = field(default_factory=list)

    @property
    def excluded_rows(self) -> int:
        return sum(rule.rows for rule in self.excluded)

    @property
    def warning_rows(self) -> int:
        return sum(rule.rows for rule in self.warnings)

    @property
    def all_candidates_excluded(self) -> bool:
        """The extract had candidates but reports none: a run must say so, never just write empty files."""
        return bool(self.reports) and sum(report.rows for report in self.reports) == 0 and self.excluded_rows > 0

    @property
    def note(self) -> str | None:
        if self.all_candidates_excluded:
            return (f"no record reported: all {self.excluded_rows:,} candidates are in the exclusion ledger, by the "
                    "rules above (check the options: dates, calendars, grades)")
        return None

    @property
    def critical_rows(self) -> int:
        return sum(rule.rows for rule in self.warnings if rule.severity == "critical")

    @property
    def warnings_by_severity(self) -> dict[str, int]:
        """Warning rows per catalogue severity (e.g. the KIDS validation's critical = KSDE-rejects rows)."""
        totals: dict[str, int] = {}
        for rule in self.warnings:
            totals[rule.severity or "uncatalogued"] = totals.get(rule.severity or "uncatalogued", 0) + rule.rows
        return dict(sorted(totals.items()))


@dataclass
class StateSummary:
    state: str
    vars: dict[str, Any]
    extracts: list[ExtractSummary] = field(default_factory=list)
    review_page: str | None = None
    log_file: str | None = None
    other_files: list[FileWritten] = field(default_factory=list)  # files of no one mart (e.g. KIDS file warnings)
    history_run: str | None = None  # this run's id in the run history (statereport.history)
    diff: dict | None = None  # counts of the submission diff against the last submitted run (statereport.diff)
    forecast: dict[str, Any] | None = None  # KECS validation forecast counts by category (statereport.forecast)

    @property
    def critical_rows(self) -> int:
        return sum(extract.critical_rows for extract in self.extracts)


def _columns(connection, node) -> list[str]:
    return [row[0] for row in connection.execute(f"describe {relation(node)}").fetchall()]


def read_catalogue(connection, manifest) -> dict[str, dict[str, str]]:
    """rule_id -> catalogue row, from every rule_catalogue__* seed present in the warehouse."""
    catalogue: dict[str, dict[str, str]] = {}
    for seed in catalogue_seeds(manifest):
        try:
            cursor = connection.execute(f"select * from {relation(seed)}")
        except duckdb.CatalogException:
            continue  # a seed of the other state's run that was not loaded
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            record = {name: ("" if value is None else str(value)) for name, value in zip(names, row)}
            if record.get("rule_id"):
                catalogue[record["rule_id"]] = record
    return catalogue


def _rule_counts(connection, nodes: list, catalogue: dict) -> list[RuleCount]:
    totals: dict[str, int] = {}
    for node in nodes:
        if "rule_id" not in _columns(connection, node):
            continue
        for rule_id, rows in connection.execute(
            f"select cast(rule_id as varchar), count(*) from {relation(node)} group by 1"
        ).fetchall():
            totals[rule_id or "(no rule id)"] = totals.get(rule_id or "(no rule id)", 0) + rows
    result = []
    for rule_id in sorted(totals, key=_rule_sort_key):
        entry = catalogue.get(rule_id, {})
        result.append(RuleCount(
            rule_id, totals[rule_id], entry.get("severity", ""), entry.get("kind", ""), entry.get("description", ""),
            entry.get("how_to_fix", ""), entry.get("spec_reference", ""),
        ))
    return result


def _rule_sort_key(rule_id: str) -> list:
    """EL-W2 before EL-W10: numbers inside ids compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", rule_id)]


def collect(database: Path, manifest, state: str, export_nodes: list, written: list, settings: Mapping,
            extracts: list[str] | None = None) -> StateSummary:
    """Counts for every extract of `state` (or the given mart folders) after a build; `settings` are the state's
    RunSettings (a plain mapping: overrides of the project's vars), kept as a plain copy for the JSON summary."""
    summary = StateSummary(state=state, vars=RunSettings.of(settings).as_dict())
    models = state_models(manifest, state)
    folders = sorted({extract_of(node) for node in models})
    if extracts is not None:
        folders = [folder for folder in folders if folder in extracts]
    written_rows = {file.model: file.rows for file in written}
    connection = duckdb.connect(str(database), read_only=True)
    try:
        catalogue = read_catalogue(connection, manifest)
        for folder in folders:
            extract = ExtractSummary(folder, EXTRACT_TITLES.get(folder, folder))
            for node in export_nodes:
                if extract_of(node) == folder:
                    # The exporters counted the rows they wrote; counting the mart again re-runs its view.
                    rows = written_rows.get(node.name)
                    if rows is None:
                        rows = connection.execute(f"select count(*) from {relation(node)}").fetchone()[0]
                    extract.reports.append(ReportCount(node.name, node.config.meta["export"]["file_name"], rows))
            in_folder = [node for node in models if extract_of(node) == folder]
            extract.excluded = _rule_counts(
                connection, [node for node in in_folder if EXCLUSION_MODEL.search(node.name)], catalogue)
            extract.warnings = _rule_counts(
                connection, [node for node in in_folder if WARNING_MODEL.search(node.name)], catalogue)
            names = {node.name for node in in_folder}
            extract.files = [FileWritten(str(file.path), file.rows, file.size, file.model, list(file.notes))
                             for file in written if file.model in names]
            summary.extracts.append(extract)
        if extracts is None or "ky_lead" in folders:
            summary.forecast = forecast_counts(connection, manifest, state)
        mart_names = {node.name for node in models}
        summary.other_files = [FileWritten(str(file.path), file.rows, file.size, file.model, list(file.notes))
                               for file in written if file.model not in mart_names]
    finally:
        connection.close()
    return summary


# --fail-on: which warnings make a completed run exit EXIT_CRITICAL. `run` defaults to never (the files were written;
# the summary says what to fix), `validate` to critical (a check in CI fails on what would block the submission).
FAIL_ON_CHOICES = ("critical", "warning", "never")


def exit_code_for(summaries: list[StateSummary], fail_on: str = "critical") -> int:
    """EXIT_CRITICAL when --fail-on asks for it: `critical`, any warning whose catalogue severity is critical;
    `warning`, any warning row at all; `never`, never. Otherwise 0."""
    if fail_on == "never":
        return EXIT_OK
    if fail_on == "warning":
        flagged = any(extract.warning_rows for summary in summaries for extract in summary.extracts)
    else:
        flagged = any(summary.critical_rows for summary in summaries)
    return EXIT_CRITICAL if flagged else EXIT_OK


def _human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return str(size)  # pragma: no cover


def _display_path(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


def render_text(summaries: list[StateSummary], exit_code: int) -> str:
    """The run summary printed at the end of `run` and `validate` (counts, rule ids and files; never names)."""
    lines: list[str] = []
    for summary in summaries:
        run_date = summary.vars["report_run_date"]
        lines.append(f"== {summary.state.upper()}  (run date {run_date})")
        if not summary.extracts:
            lines.append("  no extract models in this project version")
        for extract in summary.extracts:
            lines.append(f"  {extract.title} [{extract.extract}]")
            for report in extract.reports:
                lines.append(f"    reported   {report.file_name:<34} {report.rows:>8,} rows")
            if extract.excluded:
                for rule in extract.excluded:
                    lines.append(f"    excluded   {rule.rule_id:<34} {rule.rows:>8,} rows")
            else:
                lines.append("    excluded   none")
            if extract.warnings:
                for rule in extract.warnings:
                    severity = rule.severity or "uncatalogued"
                    lines.append(f"    warning    {rule.rule_id:<34} {rule.rows:>8,} rows  ({severity})")
                by_severity = ", ".join(f"{name} {rows:,}" for name, rows in extract.warnings_by_severity.items())
                lines.append(f"    warnings   by severity: {by_severity}")
            else:
                lines.append("    warnings   none")
            if extract.note:
                lines.append(f"    NOTE       {extract.note}")
            for file in extract.files:
                lines.append(f"    file       {_display_path(file.path):<34} {_human_size(file.size):>12}")
        if summary.forecast is not None:
            lines.append(f"  {forecast_line(summary.forecast)}")
        for file in summary.other_files:
            lines.append(f"  file         {_display_path(file.path)}  {file.model}: {file.rows:,} rows, "
                         f"{_human_size(file.size)}")
        if summary.review_page:
            lines.append(f"  review page  {_display_path(summary.review_page)}")
        if summary.history_run:
            lines.append(f"  history      run {summary.history_run}")
        if summary.diff:
            from statereport.diff import summary_line

            lines.append(f"  diff         {summary_line(summary.diff)}")
        if summary.log_file:
            lines.append(f"  dbt log      {_display_path(summary.log_file)}")
    critical = sum(summary.critical_rows for summary in summaries)
    status = "--fail-on: warnings present" if exit_code == EXIT_CRITICAL else "ok"
    lines.append(f"critical errors: {critical:,}  exit code {exit_code} ({status})")
    return "\n".join(lines)


def to_json(summaries: list[StateSummary], exit_code: int, error: str | None = None) -> dict[str, Any]:
    """The `--summary-json` document for CI: counts, rule ids, severities and files, never record contents."""
    states = []
    for summary in summaries:
        extracts = []
        for extract in summary.extracts:
            extracts.append({
                "extract": extract.extract,
                "title": extract.title,
                "reported": [asdict(report) for report in extract.reports],
                "excluded": [{"rule_id": r.rule_id, "rows": r.rows, "severity": r.severity} for r in extract.excluded],
                "excluded_rows": extract.excluded_rows,
                "warnings": [{"rule_id": r.rule_id, "rows": r.rows, "severity": r.severity} for r in extract.warnings],
                "warning_rows": extract.warning_rows,
                "warnings_by_severity": extract.warnings_by_severity,
                "critical_rows": extract.critical_rows,
                "files": [asdict(file) for file in extract.files],
                "all_candidates_excluded": extract.all_candidates_excluded,
                "note": extract.note,
            })
        states.append({
            "state": summary.state,
            "vars": summary.vars,
            "extracts": extracts,
            "critical_rows": summary.critical_rows,
            "other_files": [asdict(file) for file in summary.other_files],
            "forecast": summary.forecast,
            "review_page": summary.review_page,
            "dbt_log": summary.log_file,
            "history_run": summary.history_run,
            "diff": summary.diff,
        })
    return {"exit_code": exit_code, "error": error, "states": states,
            "critical_rows": sum(summary.critical_rows for summary in summaries)}

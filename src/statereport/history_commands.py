"""`statereport history`, `statereport mark-submitted` and `statereport diff`: the run history's commands
(statereport.history holds the runs, statereport.diff compares two of them)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from statereport import PROJECT_ROOT
from statereport.dbt_runner import WAREHOUSE_DIR
from statereport.diff import compare
from statereport.history import history_size, list_runs, mark_submitted, resolve_pair
from statereport.errors import RUN_ERRORS, error_line, exit_code_of
from statereport.summary import EXIT_OK

STATES = ("ky", "ks")


def _warehouse_option(function):
    return click.option("--warehouse", type=click.Path(path_type=Path, file_okay=False), default=WAREHOUSE_DIR,
                        show_default=True, help="The warehouse folder of the runs; the history is in "
                                                "<warehouse>/history/<state>/.")(function)


def _fail(error: Exception, out_dir: Path | None = None) -> None:
    """Exit with the code statereport.errors maps the error to, and its one line."""
    click.echo(f"error: {error_line(error, out_dir)}", err=True)
    sys.exit(exit_code_of(error))


@click.command("history")
@click.option("--state", type=click.Choice(STATES), required=True, help="Whose runs: ky or ks.")
@_warehouse_option
@click.option("--json", "as_json", is_flag=True, help="One JSON document instead of the table.")
def history(state: str, warehouse: Path, as_json: bool) -> None:
    """List the state's runs in the history, oldest first: id, time, submitted, project version, input fingerprint,
    records per file."""
    runs = list_runs(warehouse, state)
    if as_json:
        click.echo(json.dumps([{**run.info, "submitted": run.submitted, "history_bytes": history_size(run)}
                               for run in runs], indent=2))
        return
    if not runs:
        click.echo(f"no {state.upper()} run in the history under {Path(warehouse) / 'history' / state}")
        return
    click.echo(f"{'run id':<24} {'time (UTC)':<26} {'submitted':<10} {'version':<20} {'input':<12} {'records':>9}")
    for run in runs:
        records = sum(entry.get("rows", 0) for entry in run.info.get("files", []))
        mark = "yes" if run.submitted is not None else ""
        click.echo(f"{run.run_id:<24} {run.info['time']:<26} {mark:<10} {run.info['project_version'][:20]:<20} "
                   f"{run.info['input_fingerprint'][:12]:<12} {records:>9,}")


@click.command("mark-submitted")
@click.argument("run_id")
@click.option("--state", type=click.Choice(STATES), default=None, help="Blank: the run id's own state.")
@_warehouse_option
def mark_submitted_command(run_id: str, state: str | None, warehouse: Path) -> None:
    """Mark RUN_ID (from statereport history; a unique prefix is enough) as the run whose files went to the state.
    A submitted run is the default baseline of statereport diff and is never removed by --keep-runs."""
    try:
        run = mark_submitted(warehouse, run_id, state)
    except RUN_ERRORS as error:
        _fail(error, warehouse)
    click.echo(f"{run.info['state']}: run {run.run_id} marked submitted")


@click.command("diff")
@click.option("--state", type=click.Choice(STATES), required=True, help="Whose runs: ky or ks.")
@click.option("--from", "from_run", default=None, metavar="RUN_ID|submitted|previous",
              help="The older run. Blank: the last submitted run, else the run before --to.")
@click.option("--to", "to_run", default="latest", show_default=True, metavar="RUN_ID|latest", help="The newer run.")
@_warehouse_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=PROJECT_ROOT / "out",
              show_default=True, help="Submission_Diff.csv and .html go to <out>/<state>/.")
@click.option("--summary-json", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the diff's counts as JSON to this path.")
def diff(state: str, from_run: str | None, to_run: str, warehouse: Path, out_dir: Path,
         summary_json: Path | None) -> None:
    """What changed in each export file between two runs: records added, removed and changed, each changed field
    before and after, and why a record was removed (the newer run's exclusion rule, or no longer in the district's
    data) or added (a rule that no longer applies, or new in the data). Writes <out>/<state>/Submission_Diff.csv
    and .html."""
    try:
        older, newer = resolve_pair(warehouse, state, from_run, to_run)
        result = compare(older, newer, Path(out_dir) / state)
    except RUN_ERRORS as error:
        _fail(error, out_dir)
    document = result.to_json()
    document["baseline"] = "submitted" if older is not None and older.submitted is not None else "previous"
    click.echo(f"{state}: {older.run_id if older else '(no earlier run)'} -> {newer.run_id}: {result.line()}")
    for one in result.files:
        if one.added or one.removed or one.changed:
            click.echo(f"  {one.file_name:<34} {one.added:>7,} added {one.removed:>7,} removed "
                       f"{one.changed:>7,} changed ({one.changed_fields:,} fields)")
    click.echo(f"  file         {result.csv_path}")
    if summary_json is not None:
        try:
            Path(summary_json).parent.mkdir(parents=True, exist_ok=True)
            Path(summary_json).write_text(json.dumps({"exit_code": EXIT_OK, "states": [{"state": state,
                                                                                       "diff": document}]}, indent=2)
                                          + "\n", encoding="utf-8")
        except OSError as error:
            _fail(error, summary_json)


def register(group: click.Group) -> None:
    for command in (history, mark_submitted_command, diff):
        group.add_command(command)

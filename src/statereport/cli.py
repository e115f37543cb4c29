"""The `statereport` command line: build a state's extracts, write the export files and the clerk's review page,
and print a run summary. Every extract-editor field is an option; `statereport.options` maps them to dbt vars."""

from __future__ import annotations

import copy
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click

from statereport import PROJECT_ROOT
from statereport.dbt_runner import WAREHOUSE_DIR, DbtFailure, DbtSession, project_vars
from statereport.exports import ExportError, export_models
from statereport.kids_files import KidsFileOptions
from statereport.loader import InputError, load_district
from statereport.options import (
    EL_EXTRACT_TYPES,
    KIDS_EXTRACT_TYPES,
    LEAD_REPORTS,
    OPTIONS_BY_DEST,
    OptionError,
    click_options,
    dbt_vars_for,
    parse_date,
    parse_var_assignments,
)
from statereport.progress import DbtProgress
from statereport.review import build_page
from statereport.warehouse import WarehouseInUse, building_database, ensure_not_in_use, replacing_directory
from statereport.summary import (
    EXIT_BAD_INPUT,
    EXIT_BUILD_FAILED,
    EXIT_CRITICAL,
    EXIT_EXPORT_FAILED,
    EXIT_OK,
    EXIT_WAREHOUSE_IN_USE,
    StateSummary,
    collect,
    exit_code_for,
    extract_of,
    render_text,
    to_json,
)

STATE_CHOICES = ("ky", "ks")
# --extract NAME -> (state, mart folder under models/marts/)
EXTRACTS = {"lead": ("ky", "ky_lead"), "el": ("ky", "ky_el"), "kids": ("ks", "ks_kids")}
# Which editor option picks reports inside an extract, and the report keys it knows.
REPORT_PICKERS = {"ky_lead": ("lead_report", LEAD_REPORTS), "ky_el": ("el_extract_type", EL_EXTRACT_TYPES),
                  "ks_kids": ("kids_extract_type", KIDS_EXTRACT_TYPES)}
REVIEW_PAGE = "review.html"

EXIT_CODES_HELP = f"""\b
Exit codes:
  {EXIT_OK}  clean: every file written, no critical errors
  {EXIT_BAD_INPUT}  bad input: a district file or an option is wrong (one line says which)
  {EXIT_BUILD_FAILED}  build failure: dbt could not build a model (see the dbt log under the warehouse folder)
  {EXIT_WAREHOUSE_IN_USE}  warehouse in use: another run holds the DuckDB file (nothing was changed)
  {EXIT_EXPORT_FAILED}  export failure: a file cannot be written as its spec requires (e.g. a KIDS file option)
  {EXIT_CRITICAL}  critical errors present: files and review page written, but warnings whose catalogue
     severity is critical (e.g. EL critical errors) exclude records; fix them before submitting
"""


class EditorCommand(click.Command):
    """`--help` in sections, like the extract editors: the run's own options, then the fields every editor has,
    then each extract's editor."""

    SECTIONS = {("lead",): "KECS LEAD editor (--extract lead)", ("el",): "KY EL editor (--extract el)",
                ("kids",): "KIDS Collection Extracts editor (--extract kids)"}

    def format_options(self, ctx, formatter) -> None:
        sections: dict[str, list] = {}
        for parameter in self.get_params(ctx):
            record = parameter.get_help_record(ctx)
            if record is None:
                continue
            option = OPTIONS_BY_DEST.get(parameter.name)
            if option is None:
                title = "Run"
            elif len(option.extracts) > 1:
                title = "Extract editor: fields every extract has"
            else:
                title = self.SECTIONS.get(option.extracts, "Extract editor")
            sections.setdefault(title, []).append(record)
        for title, records in sections.items():
            with formatter.section(title):
                formatter.write_dl(records)


def _states(state: str) -> list[str]:
    return list(STATE_CHOICES) if state == "all" else [state]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
             epilog=EXIT_CODES_HELP)
def main() -> None:
    """State-reporting extracts (Kentucky KECS LEAD and EL, Kansas KIDS) from a district's SIS tables.

    `statereport run` builds and writes the files a state collects; `statereport validate` lists only the warnings
    and the exclusion ledger; `statereport docs` writes the dbt documentation site (lineage down to each file).
    """


def common_options(function):
    """Options shared by `run` and `validate`: which state and extracts, the district, where things go, the
    editor's fields (see statereport.options) and the run's reporting."""
    function = click_options(function)
    decorators = [
        click.option("--state", type=click.Choice(["all", *STATE_CHOICES]), default="all", show_default=True,
                     help="Which state's extracts to build: ky (KECS LEAD, EL), ks (KIDS), or all (the samples)."),
        click.option("--extract", "extracts", multiple=True, type=click.Choice(sorted(EXTRACTS)),
                     help="Extract(s) to report: lead (KECS LEAD), el (KY EL), kids (KIDS). Blank: every extract "
                          "of the state."),
        click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
                     help="Folder with one CSV or Parquet file per contract table. Blank: the bundled sample "
                          "district."),
        click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
                     default=PROJECT_ROOT / "out", show_default=True,
                     help="Where files go: <out>/<state>/ holds the exports and the review page."),
        click.option("--warehouse", type=click.Path(path_type=Path, file_okay=False), default=WAREHOUSE_DIR,
                     show_default=True,
                     help="Folder for the DuckDB files (<state>.duckdb) and dbt's log (logs/<state>/dbt.log)."),
        click.option("--run-date", default=None, metavar="DATE",
                     help="Report run date, what the specs call 'current date' (YYYY-MM-DD). Blank: the project "
                          "default (reproducible runs)."),
        click.option("--generated-at", default=None, metavar="TIMESTAMP",
                     help="The 'Date Time Generated' stamp (YYYY-MM-DD HH:MM:SS). Blank: the project default."),
        click.option("--generated-now", is_flag=True, help="Stamp files with the current clock time instead."),
        click.option("--var", "var_assignments", multiple=True, metavar="NAME=VALUE",
                     help="Set any other dbt var of dbt_project.yml (repeatable), e.g. --var kids_milt_military_only=true."),
        click.option("--quiet", "-q", is_flag=True,
                     help="For schedulers: no progress bar or notes; stdout gets only the run summary, stderr only "
                          "errors."),
        click.option("--summary-json", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     help="Also write the run summary as JSON to this path (for CI)."),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def _run_vars(options: dict, run_date, generated_at, generated_now, var_assignments) -> dict:
    overrides = {}
    if run_date:
        overrides["report_run_date"] = parse_date(run_date)
    if generated_now:
        overrides["generated_at"] = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    elif generated_at:
        try:
            overrides["generated_at"] = datetime.fromisoformat(generated_at).strftime("%Y-%m-%d %H:%M:%S")
        except ValueError:
            raise OptionError(f"--generated-at '{generated_at}' is not YYYY-MM-DD HH:MM:SS") from None
    overrides.update(parse_var_assignments(var_assignments))
    overrides.update(dbt_vars_for(options))
    return overrides


def _plan(state: str, extracts: tuple[str, ...]) -> dict[str, list[str] | None]:
    """state -> mart folders to report (None = every folder of the state)."""
    if not extracts:
        return {one: None for one in _states(state)}
    plan: dict[str, list[str] | None] = {}
    for name in extracts:
        extract_state, folder = EXTRACTS[name]
        if state not in ("all", extract_state):
            raise OptionError(f"--extract {name} is a {extract_state.upper()} extract; it cannot run with --state {state}")
        plan.setdefault(extract_state, []).append(folder)
    return plan


@contextmanager
def _existing_directory(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    yield folder


def _report_tokens(node) -> set[str]:
    spec = node.config.meta["export"]
    tokens = set(re.split(r"[_\W]+", node.name.lower()))
    tokens |= set(re.split(r"[_\W]+", str(spec.get("file_name", "")).lower()))
    return tokens


def select_exports(nodes: list, folders: list[str] | None, options: dict) -> list:
    """The export models this run writes: in the chosen extracts, the chosen reports, with only the chosen formats.
    A model that names none of its extract's report keys (e.g. a warnings report) is always written."""
    chosen_formats = options.get("format")
    selected = []
    for node in nodes:
        folder = extract_of(node)
        if folders is not None and folder not in folders and folder != "ledger":  # the ledger: every run
            continue
        picker = REPORT_PICKERS.get(folder)
        if picker:
            dest, keys = picker
            wanted = options.get(dest)
            if wanted:
                wanted = {wanted.lower()} if isinstance(wanted, str) else {item.lower() for item in wanted}
                named = {key.lower() for key in keys} & _report_tokens(node)
                if named and not (named & wanted):
                    continue
        if chosen_formats:
            spec = node.config.meta["export"]
            formats = [f for f in spec.get("formats", ["csv"]) if f in chosen_formats]
            if not formats:
                continue
            node = copy.copy(node)
            node.config = copy.copy(node.config)
            node.config.meta = {**node.config.meta, "export": {**spec, "formats": formats}}
        selected.append(node)
    return selected


@dataclass
class StateJob:
    """What every state of one run shares: the editor options, the dbt var overrides and where things go."""

    options: dict
    overrides: dict
    data_dir: Path | None
    out_dir: Path
    warehouse: Path
    write_exports: bool


def _run_state(job: StateJob, one_state: str, folders: list[str] | None, progress: DbtProgress) -> StateSummary:
    """Builds one state into a fresh warehouse, writes its files and review page; both replace the previous ones only
    when everything succeeded."""
    state_vars = {**project_vars(job.overrides), "state": one_state}
    final_out = job.out_dir / one_state
    # The previous warehouse and files stay in place until this state's whole run has succeeded.
    # `validate` writes no export files: it leaves the folder's files alone and replaces only the page.
    out_context = replacing_directory(final_out) if job.write_exports else _existing_directory(final_out)
    with building_database(job.warehouse / f"{one_state}.duckdb") as database, out_context as partial_out:
        if job.data_dir is not None:
            progress.note(f"{one_state}: loading {job.data_dir}")
            load_district(database, Path(job.data_dir), one_state)
        # --extract builds only its marts; the exclusion ledger is built too, over the chosen extracts' exclusions.
        overrides = job.overrides if folders is None else {**job.overrides, "ledger_folders": sorted(folders)}
        session = DbtSession(one_state, database, overrides, log_dir=job.warehouse / "logs" / one_state,
                             callbacks=[progress.callback])
        if job.data_dir is None:
            with progress.phase(f"{one_state}: seed sample district"):
                session.seed_sample()
        select = None if folders is None else [f"+statereport.marts.{folder}" for folder in [*folders, "ledger"]]
        with progress.phase(f"{one_state}: build"):
            session.build(include_tests=False, select=select)
        nodes = select_exports(session.export_models(), folders, job.options)
        written = export_models(database, nodes, partial_out, session.run_vars()) if job.write_exports else []
        for file in written:  # the folder is renamed into place below
            file.path = final_out / Path(file.path).name
            for note in file.notes:
                progress.note(f"{one_state}: warning: {note}")
        summary = collect(database, session.manifest, one_state, nodes, written, state_vars, folders)
        summary.log_file = str(session.log_file)
        build_page(database, session.manifest, summary, nodes, partial_out / REVIEW_PAGE,
                   str(state_vars.get("generated_at", "")))
        summary.review_page = str(final_out / REVIEW_PAGE)
    return summary


class _OtherProcessState:
    """One state's run in a child process (`statereport _state-worker`); result() waits and returns its summary, or
    raises the error the child stopped with (the same exception class, so the exit code is the same)."""

    def __init__(self, job: StateJob, one_state: str, folders: list[str] | None, scratch: Path) -> None:
        self.job_file = scratch / "job.pickle"
        self.result_file = scratch / "result.pickle"
        self.job_file.write_bytes(pickle.dumps((job, one_state, folders)))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "statereport.cli", "_state-worker", str(self.job_file), str(self.result_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.state = one_state

    def result(self) -> StateSummary:
        _, stderr = self.process.communicate()
        if not self.result_file.exists():
            raise DbtFailure(f"{self.state}: the second process stopped with exit code {self.process.returncode}: "
                             f"{stderr.strip()[-2000:]}")
        outcome, value = pickle.loads(self.result_file.read_bytes())
        if outcome == "error":
            raise value
        return value

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


@contextmanager
def _state_in_other_process(job: StateJob, one_state: str, folders: list[str] | None):
    with tempfile.TemporaryDirectory(prefix="statereport-state-") as scratch:
        other = _OtherProcessState(job, one_state, folders, Path(scratch))
        try:
            yield other
        finally:
            other.stop()  # the parent failed first: the child's run is abandoned (its warehouse is left untouched)


@main.command("_state-worker", hidden=True)
@click.argument("job_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("result_file", type=click.Path(path_type=Path, dir_okay=False))
def state_worker(job_file: Path, result_file: Path) -> None:
    """Runs one state of a `run`/`validate` for the parent process (see _OtherProcessState)."""
    job, one_state, folders = pickle.loads(job_file.read_bytes())
    try:
        outcome = ("ok", _run_state(job, one_state, folders, DbtProgress(enabled=False)))
    except (WarehouseInUse, InputError, DbtFailure, ExportError) as error:
        outcome = ("error", error)
    result_file.write_bytes(pickle.dumps(outcome))



def _execute(ctx_options: dict, *, write_exports: bool) -> None:
    options = {key: value for key, value in ctx_options.items()}
    quiet = options.pop("quiet")
    summary_json = options.pop("summary_json")
    state = options.pop("state")
    extracts = options.pop("extracts")
    data_dir = options.pop("data_dir")
    out_dir = Path(options.pop("out_dir"))
    warehouse = Path(options.pop("warehouse"))
    run_date = options.pop("run_date")
    generated_at = options.pop("generated_at")
    generated_now = options.pop("generated_now")
    var_assignments = options.pop("var_assignments")
    summaries: list[StateSummary] = []

    def finish(code: int, error: str | None = None) -> None:
        if summary_json is not None:
            Path(summary_json).parent.mkdir(parents=True, exist_ok=True)
            Path(summary_json).write_text(json.dumps(to_json(summaries, code, error), indent=2) + "\n",
                                          encoding="utf-8")
        if error:
            click.echo(f"error: {error}", err=True)
        sys.exit(code)

    try:
        overrides = _run_vars(options, run_date, generated_at, generated_now, var_assignments)
        plan = _plan(state, extracts)
    except (OptionError, ValueError) as error:
        finish(EXIT_BAD_INPUT, str(error))
    run_vars = project_vars(overrides)
    try:
        if "ks" in plan and write_exports:  # a bad KIDS file option stops the run before the build, not after it
            KidsFileOptions.from_vars({**run_vars, "state": "ks"})
    except ExportError as error:
        finish(EXIT_EXPORT_FAILED, str(error))
    job = StateJob(options, overrides, data_dir, out_dir, warehouse, write_exports)
    try:
        with DbtProgress(enabled=not quiet) as progress:
            states = list(plan.items())
            # Two states build side by side: the second in its own process (dbt and DuckDB hold per-process state),
            # so a two-core machine builds both in about the time of the longer one. STATEREPORT_PARALLEL_STATES=0
            # builds one after the other.
            in_parallel = len(states) > 1 and os.environ.get("STATEREPORT_PARALLEL_STATES", "1") != "0"
            with (_state_in_other_process(job, *states[-1]) if in_parallel else nullcontext()) as other:
                for one_state, folders in (states[:-1] if in_parallel else states):
                    summaries.append(_run_state(job, one_state, folders, progress))
                if other is not None:
                    progress.note(f"{states[-1][0]}: waiting for its build in the second process")
                    summaries.append(other.result())
    except WarehouseInUse as error:
        finish(EXIT_WAREHOUSE_IN_USE, str(error))
    except InputError as error:
        finish(EXIT_BAD_INPUT, str(error))
    except DbtFailure as error:
        finish(EXIT_BUILD_FAILED, str(error))
    except ExportError as error:
        finish(EXIT_EXPORT_FAILED, str(error))
    code = exit_code_for(summaries)
    click.echo(render_text(summaries, code))
    finish(code)


@main.command(cls=EditorCommand, epilog=EXIT_CODES_HELP)
@common_options
def run(**options) -> None:
    """Build a state's extracts and write every export file, the review page and a run summary.

    \b
    Like the extract editors: pick the state and extract(s), the date range, calendars, grades, the report(s) or
    extract type, the format(s) and the extract's own fields. Options left blank take the editor's default, as
    documented in dbt_project.yml. Example:
      statereport run --state ky --data-dir export/ --start-date 2024-08-01 --end-date 2025-05-15 --format csv
    """
    _execute(options, write_exports=True)


@main.command(cls=EditorCommand, epilog=EXIT_CODES_HELP)
@common_options
def validate(**options) -> None:
    """Only the warnings and the exclusion ledger: build, then write the review page and the summary, no export files.

    Takes the same options as `run`, so a clerk checks exactly the run she is about to submit.
    """
    _execute(options, write_exports=False)


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--state", type=click.Choice(STATE_CHOICES), default="ky", show_default=True,
              help="Which state's models the documentation describes (the project is parsed per state).")
@click.option("--warehouse", type=click.Path(path_type=Path, file_okay=False), default=WAREHOUSE_DIR,
              show_default=True, help="Folder with <state>.duckdb; a missing warehouse is built from the sample.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=PROJECT_ROOT / "out" / "docs", show_default=True,
              help="Where the site goes: <out>/<state>/index.html (and static_index.html, one self-contained file).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def docs(state: str, warehouse: Path, out_dir: Path, quiet: bool) -> None:
    """Generate the dbt documentation site: every model, column and rule, with lineage from the raw tables to each
    export file (declared as dbt exposures)."""
    database = Path(warehouse) / f"{state}.duckdb"
    target = Path(out_dir) / state
    try:
        ensure_not_in_use(database)
        # An existing warehouse (from `statereport run`) gives the catalog its row counts; else build the sample.
        context = nullcontext(database) if database.exists() else building_database(database)
        with DbtProgress(enabled=not quiet) as progress, context as building:
            session = DbtSession(state, building, log_dir=Path(warehouse) / "logs" / state,
                                 callbacks=[progress.callback])
            if not database.exists():
                with progress.phase(f"{state}: seed sample district"):
                    session.seed_sample()
                with progress.phase(f"{state}: build"):
                    session.build(include_tests=False)
            target.mkdir(parents=True, exist_ok=True)
            with progress.phase(f"{state}: docs generate"):
                session.invoke("docs generate", "--static", "--target-path", str(target))
    except WarehouseInUse as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_WAREHOUSE_IN_USE)
    except DbtFailure as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BUILD_FAILED)
    for leftover in ("compiled", "run", "graph.gpickle", "graph_summary.json", "partial_parse.msgpack",
                     "semantic_manifest.json", "run_results.json"):
        path = target / leftover
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    click.echo(f"documentation site: {target / 'index.html'} (single file: {target / 'static_index.html'})")


@main.command("dbt-check")
@click.option("--state", type=click.Choice(["all", *STATE_CHOICES]), default="all", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def dbt_check(state: str, quiet: bool) -> None:
    """dbt build on the sample districts: seeds, models, unit tests and data tests (used by scripts/test)."""
    session = None
    try:
        with DbtProgress(enabled=not quiet) as progress:
            for one_state in _states(state):
                database = WAREHOUSE_DIR / f"check_{one_state}.duckdb"
                if database.exists():
                    database.unlink()
                session = DbtSession(one_state, database, callbacks=[progress.callback])
                with progress.phase(f"{one_state}: seed sample district"):
                    session.seed_sample()
                with progress.phase(f"{one_state}: build and test"):
                    session.build(include_tests=True)
                progress.note(f"{one_state}: dbt build passed (log: {session.log_file})")
    except DbtFailure as error:
        # dbt's console is off: show its error messages (failing tests, unit-test diffs) here.
        for message in (session.errors if session is not None else []):
            click.echo(message, err=True)
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BUILD_FAILED)


if __name__ == "__main__":
    main()

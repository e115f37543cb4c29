"""The `statereport` command line: build a state's extracts, write the export files and the clerk's review page,
and print a run summary. Every extract-editor field is an option; `statereport.options` maps them to dbt vars."""

from __future__ import annotations

import copy
import csv
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click
import duckdb

from statereport import PROJECT_ROOT
from statereport.dbt_runner import REFERENCE_LENDER_VARIABLE, WAREHOUSE_DIR, DbtFailure, DbtSession
from statereport.diff import stage_and_diff
from statereport.errors import (  # noqa: F401 (ERROR_EXIT_CODES: cli.ERROR_EXIT_CODES is the --help table's source)
    ERROR_EXIT_CODES,
    RUN_ERRORS,
    OutputUnwritable,
    bare_os_error,
    error_line,
    exit_code_of,
)
from statereport.exports import ExportError, export_models
from statereport.kids_files import KidsFileOptions
from statereport.loader import InputError, find_table_file, load_district, load_sample
from statereport.options import (
    EL_EXTRACT_TYPES,
    KIDS_DATE_FORMATS,
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
from statereport.review import build_page, page_options
from statereport.settings import RunSettings, project_default
from statereport.student_filter import StudentFilter, read_student_filter, write_student_filter
from statereport.warehouse import (
    WarehouseInUse,
    building_database,
    duckdb_settings,
    ensure_not_in_use,
    owner_only_folder,
    replacing_directory,
)
from statereport.summary import (
    EXIT_BAD_INPUT,
    EXIT_BUILD_FAILED,
    EXIT_CRITICAL,
    EXIT_EXPORT_FAILED,
    EXIT_OK,
    EXIT_WAREHOUSE_IN_USE,
    FAIL_ON_CHOICES,
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
  {EXIT_OK}  completed: every file written (warnings, even critical ones, are in the summary and review page)
  {EXIT_BAD_INPUT}  bad input: a district file or an option is wrong (one line says which)
  {EXIT_BUILD_FAILED}  build failure: dbt could not build a model (see the dbt log under the warehouse folder)
  {EXIT_WAREHOUSE_IN_USE}  warehouse in use: another run holds the DuckDB file (nothing was changed)
  {EXIT_EXPORT_FAILED}  export failure: a file cannot be written as its spec requires (e.g. a KIDS file option)
  {EXIT_CRITICAL}  warnings present, when asked for with --fail-on (validate defaults to critical): files and review
     page written, but warnings of that kind (critical: e.g. EL critical errors) are present; fix them first
"""


class EditorCommand(click.Command):
    """`--help` in sections, like the extract editors: the run's own options, then the fields every editor has,
    then each extract's editor."""

    SECTIONS = {("lead",): "KECS LEAD editor (--extract lead)", ("el",): "KY EL editor (--extract el)",
                ("kids",): "KIDS Collection Extracts editor (--extract kids)"}

    # The five options a coordinator uses most lead the help, in this order; the rest follow in their sections.
    MOST_USED = ("data_dir", "state", "extracts", "out_dir", "fail_on")

    def format_options(self, ctx, formatter) -> None:
        sections: dict[str, list] = {"Most used": []}
        most_used = {}
        for parameter in self.get_params(ctx):
            record = parameter.get_help_record(ctx)
            if record is None:
                continue
            option = OPTIONS_BY_DEST.get(parameter.name)
            if parameter.name in self.MOST_USED:
                most_used[parameter.name] = record
                continue
            if option is None:
                title = "Run"
            elif len(option.extracts) > 1:
                title = "Extract editor: fields every extract has"
            else:
                title = self.SECTIONS.get(option.extracts, "Extract editor")
            sections.setdefault(title, []).append(record)
        sections["Most used"] = [most_used[name] for name in self.MOST_USED if name in most_used]
        for title, records in sections.items():
            if not records:
                continue
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
        click.option("--state", type=click.Choice(["all", *STATE_CHOICES]), default=None,
                     help="Which state's extracts to build: ky (KECS LEAD, EL), ks (KIDS), or all. Blank: with "
                          "--data-dir, the state of the district table (district.state); else all (the samples)."),
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
        click.option("--students", "students_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
                     metavar="FILE",
                     help="The editors' ad hoc filter: a CSV with the header person_id or state_id, one student per "
                          "line; every extract of the run reports only those students (the others are in the "
                          "exclusion ledger). Blank: every student."),
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
        click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
                     help="Exit 6 when warnings of this kind are present: critical (catalogue severity critical), "
                          "warning (any warning row) or never. Blank: never for run, critical for validate."),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


def _run_vars(options: dict, run_date, generated_at, generated_now, var_assignments) -> dict:
    """The dbt vars the run's options set (the overrides of its RunSettings)."""
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
    """The export models this run writes: in the chosen extracts, the chosen reports, with only the chosen formats
    (blank: every format but the opt-in ones). A model that names none of its extract's report keys (e.g. a warnings
    report) is always written."""
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
        spec = node.config.meta["export"]
        available = spec.get("formats", ["csv"])
        # A format the export metadata lists under opt_in_formats (KIDS XML) is written only when --format names it.
        formats = ([f for f in available if f in chosen_formats] if chosen_formats
                   else [f for f in available if f not in spec.get("opt_in_formats", [])])
        if not formats:
            continue
        if formats != available:
            node = copy.copy(node)
            node.config = copy.copy(node.config)
            node.config.meta = {**node.config.meta, "export": {**spec, "formats": formats}}
        selected.append(node)
    return selected


@dataclass
class StateJob:
    """What every state of one run shares: the editor options, each state's settings (statereport.settings: built
    once, before anything runs) and where things go."""

    options: dict
    settings: dict[str, RunSettings]  # state -> its settings (RunSettings.for_state)
    data_dir: Path | None
    out_dir: Path
    warehouse: Path
    write_exports: bool
    keep_runs: int | None = None  # run history: keep this many newest runs (submitted runs always stay)
    submitted: bool = False  # run --submitted: this run's files go to the state
    students: StudentFilter | None = None  # --students: the editors' ad hoc filter
    dbt_tests: bool = False  # run --with-dbt-tests: the build also runs every dbt unit and data test (scripts/test)
    # With dbt_tests and two states: the state whose build runs the unit tests that compile the same in both
    # (DbtSession.state_independent_unit_tests); the other state's build leaves them out. None: each state runs all.
    shared_unit_test_state: str | None = None
    kids_options: KidsFileOptions | None = None  # the KIDS file options, built once from the Kansas settings


def _run_state(job: StateJob, one_state: str, folders: list[str] | None, progress: DbtProgress) -> StateSummary:
    """Builds one state into a fresh warehouse, writes its files and review page; both replace the previous ones only
    when everything succeeded."""
    settings = job.settings[one_state]
    final_out = job.out_dir / one_state
    # The previous warehouse and files stay in place until this state's whole run has succeeded.
    # `validate` writes no export files: it leaves the folder's files alone and replaces only the page.
    out_context = replacing_directory(final_out) if job.write_exports else _existing_directory(final_out)
    with building_database(job.warehouse / f"{one_state}.duckdb") as database, out_context as partial_out:
        if job.data_dir is not None:
            progress.note(f"{one_state}: loading {job.data_dir}")
            load_district(database, Path(job.data_dir), one_state)
        else:
            progress.note(f"{one_state}: loading the sample district")
            load_sample(database, one_state)
        # Options the data refutes stop the run before dbt starts (its parse costs seconds).
        check_options_against_data(database, settings, one_state)
        write_student_filter(database, job.students)
        session = DbtSession(one_state, database, settings, log_dir=job.warehouse / "logs" / one_state,
                             callbacks=[progress.callback])
        select = None if folders is None else [f"+statereport.marts.{folder}" for folder in [*folders, "ledger"]]
        reference_from = job.warehouse / f"{one_state}.duckdb"
        if not reference_from.exists() and os.environ.get(REFERENCE_LENDER_VARIABLE):
            reference_from = Path(os.environ[REFERENCE_LENDER_VARIABLE]) / f"{one_state}.duckdb"
        # Conservation and mart-key tests on the district's own data, on every run, inside the build's dbt command
        # (DbtSession.build; run_checks() runs any the build could not take): a failure is exit 3 and, being raised
        # inside building_database/replacing_directory, leaves the previous warehouse and files in place.
        with progress.phase(f"{one_state}: build and check"):
            session.build(include_tests=job.dbt_tests, select=select, reference_from=reference_from,
                          shared_unit_tests=job.shared_unit_test_state in (None, one_state))
            checks = session.run_checks()
        progress.note(f"{one_state}: {checks} conservation and key tests passed on the data just built")
        nodes = select_exports(session.export_models(), folders, job.options)
        # The run history (statereport.history) and the diff against the last submitted run read the marts from the
        # warehouse, not the files: they are staged in a second thread while the files are written, both mostly
        # inside DuckDB, so the second core works too. Their files have other names in the same partial folder.
        with ThreadPoolExecutor(max_workers=1) as history_thread:
            staging = (history_thread.submit(stage_and_diff, database, session.manifest, nodes, one_state, settings,
                                             job.data_dir, job.warehouse, partial_out, submitted=job.submitted)
                       if job.write_exports else None)
            try:
                try:
                    written = (export_models(database, nodes, partial_out, settings, kids_options=job.kids_options)
                               if job.write_exports else [])
                except (OSError, duckdb.IOException) as error:
                    raise ExportError(_write_failure(error, partial_out, final_out)) from None
            except BaseException:
                if staging is not None and staging.exception() is None:  # waits for it; a failed export stages no run
                    staging.result()[0].discard()
                raise
            # Before the summary's read-only connection: DuckDB refuses it while the history's is open.
            staged, diff = staging.result() if staging is not None else (None, None)
        for file in written:  # the folder is renamed into place below
            file.path = final_out / Path(file.path).name
            for note in file.notes:
                progress.note(f"{one_state}: warning: {note}")
        summary = collect(database, session.manifest, one_state, nodes, written, settings, folders)
        summary.log_file = str(session.log_file)
        if staged is not None:
            summary.diff = diff
            for kind in ("csv", "html"):  # the files as the user will find them, once the folder is in place
                summary.diff[kind] = summary.diff[kind] and str(final_out / summary.diff[kind])
        try:
            build_page(database, session.manifest, summary, nodes, partial_out / REVIEW_PAGE, **page_options(settings))
        except (OSError, duckdb.IOException) as error:
            raise ExportError(_write_failure(error, partial_out, final_out)) from None
        summary.review_page = str(final_out / REVIEW_PAGE)
    if staged is not None:  # only now, with the files in place, does the run enter the history
        summary.history_run = staged.commit(job.keep_runs).run_id
    return summary


_WRITE_FAILURE = re.compile(r'Could not write file \\?"(?P<path>[^"\\]+)\\?": (?P<cause>[^"{}]+?)["}]')


def _write_failure(error: Exception, partial_out: Path, final_out: Path) -> str:
    """One line for a file that could not be written (a full disk, a read-only mount): the file as the user will know
    it (in the final folder, not the hidden partial one) and the cause; the previous files are still in place."""
    path, cause = getattr(error, "filename", None), getattr(error, "strerror", None)
    found = _WRITE_FAILURE.search(str(error))
    if found:
        path, cause = found.group("path"), found.group("cause").strip()
    shown = Path(path).name.strip(".").removesuffix(".partial") if path else ""
    target = final_out / shown if shown else final_out
    return (f"{target}: cannot write: {cause or ' '.join(str(error).split())[:200]}; the previous files and "
            "warehouse are unchanged")


class _OtherProcessState:
    """One state's run in a child process (`statereport _state-worker`); result() waits and returns its summary, or
    raises the error the child stopped with (the same exception class, so the exit code is the same)."""

    def __init__(self, job: StateJob, one_state: str, folders: list[str] | None, scratch: Path) -> None:
        self.job_file = scratch / "job.pickle"
        self.result_file = scratch / "result.pickle"
        self.job_file.write_bytes(pickle.dumps((job, one_state, folders)))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "statereport.cli", "_state-worker", str(self.job_file), str(self.result_file),
             str(os.getpid())],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=_die_with_parent,
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


def _die_with_parent() -> None:
    """In the child, before it runs: the kernel sends it SIGKILL when the parent dies, however the parent dies, so a
    parent killed by a signal never leaves a child that later swaps files into place (Linux prctl PR_SET_PDEATHSIG;
    elsewhere the child checks its parent itself, see state_worker)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _remove_stale_scratch(warehouse: Path) -> None:
    """Scratch folders of runs that were killed (their process is gone) are removed by the next run."""
    for folder in warehouse.glob(".scratch-*"):
        pid = folder.name.removeprefix(".scratch-").split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _state_in_other_process(job: StateJob, one_state: str, folders: list[str] | None):
    # The scratch folder lives in the (owner-only) warehouse folder, not the system temp folder: the job file holds
    # the run's options, and a parent killed by a signal leaves it where the next run finds and removes it.
    owner_only_folder(job.warehouse)
    _remove_stale_scratch(job.warehouse)
    with tempfile.TemporaryDirectory(prefix=f".scratch-{os.getpid()}-", dir=job.warehouse) as scratch:
        other = _OtherProcessState(job, one_state, folders, Path(scratch))
        try:
            yield other
        finally:
            other.stop()  # the parent failed first: the child's run is abandoned (its warehouse is left untouched)


@main.command("_state-worker", hidden=True)
@click.argument("job_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("result_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("parent_pid", type=int, required=False)
def state_worker(job_file: Path, result_file: Path, parent_pid: int | None) -> None:
    """Runs one state of a `run`/`validate` for the parent process (see _OtherProcessState)."""
    if parent_pid is not None and os.getppid() != parent_pid:
        sys.exit(EXIT_BUILD_FAILED)  # the parent died before the death signal was armed: run nothing
    job, one_state, folders = pickle.loads(job_file.read_bytes())
    try:
        outcome = ("ok", _run_state(job, one_state, folders, DbtProgress(enabled=False)))
    except RUN_ERRORS as error:
        if bare_os_error(error):  # the export failure it is, with the same line
            error = ExportError(error_line(error, job.out_dir))
        outcome = ("error", error)
    result_file.write_bytes(pickle.dumps(outcome))



# (start var, end var) of each extract's date range; a blank end is the run date, as in the editors.
DATE_RANGES = (("lead_start_date", "lead_end_date"), ("el_start_date", "el_end_date"),
               ("kids_filter_from_date", "kids_filter_to_date"))
# The grade code list an editor grade option is checked against: Kentucky's state grades are the var lead_state_grades
# (the one KECS grade list the models read too), Kansas's the seed a district can edit.
GRADE_LISTS = {"el_grade_levels": ("ky", "var", "lead_state_grades"),
               "kids_test_grades": ("ks", "seed", "ks_kids__grade_codes.csv")}


def check_option_ranges(run_vars: Mapping, states: list[str]) -> None:
    """Options that cannot give a meaningful report stop the run before anything is built (exit 2)."""
    run_date = str(run_vars.get("report_run_date") or "")
    for start_var, end_var in DATE_RANGES:
        start, end = run_vars.get(start_var), run_vars.get(end_var) or run_date
        if start and end and str(start) > str(end):
            shown_end = f"end date {end}" if run_vars.get(end_var) else f"run date {end} (the blank end date)"
            raise OptionError(f"--start-date {start} is after the {shown_end} ({start_var} > {end_var}): the report "
                              "would cover no day; give a start date on or before the end date")
    settings = RunSettings.of(run_vars)
    for var_name, (grade_state, kind, source) in GRADE_LISTS.items():
        if grade_state not in states:
            continue
        chosen = settings.get(var_name) or []
        if isinstance(chosen, str):
            chosen = [chosen]
        if kind == "var":
            known, where = {str(grade) for grade in settings.get(source) or []}, f"var {source} in dbt_project.yml"
        else:
            known, where = _seed_column(source, "state_grade"), f"seeds/reference/{source}"
        unknown = [str(grade) for grade in chosen if str(grade) not in known]
        if unknown:
            raise OptionError(f"--grade {','.join(unknown)}: not a grade code of {where} "
                              f"({var_name}); known codes: {', '.join(sorted(known))}")
    date_form = run_vars.get("kids_date_format")  # absent only when a caller checks a few vars
    if "ks" in states and date_form is not None and date_form not in KIDS_DATE_FORMATS:
        raise OptionError(f"--kids-date-format {date_form!r}: KIDS dates are written {' or '.join(KIDS_DATE_FORMATS)} "
                          "(kids_date_format)")


# Editor vars that name calendars, per state; each id must be a calendar of the district's calendar table.
CALENDAR_VARS = {"ky": ("lead_calendar_ids", "el_calendar_ids"), "ks": ("kids_calendar_ids",)}


def check_options_against_data(database: Path, run_vars: Mapping, state: str) -> None:
    """After the district is loaded and before anything is built: calendar ids and the KIDS school year must match a
    calendar of the data, else the extract would be empty for a reason no ledger row could name (exit 2)."""
    connection = duckdb.connect(str(database), config=duckdb_settings())
    try:
        calendars = connection.execute("select cast(calendar_id as varchar), cast(end_year as varchar) "
                                       "from raw.calendar").fetchall()
    except duckdb.Error:
        return  # no calendar table: the build reports it
    finally:
        connection.close()
    known_ids = {row[0] for row in calendars}
    known_years = sorted({row[1] for row in calendars if row[1] is not None})
    for var_name in CALENDAR_VARS.get(state, ()):
        chosen = run_vars.get(var_name) or []
        unknown = [str(value) for value in ([chosen] if isinstance(chosen, (str, int)) else chosen)
                   if str(value) not in known_ids]
        if unknown:
            shown = ", ".join(sorted(known_ids, key=lambda text: (len(text), text))[:12])
            raise OptionError(f"--calendar {','.join(unknown)}: no calendar with that id in the district's calendar "
                              f"table ({var_name}); calendar ids in the data: {shown}"
                              f"{' ...' if len(known_ids) > 12 else ''}")
    end_year = run_vars.get("kids_end_year") if state == "ks" else None
    if end_year not in (None, "") and str(end_year) not in known_years:
        raise OptionError(f"--kids-end-year {end_year}: no calendar of the district ends in that school year; the "
                          f"calendar table's end years are {', '.join(known_years) or 'none'}")


def district_state(data_dir: Path, extracts: tuple[str, ...]) -> str:
    """The state a district folder belongs to, from its district table (`district.state`), when --state is blank.
    With --extract, the extract names the state. A table with both states, or none, is exit 2."""
    if extracts:
        return EXTRACTS[extracts[0]][0]
    path = find_table_file(data_dir, "district") if data_dir.is_dir() else None
    if path is None:
        raise OptionError(f"{data_dir}: no district table (district.csv or .parquet) to take the state from; "
                          "pass --state ky or --state ks")
    reader = "read_parquet" if path.suffix == ".parquet" else "read_csv"
    options = "" if reader == "read_parquet" else ", all_varchar = true, header = true"
    connection = duckdb.connect(config=duckdb_settings())
    try:
        found = connection.execute(f"select distinct lower(trim(state)) from {reader}(?{options}) "
                                   "where nullif(trim(state), '') is not null order by 1", [str(path)]).fetchall()
    except duckdb.Error as error:
        raise OptionError(f"{path}: cannot read column 'state' to choose the state ({' '.join(str(error).split())[:120]}); "
                          "pass --state ky or --state ks") from None
    finally:
        connection.close()
    states = [row[0] for row in found]
    if len(states) != 1 or states[0] not in STATE_CHOICES:
        shown = ", ".join(state.upper() for state in states) or "none"
        raise OptionError(f"{path}: column 'state' holds {shown}; a run is one state: pass --state ky or --state ks")
    return states[0]


def _seed_column(file_name: str, column: str) -> set[str]:
    with (PROJECT_ROOT / "seeds" / "reference" / file_name).open(encoding="utf-8", newline="") as handle:
        return {row[column].strip() for row in csv.DictReader(handle)}


def check_writable_folder(folder: Path, what: str, exit_code: int) -> None:
    """Proves, before the build starts, that `folder` can be created and written: a probe file is created and removed
    in the folder, or in its nearest existing ancestor when the folder does not exist yet (nothing is left behind)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        if not existing.is_dir():
            raise NotADirectoryError(20, "Not a directory", str(existing))
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".statereport-probe-"):
            pass
    except OSError as error:
        raise OutputUnwritable(f"{folder}: {what} cannot be written: {error.strerror or error}"
                               + (f" ({existing})" if existing != folder else ""), exit_code) from None


def check_outputs(out_dir: Path, warehouse: Path, summary_json: Path | None, write_exports: bool) -> None:
    check_writable_folder(warehouse, "the warehouse folder (--warehouse)", EXIT_BUILD_FAILED)
    check_writable_folder(out_dir, "the output folder (--out)", EXIT_EXPORT_FAILED)
    if summary_json is not None:
        if Path(summary_json).is_dir():
            raise OutputUnwritable(f"{summary_json}: --summary-json is a folder; give a file path",
                                   EXIT_EXPORT_FAILED)
        check_writable_folder(Path(summary_json).parent, "the --summary-json folder", EXIT_EXPORT_FAILED)


def _execute(ctx_options: dict, *, write_exports: bool, keep_runs: int | None = None, submitted: bool = False,
             dbt_tests: bool = False) -> None:
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
    students_file = options.pop("students_file")
    fail_on = options.pop("fail_on") or ("never" if write_exports else "critical")
    summaries: list[StateSummary] = []

    def finish(code: int, error: str | None = None) -> None:
        if summary_json is not None:
            try:
                Path(summary_json).parent.mkdir(parents=True, exist_ok=True)
                Path(summary_json).write_text(json.dumps(to_json(summaries, code, error), indent=2) + "\n",
                                              encoding="utf-8")
            except OSError as write_error:
                detail = f"{summary_json}: the summary JSON cannot be written: {write_error.strerror or write_error}"
                error = f"{error}; {detail}" if error else detail
                code = code if code != EXIT_OK else EXIT_EXPORT_FAILED
        if error:
            click.echo(f"error: {error}", err=True)
        sys.exit(code)

    try:
        if state is None:
            state = district_state(Path(data_dir), extracts) if data_dir is not None else "all"
        overrides = _run_vars(options, run_date, generated_at, generated_now, var_assignments)
        plan = _plan(state, extracts)
        students = read_student_filter(students_file) if students_file is not None else None
        if students is not None:
            overrides["adhoc_students_filter"] = True
        elif str(overrides.get("adhoc_students_filter")).lower() in ("true", "1"):
            raise OptionError("adhoc_students_filter is set but no --students FILE is given: the ad hoc filter "
                              "would select no student; give --students FILE instead")
    except ValueError as error:  # a value the option parsers could not read is the operator's mistake
        finish(EXIT_BAD_INPUT, str(error))
    except RUN_ERRORS as error:
        finish(exit_code_of(error), error_line(error, out_dir))
    # The run's vars merged once; each state's settings add its state and, with --extract, the folders the exclusion
    # ledger unions (the ledger is built too, over the chosen extracts' exclusions).
    settings = RunSettings(overrides)
    state_settings = {one_state: settings.for_state(one_state, folders) for one_state, folders in plan.items()}
    kids_options = None
    try:
        check_option_ranges(settings, list(plan))
        check_outputs(out_dir, warehouse, summary_json, write_exports)
        if "ks" in plan and write_exports:  # a bad KIDS file option stops the run before the build, not after it
            kids_options = KidsFileOptions.from_vars(state_settings["ks"])
    except RUN_ERRORS as error:
        if isinstance(error, OutputUnwritable):
            summary_json = None  # its folder may be the unwritable one; the error line says what happened
        finish(exit_code_of(error), error_line(error, out_dir))
    job = StateJob(options, state_settings, data_dir, out_dir, warehouse, write_exports, keep_runs, submitted, students,
                   dbt_tests=dbt_tests, kids_options=kids_options,
                   shared_unit_test_state=next(iter(plan)) if dbt_tests and len(plan) > 1 else None)
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
    except RUN_ERRORS as error:
        finish(exit_code_of(error), error_line(error, out_dir))
    code = exit_code_for(summaries, fail_on)
    click.echo(render_text(summaries, code))
    if data_dir is None and any(summary.critical_rows for summary in summaries):
        click.echo("note: the bundled sample districts carry critical errors on purpose, so every warning shows once; "
                   "your district's run lists its own (--fail-on critical exits 6 when any are present)")
    finish(code)


@main.command(cls=EditorCommand, epilog=EXIT_CODES_HELP)
@common_options
@click.option("--keep-runs", type=click.IntRange(min=0), default=None, metavar="N",
              help="Run history: keep only the N newest runs of the state (a run marked submitted is never "
                   "removed). Blank or 0: keep every run.")
@click.option("--submitted", is_flag=True,
              help="Mark this run as the one whose files go to the state (same as statereport mark-submitted).")
# scripts/test: the sample run pytest reads is also the dbt build with every unit and data test (dbt-check's build),
# so the samples are built once per test suite. The files written are the same as without it.
@click.option("--with-dbt-tests", "dbt_tests", is_flag=True, hidden=True)
def run(keep_runs: int | None, submitted: bool, dbt_tests: bool, **options) -> None:
    """Build a state's extracts and write every export file, the review page and a run summary.

    \b
    Like the extract editors: pick the state and extract(s), the date range, calendars, grades, the report(s) or
    extract type, the format(s) and the extract's own fields. Options left blank take the editor's default, as
    documented in dbt_project.yml. Example:
      statereport run --state ky --data-dir export/ --start-date 2024-08-01 --end-date 2025-05-15 --format csv
    Every run is kept in the run history beside the warehouse and compared with the last submitted run (else the
    previous one): <out>/<state>/Submission_Diff.csv and .html (see statereport history, diff, mark-submitted).
    """
    _execute(options, write_exports=True, keep_runs=keep_runs, submitted=submitted, dbt_tests=dbt_tests)


@main.command(cls=EditorCommand, epilog=EXIT_CODES_HELP)
@common_options
def validate(**options) -> None:
    """Only the warnings and the exclusion ledger: build, then write the review page and the summary, no export files.

    Takes the same options as `run`, so a clerk checks exactly the run she is about to submit.
    """
    _execute(options, write_exports=False)


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--state", type=click.Choice(STATE_CHOICES), default=project_default("state"), show_default=True,
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
            if not database.exists():
                load_sample(building, state)
            session = DbtSession(state, building, log_dir=Path(warehouse) / "logs" / state,
                                 callbacks=[progress.callback])
            if not database.exists():
                with progress.phase(f"{state}: build"):
                    session.build(include_tests=False)
            target.mkdir(parents=True, exist_ok=True)
            with progress.phase(f"{state}: docs generate"):
                session.invoke("docs generate", "--static", "--target-path", str(target))
    except (WarehouseInUse, DbtFailure, InputError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(exit_code_of(error))
    for leftover in ("compiled", "run", "graph.gpickle", "graph_summary.json", "partial_parse.msgpack",
                     "semantic_manifest.json", "run_results.json"):
        path = target / leftover
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    click.echo(f"documentation site: {target / 'index.html'} (single file: {target / 'static_index.html'})")


from statereport.history_commands import register as _register_history_commands  # noqa: E402

_register_history_commands(main)


@main.command("dbt-check")
@click.option("--state", type=click.Choice(["all", *STATE_CHOICES]), default="all", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def dbt_check(state: str, quiet: bool) -> None:
    """dbt build on the sample districts: seeds, models, unit tests and data tests (used by scripts/test)."""
    session = None
    try:
        with DbtProgress(enabled=not quiet) as progress:
            for number, one_state in enumerate(_states(state)):
                database = WAREHOUSE_DIR / f"check_{one_state}.duckdb"
                if database.exists():
                    database.unlink()
                load_sample(database, one_state)
                session = DbtSession(one_state, database, callbacks=[progress.callback])
                with progress.phase(f"{one_state}: build and test"):
                    # The unit tests that compile the same in both states ran in the first state's build.
                    session.build(include_tests=True, shared_unit_tests=number == 0)
                progress.note(f"{one_state}: dbt build passed (log: {session.log_file})")
    except (DbtFailure, InputError) as error:
        # dbt's console is off: show its error messages (failing tests, unit-test diffs) here.
        for message in (session.errors if session is not None else []):
            click.echo(message, err=True)
        click.echo(f"error: {error}", err=True)
        sys.exit(exit_code_of(error))


if __name__ == "__main__":
    main()

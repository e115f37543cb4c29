"""Benchmark: synthetic districts at several sizes, each timed through load, build and export.

Generation is cached under .bench_cache/ and not counted. Each size runs in its own process so its peak resident
memory is its own. Prints figures only; nothing here asserts a time.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import shutil
import time
from pathlib import Path

import click
import duckdb

from statereport import PROJECT_ROOT
from statereport.dbt_runner import REFERENCE_LENDER_VARIABLE
from statereport.warehouse import sql_text

# Generated districts and the scratch warehouse; STATEREPORT_BENCH_CACHE moves them (the tests use a temporary folder).
CACHE = Path(os.environ.get("STATEREPORT_BENCH_CACHE") or PROJECT_ROOT / ".bench_cache")
SIZES = (7_000, 70_000, 700_000)
SEED = 20251
# Issue 21's statewide targets at 700,000 students, quiet machine: total seconds and peak resident GiB.
STATEWIDE_TARGETS = {"ky": {"seconds": 30, "gib": 4}, "ks": {"seconds": 90, "gib": 6}}


def _generate(state: str, students: int) -> Path:
    folder = CACHE / f"{state}_{students}_seed{SEED}"
    done = folder / ".complete"
    if not done.exists():
        subprocess.run(
            [str(PROJECT_ROOT / "scripts" / "generate_district"), "--state", state, "--students", str(students),
             "--seed", str(SEED), "--out", str(folder), "--format", "parquet"],
            check=True,
        )
        done.write_text("ok")
    return folder


def _raw_read_floor(data_dir: Path) -> tuple[float, int]:
    """Seconds DuckDB takes to read every raw file once into memory: the floor any load + build sits on."""
    connection = duckdb.connect()
    started = time.perf_counter()
    rows = 0
    for path in sorted(data_dir.glob("*.parquet")):
        connection.execute(f"create or replace temp table t as select * from read_parquet('{path}')")
        rows += connection.execute("select count(*) from t").fetchone()[0]
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, rows


def _slowest_nodes(build_seconds: dict[str, float], count: int = 8) -> list[tuple[str, float]]:
    """The dbt nodes that took longest in the build: where its time goes."""
    return sorted(build_seconds.items(), key=lambda pair: -pair[1])[:count]


def _write_floor(written, folder: Path) -> tuple[float, float]:
    """Seconds DuckDB takes to write the run's output once: every file the run wrote, its rows held in memory first
    (not timed), then written again to the same format with COPY. A CSV keeps its header and quoting (read back as
    text); a State Format, HTML or XML file is written line by line. With the raw read, the floor of a whole run."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    connection = duckdb.connect()
    seconds = 0.0
    for index, file in enumerate(written):
        source = sql_text(file.path)
        target = sql_text(folder / f"{index}{Path(file.path).suffix}")
        if Path(file.path).suffix == ".csv":
            connection.execute(f"create or replace temp table rows as select * from read_csv('{source}', "
                               "all_varchar = true, header = true, auto_detect = true)")
            copy = f"copy rows to '{target}' (format csv, header true)"
        elif Path(file.path).suffix in (".txt", ".html", ".xml"):
            connection.execute(f"create or replace temp table rows as select * from read_csv('{source}', "
                               "columns = {'line': 'varchar'}, header = false, delim = '\x01', quote = '', "
                               "escape = '', auto_detect = false, strict_mode = false)")
            copy = f"copy rows to '{target}' (format csv, header false, delimiter '\x01', quote '', escape '')"
        else:  # a .zip of State Format parts: bytes as they are
            payload = Path(file.path).read_bytes()
            started = time.perf_counter()
            (folder / f"{index}.bin").write_bytes(payload)
            seconds += time.perf_counter() - started
            continue
        started = time.perf_counter()
        connection.execute(copy)
        seconds += time.perf_counter() - started
    connection.close()
    size = sum(path.stat().st_size for path in folder.iterdir()) / 1e6
    shutil.rmtree(folder, ignore_errors=True)
    return seconds, size


def measure_one(state: str, data_dir: Path) -> dict:
    """Load, build and export one district in this process; returns the phase times and peak RSS."""
    from statereport.cli import select_exports
    from statereport.dbt_runner import DbtSession
    from statereport.exports import export_models
    from statereport.loader import load_district
    from statereport.review import build_page, page_options
    from statereport.summary import collect

    figures: dict = {}
    # A fixed warehouse path, as a scheduled run has: dbt then reuses its saved parse (target/bench_<state>) when the
    # project and vars have not changed since the last run, and parses in full otherwise (the table says which).
    scratch = CACHE / "run"
    database = scratch / f"bench_{state}.duckdb"
    out_dir = scratch / f"out_{state}"
    for leftover in (database, database.with_name(database.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(out_dir, ignore_errors=True)
    scratch.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    loaded = load_district(database, data_dir, state)
    figures["load_s"] = time.perf_counter() - started
    figures["raw_rows"] = sum(t.rows for t in loaded)
    started = time.perf_counter()
    full_parse_events: list[str] = []  # dbt says when it cannot reuse its saved parse (and why, in its log)

    def note_full_parse(event) -> None:
        if event.info.name in ("UnableToPartialParse", "PartialParsingNotEnabled"):
            full_parse_events.append(event.info.name)

    session = DbtSession(state, database, quiet=True, callbacks=[note_full_parse])
    figures["dbt_full_parse"] = bool(full_parse_events)
    figures["dbt_parse_s"] = time.perf_counter() - started
    started = time.perf_counter()
    session.build(include_tests=False)
    figures["build_s"] = time.perf_counter() - started
    figures["slowest_models"] = _slowest_nodes(session.build_seconds)
    # What every `statereport run` proves on the data it just built (issue 16 F): conservation and mart-key tests,
    # run inside the build's dbt command, beside the models on dbt's threads. Their figure is their own node time; their
    # share is of every node's time in the build (the build's work: a check's node time runs long while a model runs
    # on the other thread, so against the build's wall time it would count that model's time too). Any the build
    # could not take run after it, and count in full.
    checks_in_build = sum(session.build_seconds[session.manifest.nodes[unique_id].name]
                          for unique_id in session.checks_run)
    figures["build_node_s"] = sum(session.build_seconds.values())
    started = time.perf_counter()
    figures["checks_count"] = session.run_checks()
    # Only checks that ran after the build count here: finding that none is left takes a few milliseconds, which a
    # busy machine stretches past the figure's precision.
    figures["checks_after_s"] = time.perf_counter() - started if session.checks_after else 0.0
    figures["checks_s"] = checks_in_build + figures["checks_after_s"]
    started = time.perf_counter()
    # the formats a plain `statereport run` writes (opt-in formats such as KIDS XML left out)
    nodes = select_exports(session.export_models(), None, {})
    written = export_models(database, nodes, out_dir, session.settings)
    figures["export_s"] = time.perf_counter() - started
    figures["rows_per_extract"] = {}
    figures["notes"] = []
    for file in written:
        figures["rows_per_extract"][file.model] = file.rows
        if file.model != "kids_file_warnings":  # per-value cleaning warnings are counted in rows, not listed
            figures["notes"].extend(file.notes)
    figures["export_mb"] = sum(file.size for file in written) / 1e6
    # What a `statereport run` does after its export and the issue's total leaves out: the run summary (it counts every
    # report and rule) and the review page, which embeds the first rows of every table.
    started = time.perf_counter()
    summary = collect(database, session.manifest, state, nodes, written, session.settings, None)
    page = build_page(database, session.manifest, summary, nodes, out_dir / "review.html",
                      **page_options(session.settings))
    figures["review_s"] = time.perf_counter() - started
    figures["review_mb"] = page.stat().st_size / 1e6
    figures.update(_measure_history(database, session, data_dir, scratch / f"history_{state}", out_dir, written))
    # The run's peak (load, build, checks, export, history and diff; ru_maxrss only grows), read before the write
    # floor, which holds every output file's rows in memory to time their writing alone and is no part of a run.
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["write_floor_s"], figures["write_floor_mb"] = _write_floor(written, scratch / f"floor_{state}")
    figures["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _measure_history(database: Path, session, data_dir: Path, history_dir: Path, out_dir: Path, written) -> dict:
    """The run history and the submission diff at this size: one run recorded twice (the second a resubmission of the
    same data), the record time, one run's history size against its CSV exports, and the diff of the two runs."""
    from statereport.diff import compare
    from statereport.history import RunRecord, history_size, stage_run

    shutil.rmtree(history_dir, ignore_errors=True)
    nodes = session.export_models()
    ledger = next((node for node in session.manifest.nodes.values()
                   if node.resource_type == "model" and node.name == "exclusion_ledger"), None)
    started = time.perf_counter()
    first = stage_run(database, nodes, ledger, session.state, session.settings, data_dir, history_dir).commit()
    record_s = time.perf_counter() - started
    second = stage_run(database, nodes, ledger, session.state, session.settings, data_dir, history_dir).commit()
    started = time.perf_counter()
    result = compare(first, second, out_dir)
    diff_s = time.perf_counter() - started
    # The same two runs matched record by record, as when files changed: the older run as recorded before the
    # history kept content fingerprints (the diff then skips no file).
    unprinted = RunRecord(first.path, {**first.info, "files": [{name: value for name, value in entry.items()
                                                                 if name != "content_hash"}
                                                                for entry in first.info["files"]]})
    started = time.perf_counter()
    matched = compare(unprinted, second, out_dir)
    return {"history_record_s": record_s, "history_mb": history_size(first) / 1e6,
            "csv_mb": sum(file.size for file in written if Path(file.path).suffix == ".csv") / 1e6,
            "diff_s": diff_s, "diff_changes": sum(result.totals().values()),
            "diff_matched_s": time.perf_counter() - started, "diff_matched_changes": sum(matched.totals().values())}


def _run_size(state: str, students: int) -> dict:
    data_dir = _generate(state, students)
    floor, raw_rows = _raw_read_floor(data_dir)
    completed = subprocess.run(
        [sys.executable, "-m", "statereport.bench", "measure-one", "--state", state, "--data-dir", str(data_dir)],
        capture_output=True, text=True, cwd=PROJECT_ROOT,
    )
    if completed.returncode != 0:
        raise click.ClickException(f"{state} at {students} students failed:\n{completed.stderr[-3000:]}")
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    figures.update(state=state, students=students, raw_read_floor_s=floor, raw_rows_read=raw_rows)
    figures["load_average"] = os.getloadavg()[0]
    # A run's whole cost: everything `statereport run` does for this district, its own checks included.
    figures["total_s"] = (figures["load_s"] + figures["dbt_parse_s"] + figures["build_s"] + figures["checks_after_s"]
                          + figures["export_s"])
    # The physical floor (issue 21): reading every raw file once plus writing the run's output once.
    figures["floor_s"] = floor + figures["write_floor_s"]
    figures["total_over_floor"] = figures["total_s"] / figures["floor_s"] if figures["floor_s"] else None
    work = figures["build_node_s"] + figures["checks_after_s"]
    figures["checks_over_build"] = figures["checks_s"] / work if work else None
    return figures


# Issue 21: `scripts/run` on the bundled samples, both states, warm (its second call), on a quiet machine.
SAMPLES_TARGET_SECONDS = 10
# What dbt writes to its log when it cannot reuse its saved parse (events UnableToPartialParse, PartialParsingNotEnabled).
FULL_PARSE_LINES = ("Unable to do partial parsing", "Partial parsing not enabled")


def sample_run_facts(log_text: str) -> dict:
    """From the dbt log lines of one run of a state: did dbt parse in full, and did the build seed the reference
    tables (else it reused the replaced warehouse's, see DbtSession.reuse_reference_seeds)?"""
    return {"full_parse": any(line in log_text for line in FULL_PARSE_LINES),
            "reference_seeded": "seed file reference." in log_text}


def _run_samples() -> dict:
    """`scripts/run` on the bundled samples (both states, as a user runs it) twice into a scratch warehouse emptied
    first: the first call after a fresh warehouse, then the warm call the target is about. Each in its own process,
    as the user's are; dbt's saved parse lives in the scratch folder's own target folders, so the bench leaves the
    project's target/ alone."""
    folder = CACHE / "samples"
    warehouse = folder / "warehouse"
    shutil.rmtree(warehouse, ignore_errors=True)
    shutil.rmtree(folder / "out", ignore_errors=True)
    command = [sys.executable, "-m", "statereport.cli", "run", "--warehouse", str(warehouse), "--out",
               str(folder / "out"), "--quiet"]
    # The first call is timed as a first run: the test suite's lender of reference seed tables does not apply.
    environment = {**os.environ, "STATEREPORT_TARGET_ROOT": str(folder / "target")}
    environment.pop(REFERENCE_LENDER_VARIABLE, None)
    figures: dict = {}
    for call in ("first", "warm"):
        logs = {state: warehouse / "logs" / state / "dbt.log" for state in ("ky", "ks")}
        offsets = {state: log.stat().st_size if log.exists() else 0 for state, log in logs.items()}
        started = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, env=environment)
        figures[f"{call}_s"] = time.perf_counter() - started
        if completed.returncode not in (0, 6):  # 6: the samples carry critical warnings on purpose
            raise click.ClickException(f"scripts/run on the samples failed:\n{completed.stderr[-3000:]}")
        for state, log in logs.items():
            with log.open(encoding="utf-8", errors="replace") as handle:
                handle.seek(offsets[state])
                figures[f"{call}_{state}"] = sample_run_facts(handle.read())
    figures["load_average"] = os.getloadavg()[0]
    return figures


def _print_samples(figures: dict) -> None:
    print("\n== bundled samples: scripts/run, both states ==")
    print(f"  {'load average':<16}{figures['load_average']:>9.2f}   (1 minute, after the two calls)")
    for call, label in (("first", "first call"), ("warm", "warm call")):
        facts = "; ".join(
            f"{state.upper()}: {'full parse' if figures[f'{call}_{state}']['full_parse'] else 'saved parse reused'}, "
            f"reference seeds {'seeded' if figures[f'{call}_{state}']['reference_seeded'] else 'reused'}"
            for state in ("ky", "ks"))
        print(f"  {label:<16}{figures[f'{call}_s']:>9.2f} s   ({facts})")


def _checks_after(figures: dict) -> str:
    """Checks the build could not take ran after it, in a dbt command of their own (DbtSession.run_checks)."""
    return f", and {figures['checks_after_s']:.2f} s after it" if figures["checks_after_s"] >= 0.005 else ""


def _print_table(figures: dict) -> None:
    print(f"\n== {figures['state'].upper()} {figures['students']:,} students ({figures['raw_rows_read']:,} raw rows) ==")
    # Another process on the machine inflates every figure; the load average says how busy it was.
    print(f"  {'load average':<16}{figures['load_average']:>9.2f}   (1 minute, after this size)")
    for label, key in (("raw-read floor", "raw_read_floor_s"), ("write floor", "write_floor_s"),
                       ("floor", "floor_s"), ("load", "load_s"), ("dbt start-up", "dbt_parse_s"),
                       ("build", "build_s"), ("run checks", "checks_s"), ("export", "export_s"), ("total", "total_s")):
        extra = ""
        if key == "dbt_parse_s":
            extra = "   (full parse)" if figures["dbt_full_parse"] else "   (saved parse reused)"
        elif key == "export_s":
            extra = f"   ({figures['export_mb']:,.0f} MB written)"
        elif key == "write_floor_s":
            extra = f"   (the run's {figures['write_floor_mb']:,.0f} MB again, COPY from memory)"
        elif key == "floor_s":
            extra = "   (read + write)"
        elif key == "checks_s":
            extra = (f"   ({figures['checks_count']} conservation and key tests inside the build: their node time, "
                     f"{figures['checks_over_build']:.1%} of the build's{_checks_after(figures)})")
        elif key == "total_s":
            extra = "   (load + start-up + build with its checks + export)"
        print(f"  {label:<16}{figures[key]:>9.2f} s{extra}")
    if "review_s" in figures:
        print(f"  {'review page':<16}{figures['review_s']:>9.2f} s   (run summary and review.html, "
              f"{figures['review_mb']:,.1f} MB; after the export, not in the total)")
    if "diff_s" in figures:
        print(f"  {'history record':<16}{figures['history_record_s']:>9.2f} s   ({figures['history_mb']:,.1f} MB for one "
              f"run; its CSV exports {figures['csv_mb']:,.1f} MB)")
        print(f"  {'diff':<16}{figures['diff_s']:>9.2f} s   (two runs of the same data: "
              f"{figures['diff_changes']:,} changes; every file's fingerprint unchanged)")
        print(f"  {'diff, matched':<16}{figures['diff_matched_s']:>9.2f} s   (the same, every record matched: "
              f"{figures['diff_matched_changes']:,} changes)")
    print(f"  {'peak RSS':<16}{figures['peak_rss_mb']:>9.0f} MB   (the run, history and diff; with the write floor "
          f"{figures['bench_peak_rss_mb']:,.0f} MB)")
    ratio = figures["total_over_floor"]
    print(f"  {'total/floor':<24}{ratio:>6.2f}x" if ratio else "  total/floor: n/a")
    for model, seconds in figures.get("slowest_models", []):
        print(f"    slowest: {model:<49}{seconds:>7.2f} s")
    for model, rows in sorted(figures["rows_per_extract"].items()):
        print(f"    {model:<40}{rows:>10,} rows")
    for note in figures["notes"]:
        print(f"    note: {note}")


@click.group(invoke_without_command=True)
@click.option("--quick", is_flag=True, help="Only the smallest size (7,000 students).")
@click.option("--state", type=click.Choice(["ky", "ks", "all"]), default="all", show_default=True)
@click.option("--sizes", default=None, help="Comma-separated student counts instead of 7000,70000,700000.")
@click.option("--samples/--no-samples", default=None,
              help="Also time scripts/run on the bundled samples, first and warm call. Blank: only with --state all "
                   "(the samples run both states).")
@click.pass_context
def main(context: click.Context, quick: bool, state: str, sizes: str | None, samples: bool | None) -> None:
    """Time load, build and export of synthetic districts; print figures (no assertions)."""
    if context.invoked_subcommand:
        return
    samples = state == "all" if samples is None else samples
    chosen = [int(s) for s in sizes.split(",")] if sizes else list(SIZES[:1] if quick else SIZES)
    states = ["ky", "ks"] if state == "all" else [state]
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, Python {platform.python_version()}, "
          f"DuckDB {duckdb.__version__}")
    results = []
    for one_state in states:
        for students in chosen:
            figures = _run_size(one_state, students)
            results.append(figures)
            _print_table(figures)
    sample_figures = _run_samples() if samples else None
    if sample_figures:
        _print_samples(sample_figures)
    print("\n== targets (issues 16, 20, 21) ==")
    if sample_figures:
        print(f"  samples: warm scripts/run {sample_figures['warm_s']:.1f} s (target <= {SAMPLES_TARGET_SECONDS} s): "
              f"{_met(sample_figures['warm_s'] <= SAMPLES_TARGET_SECONDS)}")
    for figures in results:
        label = f"{figures['state'].upper()} {figures['students']:,}"
        ratio = figures["checks_over_build"]
        print(f"  {label}: run checks {ratio:.1%} of the build (target <= 10 %): {_met(ratio <= 0.10)}")
        limits = STATEWIDE_TARGETS.get(figures["state"])
        if limits and figures["students"] == 700_000:
            seconds, gib, over = figures["total_s"], figures["peak_rss_mb"] / 1024, figures["total_over_floor"]
            print(f"  {label}: total {seconds:.0f} s (target <= {limits['seconds']} s): {_met(seconds <= limits['seconds'])}; "
                  f"{over:.1f}x the floor (target <= 2x): {_met(over <= 2)}; peak RSS {gib:.1f} GiB "
                  f"(target <= {limits['gib']} GiB): {_met(gib <= limits['gib'])}")
        else:
            print(f"  {label}: total/floor {figures['total_over_floor']:.1f}x (target <= 2x): "
                  f"{_met(figures['total_over_floor'] <= 2)}")
        if figures["state"] == "ky" and figures["students"] == 700_000 and "diff_s" in figures:
            print(f"  {label}: diff, every record matched, {figures['diff_matched_s']:.1f} s (target <= 15 s): "
                  f"{_met(figures['diff_matched_s'] <= 15)}; one run's history {figures['history_mb']:,.0f} MB "
                  f"(target <= its CSV exports, {figures['csv_mb']:,.0f} MB): "
                  f"{_met(figures['history_mb'] <= figures['csv_mb'])}")
    for one_state in states:
        by_size = {f["students"]: f for f in results if f["state"] == one_state}
        if 70_000 in by_size and 700_000 in by_size:
            growth = by_size[700_000]["total_s"] / by_size[70_000]["total_s"]
            print(f"  {one_state.upper()}: 10x students (70,000 -> 700,000) costs {growth:.1f}x the time (target <= 10x): "
                  f"{_met(growth <= 10)}")


def _met(condition: bool) -> str:
    return "met" if condition else "NOT met"


@main.command("measure-one", hidden=True)
@click.option("--state", required=True)
@click.option("--data-dir", type=click.Path(path_type=Path), required=True)
def measure_one_command(state: str, data_dir: Path) -> None:
    print(json.dumps(measure_one(state, data_dir)))


if __name__ == "__main__":
    main()

"""The run history: every successful `statereport run` keeps the records of each export file it wrote, so a later run
can say what changed since the files the state last received (`statereport.diff`).

Layout, beside the warehouse (Parquet with zstd: columnar, compressed, readable by DuckDB without loading):

    <warehouse>/history/<state>/<run_id>/run.json          run id, time, vars, project version, input fingerprint,
                                                            and per export file its record key and columns
    <warehouse>/history/<state>/<run_id>/<file>.parquet     the file's records (mart columns, as text)
    <warehouse>/history/<state>/<run_id>/_ledger.parquet    the run's exclusion ledger (reasons for the diff)
    <warehouse>/history/<state>/<run_id>/_people.parquet    person_id, state_id, student_number (ledger matching)
    <warehouse>/history/<state>/<run_id>/submitted.json     present once the run is marked submitted

A run is staged under a hidden `.partial-<run_id>` folder while the run is still going and renamed into place only
after its files were swapped in, so a failed or killed run never enters the history (a rename is atomic; stale
partial folders are ignored and removed by the next run). The submitted mark is written to a temporary name and
renamed too. `--keep-runs N` keeps the N newest runs and every submitted run.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import duckdb

from statereport import PROJECT_ROOT
from statereport.warehouse import duckdb_settings, sql_text

LEDGER_FILE = "_ledger.parquet"
PEOPLE_FILE = "_people.parquet"
RUN_FILE = "run.json"
# Not part of a record for the submission diff: the run's own stamp, so the same inputs give an empty diff.
IGNORED_FIELDS = frozenset({"date_time_generated"})
SUBMITTED_FILE = "submitted.json"
PARTIAL_PREFIX = ".partial-"


class HistoryError(Exception):
    """A run id that is not in the history, or a history that cannot be read; the message says which."""


@dataclass
class RunRecord:
    """One run of the history, as `run.json` describes it."""

    path: Path
    info: dict

    @property
    def run_id(self) -> str:
        return self.info["run_id"]

    @property
    def submitted(self) -> dict | None:
        marker = self.path / SUBMITTED_FILE
        return json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else None

    def files(self) -> dict[str, dict]:
        return {entry["file_name"]: entry for entry in self.info.get("files", [])}


def history_root(warehouse: Path, state: str) -> Path:
    return Path(warehouse) / "history" / state


def new_run_id(now: datetime) -> str:
    """Sortable by time (UTC, to the second) with a random tail, so two runs in one second never collide."""
    return f"{now.strftime('%Y%m%dT%H%M%SZ')}-{secrets.token_hex(3)}"


def project_version() -> str:
    """`git describe` of the project when it is a checkout, else the installed package version."""
    try:
        described = subprocess.run(["git", "describe", "--always", "--dirty", "--tags"], cwd=PROJECT_ROOT,
                                   capture_output=True, text=True, timeout=10)
        if described.returncode == 0 and described.stdout.strip():
            return described.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return metadata.version("statereport")
    except metadata.PackageNotFoundError:
        return "unknown"


def input_fingerprint(data_dir: Path | None, state: str) -> str:
    """sha256 over the district's input files (name and content, in name order); the bundled sample's seed CSVs when
    there is no --data-dir. Two runs with one fingerprint read the same data."""
    folder = Path(data_dir) if data_dir is not None else PROJECT_ROOT / "seeds" / f"sample_{state}"
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        digest.update(path.name.encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def file_fingerprint(connection, parquet: Path, columns: list[str]) -> tuple[int, str]:
    """A history file's record count and content fingerprint: the sum of a 64-bit hash of each record's fields
    (IGNORED_FIELDS left out), so the records' order does not count and a repeated record does. Two runs' files with
    the same fingerprint, count and columns hold the same records: the submission diff (statereport.diff) then finds no
    change without matching them record by record (it matches records on the same 64-bit hash). Another DuckDB version
    may hash differently: the fingerprints then differ and the diff compares the records."""
    fields = ", ".join(_quoted(name) for name in columns if name not in IGNORED_FIELDS)
    fingerprint = f"cast(coalesce(sum(cast(hash({fields}) as hugeint)), 0) as varchar)" if fields else "''"
    rows, content_hash = connection.execute(
        f"select count(*), {fingerprint} from read_parquet('{sql_text(parquet)}')").fetchone()
    return rows, content_hash


def _copy_parquet(connection, query: str, path: Path) -> None:
    connection.execute(f"copy ({query}) to '{sql_text(path)}' (format parquet, compression zstd)")


def export_spec(node) -> dict:
    """The history entry of an export: its file, its declared record key, its ledger match and its columns."""
    spec = node.config.meta["export"]
    columns = [[name, (column.meta or {}).get("header", name)] for name, column in node.columns.items()]
    return {"file_name": spec["file_name"], "model": node.name, "record_key": list(spec.get("record_key") or []),
            "ledger_match": dict(spec.get("ledger_match") or {}), "columns": columns}


@dataclass
class StagedRun:
    """A run written under its partial name; `commit` renames it into the history."""

    partial: Path
    final: Path
    run_id: str

    def commit(self, keep_runs: int | None = None) -> RunRecord:
        os.replace(self.partial, self.final)
        record = RunRecord(self.final, json.loads((self.final / RUN_FILE).read_text(encoding="utf-8")))
        if keep_runs:
            prune(self.final.parent, keep_runs)
        return record

    def discard(self) -> None:
        shutil.rmtree(self.partial, ignore_errors=True)

    def as_record(self) -> RunRecord:
        return RunRecord(self.partial, json.loads((self.partial / RUN_FILE).read_text(encoding="utf-8")))


def stage_run(database: Path, nodes: list, ledger_node, state: str, run_vars: Mapping, data_dir: Path | None,
              warehouse: Path, *, submitted: bool = False, now: datetime | None = None) -> StagedRun:
    """Writes this run's records (every export of `nodes`), ledger and people under a partial folder."""
    now = now or datetime.now(timezone.utc)
    root = history_root(warehouse, state)
    root.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(root)
    run_id = new_run_id(now)
    partial = root / f"{PARTIAL_PREFIX}{os.getpid()}-{run_id}"
    partial.mkdir()
    files = []
    connection = duckdb.connect(str(database), config=duckdb_settings())
    try:
        for node in nodes:
            entry = export_spec(node)
            names = [name for name, _ in entry["columns"]]
            select = ", ".join(f"cast({_quoted(name)} as varchar) as {_quoted(name)}" for name in names) or "*"
            target = partial / f"{entry['file_name']}.parquet"
            _copy_parquet(connection, f'select {select} from "{node.schema}"."{node.alias}"', target)
            entry["rows"], entry["content_hash"] = file_fingerprint(connection, target, names)
            entry["parquet"] = target.name
            files.append(entry)
        if ledger_node is not None:
            _copy_parquet(connection, "select extract_name, record_key, cast(person_id as varchar) as person_id, "
                                      "cast(section_id as varchar) as section_id, cast(staff_person_id as varchar) "
                                      "as staff_person_id, rule_id, reason, detail "
                                      f'from "{ledger_node.schema}"."{ledger_node.alias}"', partial / LEDGER_FILE)
        has_people = connection.execute("select count(*) from information_schema.tables where table_schema = 'raw' "
                                        "and table_name = 'person'").fetchone()[0]
        # a warehouse without a person table (a test's stand-in) records no people: "no longer in the data" then
        # cannot be told from "still in the data", never a failed run
        people = ("select cast(person_id as varchar) as person_id, cast(state_id as varchar) as state_id, "
                  "cast(student_number as varchar) as student_number from raw.person" if has_people else
                  "select cast(null as varchar) as person_id, cast(null as varchar) as state_id, "
                  "cast(null as varchar) as student_number where false")
        _copy_parquet(connection, people, partial / PEOPLE_FILE)
    finally:
        connection.close()
    info = {"run_id": run_id, "state": state, "time": now.isoformat(timespec="seconds"),
            "vars": json.loads(json.dumps(dict(run_vars), default=str)), "project_version": project_version(),
            "input_fingerprint": input_fingerprint(data_dir, state),
            "data_dir": str(data_dir) if data_dir is not None else None, "files": files}
    (partial / RUN_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    if submitted:
        _write_marker(partial, now)
    return StagedRun(partial, root / run_id, run_id)


def remove_stale_partials(root: Path) -> None:
    """Partial folders whose process is gone belong to killed runs: they were never part of the history."""
    for folder in root.glob(f"{PARTIAL_PREFIX}*"):
        pid = folder.name.removeprefix(PARTIAL_PREFIX).split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def list_runs(warehouse: Path, state: str) -> list[RunRecord]:
    """Every committed run of the state, oldest first."""
    root = history_root(warehouse, state)
    if not root.is_dir():
        return []
    runs = []
    for folder in sorted(root.iterdir()):
        info_file = folder / RUN_FILE
        if folder.name.startswith(".") or not info_file.exists():
            continue
        runs.append(RunRecord(folder, json.loads(info_file.read_text(encoding="utf-8"))))
    return runs


def _write_marker(folder: Path, now: datetime | None = None) -> None:
    now = now or datetime.now(timezone.utc)
    temporary = folder / f".{SUBMITTED_FILE}.partial"
    temporary.write_text(json.dumps({"submitted_at": now.isoformat(timespec="seconds")}) + "\n", encoding="utf-8")
    os.replace(temporary, folder / SUBMITTED_FILE)


def find_run(warehouse: Path, run_id: str, state: str | None = None) -> RunRecord:
    """The run with this id (or a unique prefix of it), in the given state or either state."""
    states = [state] if state else ["ky", "ks"]
    matches = [run for one in states for run in list_runs(warehouse, one)
               if run.run_id == run_id or run.run_id.startswith(run_id)]
    exact = [run for run in matches if run.run_id == run_id]
    if exact:
        return exact[0]
    if len(matches) != 1:
        shown = "no run" if not matches else f"{len(matches)} runs"
        raise HistoryError(f"run id '{run_id}': {shown} in the history under {Path(warehouse) / 'history'} "
                           "(statereport history lists them)")
    return matches[0]


def mark_submitted(warehouse: Path, run_id: str, state: str | None = None) -> RunRecord:
    run = find_run(warehouse, run_id, state)
    _write_marker(run.path)
    return run


def prune(root: Path, keep_runs: int) -> list[str]:
    """Removes all but the `keep_runs` newest runs; a submitted run is never removed. Returns the removed ids."""
    runs = [RunRecord(folder, json.loads((folder / RUN_FILE).read_text(encoding="utf-8")))
            for folder in sorted(root.iterdir()) if not folder.name.startswith(".") and (folder / RUN_FILE).exists()]
    removed = []
    for run in runs[:-keep_runs] if keep_runs > 0 else []:
        if run.submitted is None:
            shutil.rmtree(run.path)
            removed.append(run.run_id)
    return removed


def resolve_pair(warehouse: Path, state: str, from_run: str | None, to_run: str | None,
                 latest: RunRecord | None = None) -> tuple[RunRecord | None, RunRecord]:
    """(older, newer) for a diff. `to`: a run id or 'latest' (default; `latest` overrides it: the run being staged).
    `from`: a run id, 'submitted' (the newest submitted run before `to`), 'previous' (the run just before `to`), or
    blank: submitted, else previous. None when there is nothing to compare with."""
    runs = list_runs(warehouse, state)
    if latest is not None:
        newer = latest
    elif to_run in (None, "latest"):
        if not runs:
            raise HistoryError(f"no {state.upper()} run in the history yet under {history_root(warehouse, state)}: "
                               "run `statereport run` first")
        newer = runs[-1]
    else:
        newer = find_run(warehouse, to_run, state)
    before = [run for run in runs if run.run_id < newer.run_id]
    if from_run not in (None, "submitted", "previous"):
        return find_run(warehouse, from_run, state), newer
    submitted = [run for run in before if run.submitted is not None]
    if from_run == "submitted":
        if not submitted:
            raise HistoryError(f"no submitted {state.upper()} run before {newer.run_id}: mark one with "
                               "statereport mark-submitted RUN_ID")
        return submitted[-1], newer
    if from_run is None and submitted:
        return submitted[-1], newer
    return (before[-1] if before else None), newer


def history_size(run: RunRecord) -> int:
    return sum(path.stat().st_size for path in run.path.iterdir() if path.is_file())

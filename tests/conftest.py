"""Shared pytest fixtures. dbt costs seconds to start, so the sample districts are built once per session
(one `statereport run --state all`, which also runs every dbt unit and data test) and every test reads that warehouse
and those export files. `scripts/test` makes that run before pytest starts (`python tests/conftest.py`, its first
phase) and pytest reuses it; pytest run alone makes it itself, once for all its workers."""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT_ROOT = REPO_ROOT / "tests" / "_output"

# dbt's parse is a third of a small run. Every run of this session (each in its own warehouse folder) reuses the
# saved parse of an earlier run with the same state and vars (statereport.dbt_runner._parse); the session build
# empties the folder first, so the first run of each var set parses in full, as from a fresh clone.
PARSE_CACHE = OUTPUT_ROOT / "parse_cache"
os.environ["STATEREPORT_PARSE_CACHE"] = str(PARSE_CACHE)
# A test's run into a fresh warehouse folder borrows the reference seed tables of the session build (same fingerprint
# only, statereport.dbt_runner.REFERENCE_LENDER_VARIABLE) instead of seeding them again: about a second of dbt per state
# and run. test_reference_seeds covers both the seeding and the reuse; the session build itself always seeds.
os.environ["STATEREPORT_REFERENCE_LENDER"] = str(OUTPUT_ROOT / "warehouse")
# scripts/test sets this to a token of its own invocation; its first phase records the token with the session build,
# and pytest reuses that build only when the tokens match (never a build of an earlier invocation).
SESSION_TOKEN_VARIABLE = "STATEREPORT_SESSION_BUILD"
SESSION_RECORD = OUTPUT_ROOT / "session_run.json"
# pytest-xdist (scripts/test runs two workers): each worker's runs keep their dbt artifacts in a target folder of their
# own (statereport.dbt_runner.TARGET_ROOT_VARIABLE); the session build keeps target/<state>, which tests read.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["STATEREPORT_TARGET_ROOT"] = str(REPO_ROOT / "target" / f"pytest-{os.environ['PYTEST_XDIST_WORKER']}")


@dataclass
class BuiltState:
    state: str
    database: Path
    out_dir: Path
    stdout: str
    stderr: str = ""
    returncode: int = 0
    summary: dict | None = None  # this state's entry of --summary-json
    summary_json: dict | None = None  # the whole --summary-json document
    log_file: Path | None = None

    @property
    def review_page(self) -> Path:
        return self.out_dir / "review.html"


# A run that completed: 0 clean, 6 completed and wrote its files but critical warnings are present.
COMPLETED_EXIT_CODES = (0, 6)


class _ForkServer:
    """This process's fork server for command lines (tests/_cli_forkserver.py), started on first use: each command is
    a child forked from a process that has already imported the command line and dbt, instead of a new interpreter
    that imports them again. STATEREPORT_TEST_FORKSERVER=0 runs every command in a new interpreter instead."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None

    def run(self, args: list[str], env: dict) -> subprocess.CompletedProcess:
        with self.lock, tempfile.TemporaryDirectory(prefix="statereport-cli-") as folder:
            if self.process is None or self.process.poll() is not None:
                self.process = subprocess.Popen([sys.executable, str(Path(__file__).with_name("_cli_forkserver.py"))],
                                                cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
                if json.loads(self.process.stdout.readline() or b"{}").get("ready") is not True:
                    raise AssertionError(f"the command-line fork server did not start (exit {self.process.wait()})")
            stdout, stderr = Path(folder) / "stdout", Path(folder) / "stderr"
            request = {"args": args, "env": env, "cwd": str(REPO_ROOT), "stdout": str(stdout), "stderr": str(stderr)}
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline() or b"{}")
            if "returncode" not in answer:
                raise AssertionError(f"the command-line fork server stopped (exit {self.process.wait()})")
            read = lambda path: path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""  # noqa: E731
            return subprocess.CompletedProcess([sys.executable, "-m", "statereport.cli", *args], answer["returncode"],
                                               read(stdout), read(stderr))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait()


_FORK_SERVER = _ForkServer()
atexit.register(_FORK_SERVER.stop)


def run_cli(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the `statereport` command line as a user would (`python -m statereport.cli ARGS`, a process of its own,
    forked by the fork server above); `check` fails unless the run completed."""
    environment = {**os.environ, **(env or {})}
    if os.environ.get("STATEREPORT_TEST_FORKSERVER", "1") != "0":
        completed = _FORK_SERVER.run(list(args), environment)
    else:
        completed = subprocess.run([sys.executable, "-m", "statereport.cli", *args], cwd=REPO_ROOT,
                                   capture_output=True, text=True, env=environment)
    if check and completed.returncode not in COMPLETED_EXIT_CODES:
        raise AssertionError(f"statereport {' '.join(args)} exited {completed.returncode}:\n{completed.stderr[-4000:]}")
    return completed


def build_session(token: str) -> dict:
    """The session's run of both samples (quiet, with --summary-json, every dbt unit and data test run by its build),
    recorded with `token` in SESSION_RECORD. Every session's run is a first run: no parse and no run history from an
    earlier session, so the parse is a full one and no Submission_Diff files are written."""
    warehouse, out = OUTPUT_ROOT / "warehouse", OUTPUT_ROOT / "out"
    summary_path = OUTPUT_ROOT / "summary.json"
    for stale in (summary_path, SESSION_RECORD):
        stale.unlink(missing_ok=True)
    shutil.rmtree(PARSE_CACHE, ignore_errors=True)
    shutil.rmtree(warehouse / "history", ignore_errors=True)
    # dbt appends to its log: the tests that read it (test_dbt_build) must see this session's lines only.
    shutil.rmtree(warehouse / "logs", ignore_errors=True)
    completed = run_cli("run", "--state", "all", "--with-dbt-tests", "--warehouse", str(warehouse), "--out", str(out),
                        "--quiet", "--summary-json", str(summary_path), env={"STATEREPORT_TARGET_ROOT": ""}, check=False)
    record = {"token": token, "returncode": completed.returncode, "stdout": completed.stdout,
              "stderr": completed.stderr, "warehouse": str(warehouse), "out": str(out),
              "summary_json": str(summary_path)}
    if completed.returncode in COMPLETED_EXIT_CODES:
        (OUTPUT_ROOT / "run_summary.txt").write_text(completed.stdout, encoding="utf-8")  # pasted into the README
    SESSION_RECORD.write_text(json.dumps(record), encoding="utf-8")
    return record


def session_run() -> dict:
    """The session build: the one scripts/test made before pytest (same token), else made now by the first pytest
    process to get here (pytest-xdist workers share it: the others wait on the lock and read its record)."""
    token = os.environ.get(SESSION_TOKEN_VARIABLE) or f"pytest-{os.environ.get('PYTEST_XDIST_TESTRUNUID', os.getpid())}"
    OUTPUT_ROOT.mkdir(parents=True, exist_ok=True)
    with (OUTPUT_ROOT / "session.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if SESSION_RECORD.exists():
            record = json.loads(SESSION_RECORD.read_text(encoding="utf-8"))
            if record["token"] == token:
                return record
        return build_session(token)


@pytest.fixture(scope="session")
def built_states() -> dict[str, BuiltState]:
    """Both sample districts built and exported once (quiet, with --summary-json); tests must not modify these files.
    The run exits 0, or 6 when the samples carry critical errors (EL critical errors are part of the sample)."""
    record = session_run()
    if record["returncode"] not in COMPLETED_EXIT_CODES:
        raise AssertionError(f"statereport run exited {record['returncode']}:\n{record['stderr'][-4000:]}")
    warehouse, out = Path(record["warehouse"]), Path(record["out"])
    document = json.loads(Path(record["summary_json"]).read_text(encoding="utf-8"))
    by_state = {entry["state"]: entry for entry in document["states"]}
    return {
        state: BuiltState(state, warehouse / f"{state}.duckdb", out / state, record["stdout"], record["stderr"],
                          record["returncode"], by_state.get(state), document,
                          warehouse / "logs" / state / "dbt.log")
        for state in ("ky", "ks")
    }


@pytest.fixture(scope="session")
def ky(built_states) -> BuiltState:
    return built_states["ky"]


@pytest.fixture(scope="session")
def ks(built_states) -> BuiltState:
    return built_states["ks"]


if __name__ == "__main__":  # scripts/test's first phase: the session build, for pytest to reuse
    made = build_session(os.environ.get(SESSION_TOKEN_VARIABLE, ""))
    if made["returncode"] not in COMPLETED_EXIT_CODES:
        sys.stderr.write(made["stderr"])
        sys.exit(made["returncode"])
    print(f"both samples built, every dbt unit and data test passed, files in {made['out']} "
          f"(run summary: {OUTPUT_ROOT / 'run_summary.txt'})")

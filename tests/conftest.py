"""Shared pytest fixtures. dbt costs seconds to start, so the sample districts are built once per session
(one `statereport run` per state) and every test reads that warehouse and those export files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT_ROOT = REPO_ROOT / "tests" / "_output"

# dbt's parse is a third of a small run. Every run of this session (each in its own warehouse folder) reuses the
# saved parse of an earlier run with the same state and vars (statereport.dbt_runner._parse); the folder starts
# empty each session, so the first run of each var set parses in full, as from a fresh clone.
PARSE_CACHE = OUTPUT_ROOT / "parse_cache"
shutil.rmtree(PARSE_CACHE, ignore_errors=True)
os.environ["STATEREPORT_PARSE_CACHE"] = str(PARSE_CACHE)


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


def run_cli(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the `statereport` command line as a user would, in a subprocess; `check` fails unless the run completed."""
    completed = subprocess.run(
        [sys.executable, "-m", "statereport.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    if check and completed.returncode not in COMPLETED_EXIT_CODES:
        raise AssertionError(f"statereport {' '.join(args)} exited {completed.returncode}:\n{completed.stderr[-4000:]}")
    return completed


@pytest.fixture(scope="session")
def built_states() -> dict[str, BuiltState]:
    """Both sample districts built and exported once (quiet, with --summary-json); tests must not modify these files.
    The run exits 0, or 6 when the samples carry critical errors (EL critical errors are part of the sample)."""
    warehouse = OUTPUT_ROOT / "warehouse"
    out = OUTPUT_ROOT / "out"
    summary_path = OUTPUT_ROOT / "summary.json"
    if summary_path.exists():
        summary_path.unlink()
    # Every session's run is a first run: no run history from an earlier session, so no Submission_Diff files.
    shutil.rmtree(warehouse / "history", ignore_errors=True)
    completed = run_cli("run", "--state", "all", "--warehouse", str(warehouse), "--out", str(out), "--quiet",
                        "--summary-json", str(summary_path), check=False)
    if completed.returncode not in COMPLETED_EXIT_CODES:
        raise AssertionError(f"statereport run exited {completed.returncode}:\n{completed.stderr[-4000:]}")
    (OUTPUT_ROOT / "run_summary.txt").write_text(completed.stdout, encoding="utf-8")  # pasted into the README
    document = json.loads(summary_path.read_text(encoding="utf-8"))
    by_state = {entry["state"]: entry for entry in document["states"]}
    return {
        state: BuiltState(state, warehouse / f"{state}.duckdb", out / state, completed.stdout, completed.stderr,
                          completed.returncode, by_state.get(state), document,
                          warehouse / "logs" / state / "dbt.log")
        for state in ("ky", "ks")
    }


@pytest.fixture(scope="session")
def ky(built_states) -> BuiltState:
    return built_states["ky"]


@pytest.fixture(scope="session")
def ks(built_states) -> BuiltState:
    return built_states["ks"]

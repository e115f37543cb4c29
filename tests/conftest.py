"""Shared pytest fixtures. dbt costs seconds to start, so the sample districts are built once per session
(one `statereport run` per state) and every test reads that warehouse and those export files."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT_ROOT = REPO_ROOT / "tests" / "_output"


@dataclass
class BuiltState:
    state: str
    database: Path
    out_dir: Path
    stdout: str


def run_cli(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the `statereport` command line as a user would, in a subprocess."""
    completed = subprocess.run(
        [sys.executable, "-m", "statereport.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    if check and completed.returncode != 0:
        raise AssertionError(f"statereport {' '.join(args)} exited {completed.returncode}:\n{completed.stderr[-4000:]}")
    return completed


@pytest.fixture(scope="session")
def built_states() -> dict[str, BuiltState]:
    """Both sample districts built and exported once; tests must not modify these files."""
    warehouse = OUTPUT_ROOT / "warehouse"
    out = OUTPUT_ROOT / "out"
    completed = run_cli("run", "--state", "all", "--warehouse", str(warehouse), "--out", str(out), "--quiet")
    return {
        state: BuiltState(state, warehouse / f"{state}.duckdb", out / state, completed.stdout)
        for state in ("ky", "ks")
    }


@pytest.fixture(scope="session")
def ky(built_states) -> BuiltState:
    return built_states["ky"]


@pytest.fixture(scope="session")
def ks(built_states) -> BuiltState:
    return built_states["ks"]

"""Faults during a run (issue 16 C, D): a full disk while the files are written, and kill -9 during the build and
during the export. Each leaves the previous warehouse and files exactly as they were, and no process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli


def _snapshot(*folders: Path) -> dict:
    """Every file below the folders with its inode, size and mtime (a swapped-in file has a new inode)."""
    found = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "logs" not in path.parts and path.suffix != ".lock":
                info = path.stat()
                found[str(path)] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def previous_run(built_states, tmp_path_factory):
    """A completed `--state all` run whose files later faulty runs must leave alone: a copy of the session's run of
    both samples (warehouse, run history and files; not its logs or lock files), so no second build is needed."""
    root = tmp_path_factory.mktemp("faults")
    warehouse, out = root / "wh", root / "out"
    shutil.copytree(built_states["ky"].database.parent, warehouse, ignore=shutil.ignore_patterns("logs", "*.lock"))
    shutil.copytree(built_states["ky"].out_dir.parent, out)
    return warehouse, out


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "statereport.cli", *args], cwd=REPO_ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for(condition, seconds: float = 240.0) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _children_of(pid: int) -> list[int]:
    try:
        return [int(value) for value in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


FAKE_FULL_DISK = textwrap.dedent("""
    import errno, sys
    import statereport.cli as cli
    def full_disk(database, nodes, out_dir, settings, kids_options=None):
        raise OSError(errno.ENOSPC, "No space left on device", str(out_dir / ".KECS_LEAD_Detail.csv.partial"))
    cli.export_models = full_disk
    sys.argv = ["statereport", *sys.argv[1:]]
    cli.main()
""")


def test_a_full_disk_during_the_export_is_one_line_exit_5_and_keeps_the_previous_files(previous_run):
    warehouse, out = previous_run
    before = _snapshot(warehouse, out)
    completed = subprocess.run([sys.executable, "-c", FAKE_FULL_DISK, "run", "--state", "ky", "--warehouse",
                                str(warehouse), "--out", str(out), "-q"], cwd=REPO_ROOT, capture_output=True, text=True)
    assert completed.returncode == 5, completed.stderr
    lines = [line for line in completed.stderr.splitlines() if line.strip()]
    assert lines == [f"error: {out / 'ky' / 'KECS_LEAD_Detail.csv'}: cannot write: No space left on device; the "
                     "previous files and warehouse are unchanged"]
    assert _snapshot(warehouse, out) == before
    assert not (out / ".ky.partial").exists() and not (warehouse / "ky.duckdb.building").exists()


def test_a_real_full_disk_during_the_export(tmp_path, previous_run):
    """On a 1 MB tmpfs (skipped where mounting is not allowed; the fake writer above covers that case)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        completed = run_cli("run", "--state", "ky", "--warehouse", str(tmp_path / "wh"), "--out",
                            str(mount_point / "out"), "-q", check=False)
        assert completed.returncode == 5, completed.stderr
        lines = [line for line in completed.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "cannot write: No space left on device" in lines[0]
        assert str(mount_point / "out" / "ky") in lines[0]
        assert sorted(path.name for path in (mount_point / "out").iterdir()) == []  # no partial folder left
        assert not (tmp_path / "wh" / "ky.duckdb").exists()
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


@pytest.mark.parametrize("moment", ["build", "export"])
def test_kill_9_leaves_the_previous_files_and_no_process_behind(previous_run, moment):
    warehouse, out = previous_run
    before = _snapshot(warehouse, out)
    process = _start("run", "--state", "all", "--warehouse", str(warehouse), "--out", str(out), "-q")
    if moment == "build":
        # Both states are building: Kentucky here, Kansas in the second process.
        started = _wait_for(lambda: (warehouse / "ky.duckdb.building").exists()
                            and (warehouse / "ks.duckdb.building").exists())
    else:
        started = _wait_for(lambda: any((out / ".ky.partial").glob("*")) or any((out / ".ks.partial").glob("*")))
    assert started, process.stderr.read() if process.poll() is not None else "the run never reached that point"
    children = _children_of(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _wait_for(lambda: not any(_alive(child) for child in children), 15), "a child outlived its killed parent"
    time.sleep(1.0)  # a survivor would swap its files in now
    after = _snapshot(warehouse, out)
    assert {path: after.get(path) for path in before} == before
    # What a kill -9 cannot clean up is only ever the run's own scratch, never a file in place of a previous one.
    leftovers = [Path(path) for path in after if path not in before]
    assert all(".building" in path.name or ".scratch-" in str(path) or ".partial" in str(path)
               for path in leftovers), leftovers
    # The next run cleans what the killed one left and succeeds.
    run_cli("run", "--state", "all", "--warehouse", str(warehouse), "--out", str(out), "-q")
    assert not (warehouse / "ky.duckdb.building").exists() and not (out / ".ky.partial").exists()
    assert not list(warehouse.glob(".scratch-*"))

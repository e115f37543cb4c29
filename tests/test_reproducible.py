"""Same inputs and vars, byte-identical files: a second run of both sample districts writes exactly what the
session's first run wrote (nothing reads the wall clock; generated_at is a var)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import run_cli


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_runs_write_byte_identical_files(built_states, tmp_path):
    run_cli("run", "--state", "all", "--warehouse", str(tmp_path / "wh"), "--out", str(tmp_path / "out"), "--quiet")
    for state, built in built_states.items():
        first = digests(built.out_dir)
        second = digests(tmp_path / "out" / state)
        assert first, f"the first run wrote no {state} files"
        assert first.keys() == second.keys()
        changed = [name for name in first if first[name] != second[name]]
        assert changed == [], f"{state}: these files differ between two identical runs: {changed}"

"""The session run (tests/conftest.py `built_states`) is also the dbt build on both samples that CI requires: seeds,
models, every unit test and every data test (`statereport run --with-dbt-tests`, the build `statereport dbt-check`
makes). Its dbt log proves each test ran and passed; the files it writes are the same as a plain run's
(test_reproducible compares them byte for byte)."""

from __future__ import annotations

import json
import re

from conftest import REPO_ROOT

BUILD_DONE = re.compile(r"Done\. PASS=(\d+) WARN=(\d+) ERROR=(\d+) SKIP=(\d+) NO-OP=\d+ TOTAL=(\d+)")


def _build_lines(log_text: str) -> list[str]:
    """The log lines of the run's `dbt build` invocation: the largest one (the run checks after it are small)."""
    invocations, current = [], []
    for line in log_text.splitlines():
        current.append(line)
        if BUILD_DONE.search(line):
            invocations.append(current)
            current = []
    return max(invocations, key=lambda lines: int(BUILD_DONE.search(lines[-1]).group(5)))


def test_the_session_run_ran_every_unit_and_data_test_and_all_passed(built_states):
    for state, built in built_states.items():
        manifest = json.loads((REPO_ROOT / "target" / state / "manifest.json").read_text(encoding="utf-8"))
        models = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}
        built_models = {uid for uid, node in models.items() if "shared" in node["tags"] or state in node["tags"]}
        expected_units = {f"{test['model']}::{test['name']}" for test in manifest["unit_tests"].values()
                          if set(test["depends_on"]["nodes"]) <= built_models}
        expected_data = {node["name"] for node in manifest["nodes"].values() if node["resource_type"] == "test"
                         and set(parent for parent in node["depends_on"]["nodes"] if parent in models) <= built_models
                         and any(parent in built_models for parent in node["depends_on"]["nodes"])}
        lines = _build_lines(built.log_file.read_text(encoding="utf-8"))
        passed, warned, errors, skipped, _ = (int(value) for value in BUILD_DONE.search(lines[-1]).groups())
        assert errors == 0 and skipped == 0, f"{state}: {lines[-1]}"
        ran_units = set(re.findall(r"START unit_test (\S+)", "\n".join(lines)))
        ran_data = set(re.findall(r"START test (\S+)", "\n".join(lines)))
        assert len(expected_units) > 100 and expected_units <= ran_units, sorted(expected_units - ran_units)[:10]
        assert len(expected_data) > 500 and expected_data <= ran_data, sorted(expected_data - ran_data)[:10]


def test_the_session_run_loaded_the_samples_without_dbt_seed(built_states):
    """The samples load through the loader (statereport.loader.load_sample): dbt seeds only the reference tables."""
    for state in built_states.values():
        log_text = state.log_file.read_text(encoding="utf-8")
        assert "seed file reference." in log_text
        assert "seed file raw." not in log_text, f"{state.state}: a sample table was loaded by dbt seed"

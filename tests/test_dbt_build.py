"""The session run (tests/conftest.py `built_states`) is also the dbt build on both samples that CI requires: seeds,
models, every unit test and every data test (`statereport run --with-dbt-tests`, the build `statereport dbt-check`
makes). Its dbt log proves each test ran and passed; the files it writes are the same as a plain run's
(test_reproducible compares them byte for byte)."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

from conftest import REPO_ROOT

from statereport.dbt_runner import READS_STATE, DbtSession

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


def _reads_state(manifest: dict, model: dict) -> bool:
    """Whether the model's Jinja, or any macro it calls (at any depth), reads var('state')."""
    pending, seen = list(model["depends_on"]["macros"]), set()
    texts = [model["raw_code"]]
    while pending:
        macro = manifest["macros"].get(pending.pop())
        if macro is None or macro["unique_id"] in seen:
            continue
        seen.add(macro["unique_id"])
        texts.append(macro["macro_sql"])
        pending.extend(macro["depends_on"]["macros"])
    return any(READS_STATE.search(text) for text in texts)


def test_the_session_run_ran_every_unit_and_data_test_and_all_passed(built_states):
    """Each state's build ran every data test of what it built, and every unit test of its own models and of the
    shared models whose SQL reads var('state'); the unit tests of the other shared models ran in one of the two
    (the first state's build), not both: their inputs are fixtures and they compile to the same query."""
    ran_units_by_state, independent_by_state = {}, {}
    for state, built in built_states.items():
        manifest = json.loads((REPO_ROOT / "target" / state / "manifest.json").read_text(encoding="utf-8"))
        models = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}
        built_models = {uid for uid, node in models.items() if "shared" in node["tags"] or state in node["tags"]}
        units = [test for test in manifest["unit_tests"].values() if set(test["depends_on"]["nodes"]) <= built_models]
        assert len({test["name"] for test in units}) == len(units), "unit test names must be unique (selected by name)"
        independent = {f"{test['model']}::{test['name']}" for test in units
                       if all("shared" in models[uid]["tags"] and not _reads_state(manifest, models[uid])
                              for uid in test["depends_on"]["nodes"])}
        expected_units = {f"{test['model']}::{test['name']}" for test in units}
        expected_data = {node["name"] for node in manifest["nodes"].values() if node["resource_type"] == "test"
                         and set(parent for parent in node["depends_on"]["nodes"] if parent in models) <= built_models
                         and any(parent in built_models for parent in node["depends_on"]["nodes"])}
        lines = _build_lines(built.log_file.read_text(encoding="utf-8"))
        passed, warned, errors, skipped, _ = (int(value) for value in BUILD_DONE.search(lines[-1]).groups())
        assert errors == 0 and skipped == 0, f"{state}: {lines[-1]}"
        ran_units = set(re.findall(r"START unit_test (\S+)", "\n".join(lines)))
        ran_data = set(re.findall(r"START test (\S+)", "\n".join(lines)))
        assert len(expected_units) > 100 and expected_units - independent <= ran_units, \
            sorted(expected_units - independent - ran_units)[:10]
        assert len(expected_data) > 500 and expected_data <= ran_data, sorted(expected_data - ran_data)[:10]
        ran_units_by_state[state], independent_by_state[state] = ran_units, independent
    # Both manifests agree on which tests compile the same; each of those ran once, in Kentucky's build (the first).
    assert independent_by_state["ky"] == independent_by_state["ks"] and len(independent_by_state["ky"]) > 20
    assert independent_by_state["ky"] <= ran_units_by_state["ky"]
    assert not independent_by_state["ks"] & ran_units_by_state["ks"]
    # The reading of var('state') is found in a model's own Jinja and through the macros it calls.
    manifest = json.loads((REPO_ROOT / "target" / "ky" / "manifest.json").read_text(encoding="utf-8"))
    assert _reads_state(manifest, manifest["nodes"]["model.statereport.exclusion_ledger"])
    orphans = manifest["nodes"]["model.statereport.int_input__orphan_references"]
    assert "var('state')" not in orphans["raw_code"] and _reads_state(manifest, orphans)
    assert not _reads_state(manifest, manifest["nodes"]["model.statereport.int_person__current_identity"])


def test_state_independent_unit_tests_leaves_out_every_test_whose_sql_reads_the_state():
    """DbtSession.state_independent_unit_tests on a made-up manifest: a shared model reading var('state') itself, one
    reading it through a macro that calls a macro that reads it, a shared model that does not, and a state model."""
    def macro(uid, sql, calls=()):
        return uid, SimpleNamespace(macro_sql=sql, depends_on=SimpleNamespace(macros=list(calls)))

    def model(name, tags, code="select 1", macros=()):
        return f"model.p.{name}", SimpleNamespace(name=name, tags=tags, raw_code=code,
                                                   depends_on=SimpleNamespace(macros=list(macros)))

    def unit(name, model_name):
        return f"unit_test.p.{model_name}.{name}", SimpleNamespace(
            name=name, model=model_name, depends_on=SimpleNamespace(nodes=[f"model.p.{model_name}"]))

    manifest = SimpleNamespace(
        macros=dict([macro("macro.p.outer", "{{ inner() }}", ["macro.p.inner"]),
                     macro("macro.p.inner", "{% if var( \"state\" ) == 'ky' %}1{% endif %}"),
                     macro("macro.p.plain", "{{ var('run_date') }}")]),
        nodes=dict([model("direct", ["shared"], "{{ var('state') }}"),
                    model("through_macros", ["shared"], macros=["macro.p.outer"]),
                    model("independent", ["shared"], macros=["macro.p.plain"]),
                    model("kentucky_only", ["ky"])]),
        unit_tests=dict([unit("u_direct", "direct"), unit("u_through", "through_macros"),
                         unit("u_independent", "independent"), unit("u_ky", "kentucky_only")]))
    assert DbtSession.state_independent_unit_tests(SimpleNamespace(manifest=manifest)) == ["u_independent"]




def test_the_session_run_loaded_the_samples_without_dbt_seed(built_states):
    """The samples load through the loader (statereport.loader.load_sample): dbt seeds only the reference tables."""
    for state in built_states.values():
        log_text = state.log_file.read_text(encoding="utf-8")
        assert "seed file reference." in log_text
        assert "seed file raw." not in log_text, f"{state.state}: a sample table was loaded by dbt seed"

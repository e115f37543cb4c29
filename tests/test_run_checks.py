"""Every run's own checks (conservation and mart-key tests, DbtSession.run_check_tests) run inside the build's dbt
command: the build names them, after reading from the manifest which models it builds (DbtSession.models_selected);
any check the build could not take runs after it (DbtSession.run_checks), and a failed check, in the build or after
it, gives the same error line."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from statereport.dbt_runner import REFERENCE_LENDER_VARIABLE, DbtFailure, DbtSession
from statereport.loader import load_sample


def _node(uid: str, *, tags=(), parents=(), materialized="table", resource_type=None):
    name = uid.split(".")[-1]
    return uid, SimpleNamespace(
        name=name, tags=list(tags), resource_type=resource_type or uid.split(".")[0],
        fqn=["p", *("marts" if "mart" in name else "staging",), name],
        depends_on=SimpleNamespace(nodes=list(parents)) if parents is not None else SimpleNamespace(macros=[]),
        config=SimpleNamespace(materialized=materialized))


def _session_over(nodes: dict) -> DbtSession:
    session = DbtSession.__new__(DbtSession)  # no dbt parse: only the manifest's nodes are read
    session.manifest = SimpleNamespace(nodes=nodes)
    return session


MANIFEST = dict([
    _node("seed.p.codes", tags=["shared"], parents=None),
    _node("seed.p.sample_rows", tags=["sample_ky"], parents=None),
    _node("model.p.stg_rows", tags=["shared"], parents=["seed.p.sample_rows"]),
    _node("model.p.int_helper", tags=["shared"], parents=["seed.p.codes"], materialized="ephemeral"),
    _node("model.p.int_rule", tags=["shared"], parents=["model.p.stg_rows", "model.p.int_helper"]),
    _node("model.p.ky_mart", tags=["ky"], parents=["model.p.int_rule"]),
    _node("model.p.ks_mart", tags=["ks"], parents=["model.p.stg_rows"]),
    _node("model.p.unused", tags=["shared"]),
])


def test_models_selected_reads_the_projects_selector_forms_from_the_manifest():
    session = _session_over(MANIFEST)
    samples = ["tag:sample_ky", "tag:sample_ks"]
    # `+tag:ky`: the tagged model and every model it is built from; ephemeral models are never built
    assert session.models_selected(["+tag:ky"], samples) == {"model.p.ky_mart", "model.p.int_rule", "model.p.stg_rows"}
    # without `+`: only the tagged models; a dotted fqn prefix or a name; two selectors are a union
    assert session.models_selected(["tag:ky", "ks_mart"], samples) == {"model.p.ky_mart", "model.p.ks_mart"}
    assert session.models_selected(["+p.marts"], samples) == {"model.p.ky_mart", "model.p.ks_mart",
                                                               "model.p.int_rule", "model.p.stg_rows"}
    # `,` intersects; seeds are selected but are no models; an exclusion removes what it matches
    assert session.models_selected(["tag:shared,resource_type:seed"], samples) == set()
    assert session.models_selected(["+tag:ky"], [*samples, "tag:shared"]) == {"model.p.ky_mart"}
    # any other form (descendants, graph operators, wildcards, other methods): not read, so nothing is folded
    for selector in ("tag:ky+", "@tag:ky", "p.marts.*", "path:models/marts", "2+tag:ky", "config.materialized:table"):
        assert session.models_selected([selector], samples) is None, selector
    assert session.models_selected(["+tag:ky"], ["unit_test:u_one"]) is None


def _result(name: str, status: str, failures: int = 0, message: str = ""):
    return SimpleNamespace(node=SimpleNamespace(name=name), status=status, failures=failures, message=message)


def _invoking(outcomes: list, success: bool) -> DbtSession:
    session = _session_over({})
    session.state, session.errors, session.log_dir = "ky", [], Path("logs")
    session.vars_json = "{}"
    session._runner = SimpleNamespace(invoke=lambda args: SimpleNamespace(
        success=success, exception=None, result=SimpleNamespace(results=outcomes)))
    return session


def test_a_failed_check_inside_the_build_gives_the_checks_error_line_and_any_other_failure_the_builds():
    checks = frozenset({"ky_lead_detail_conservation", "unique_ky_lead__staff_key"})
    session = _invoking([_result("int_rule", "success"), _result("ky_lead_detail_conservation", "fail", 62)], False)
    with pytest.raises(DbtFailure) as failed:
        session.invoke("build", checks=checks)
    assert str(failed.value) == ("state ky: the run's own checks failed on the data just built, nothing was replaced: "
                                 "ky_lead_detail_conservation (62 records)")
    # a model that failed (even beside a failed check) is the build's failure, named as such
    session = _invoking([_result("int_rule", "error"), _result("ky_lead_detail_conservation", "fail", 3)], False)
    with pytest.raises(DbtFailure, match=r"^dbt build failed for state ky: int_rule, ky_lead_detail_conservation"):
        session.invoke("build", checks=checks)


def test_a_run_builds_its_checks_in_the_same_dbt_command_and_runs_none_after_it(tmp_path):
    database = tmp_path / "ky.duckdb"
    load_sample(database, "ky")
    session = DbtSession("ky", database, quiet=True, log_dir=tmp_path / "logs")
    lender = os.environ.get(REFERENCE_LENDER_VARIABLE)
    selected = ["+statereport.marts.ky_el"]
    session.build(include_tests=False, select=selected,
                  reference_from=Path(lender) / "ky.duckdb" if lender else tmp_path / "none.duckdb")
    built_models = {uid for uid in session.built if uid.startswith("model.")}
    assert session.models_selected(selected, ["tag:sample_ky", "tag:sample_ks"]) == built_models
    # every check whose models this build built ran in it: the EL conservation test and the EL mart key tests
    expected = {node.unique_id for node in session.run_check_tests()}
    assert session.checks_run == expected
    names = {session.manifest.nodes[uid].name for uid in expected}
    assert "ky_el__candidates_conserved" in names and any(name.startswith("unique") for name in names)
    # none of the models' other data tests ran (`--indirect-selection empty`)
    assert {uid for uid in session.built if uid.startswith("test.")} == expected
    log_size = session.log_file.stat().st_size
    assert session.run_checks() == len(expected)
    assert session.log_file.stat().st_size == log_size, "no second dbt command for checks the build already ran"

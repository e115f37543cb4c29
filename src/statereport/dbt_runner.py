"""Runs dbt in-process: parse once per state, then build and test with the same manifest (dbt's start-up paid once)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb

from statereport import PROJECT_ROOT
from statereport.settings import RunSettings
from statereport.warehouse import (BUILD_MEMORY_LIMIT_VARIABLE, MEMORY_LIMIT_VARIABLE, build_memory_limit,
                                   duckdb_settings, sql_text)

WAREHOUSE_DIR = PROJECT_ROOT / "warehouse"
# Test hook (tests/conftest.py sets it): a folder keeping dbt's saved parse per database name and var set, so runs
# into different warehouse folders with the vars of an earlier run reuse its parse. Unset: dbt's own partial parse only.
PARSE_CACHE_VARIABLE = "STATEREPORT_PARSE_CACHE"
# Test hook (tests/conftest.py sets it per pytest-xdist worker): the folder holding dbt's target folders instead of
# target/, so runs in two test processes at once never write the same dbt artifacts. Unset or empty: target/.
TARGET_ROOT_VARIABLE = "STATEREPORT_TARGET_ROOT"
# Test hook (tests/conftest.py sets it to the session build's warehouse folder): a folder whose <state>.duckdb lends its
# reference seed tables to a run whose own warehouse folder holds no earlier build of the state (a test's fresh folder).
# They are lent only under the same fingerprint (DbtSession.reuse_reference_seeds), else dbt seeds them as always.
REFERENCE_LENDER_VARIABLE = "STATEREPORT_REFERENCE_LENDER"
# Where a warehouse records the fingerprint of the reference seed tables it holds (DbtSession.reuse_reference_seeds).
REFERENCE_FINGERPRINT_TABLE = "reference_seed_fingerprint"


def release_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB connection open for the life of the process; close it so the exporters (and the
    review page) can open the same file read-only afterwards (DuckDB refuses a second configuration in-process)."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # another adapter: nothing held
        return
    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        if environment is not None:
            DuckDBConnectionManager._ENV = None
            environment.close()


# var('state') (or var("state", ...)) in a model's or macro's Jinja: its SQL differs between the two states' builds.
READS_STATE = re.compile(r"""var\(\s*['"]state['"]""")

# Generic tests that prove a mart's key is unique; run_check_tests() runs them on every production run.
KEY_TESTS = ("unique", "unique_combination_of_columns")


class DbtFailure(Exception):
    """A dbt command did not succeed; the message says which and how many nodes failed."""


@dataclass
class DbtSession:
    """One state's dbt session against one DuckDB file."""

    state: str
    database: Path
    # The run's settings (statereport.settings); dbt gets their overrides, with this session's state, as --vars.
    # None: the project's defaults.
    settings: RunSettings | None = None
    quiet: bool = False
    # dbt's own log lines go to <log_dir>/dbt.log, never to stdout (default: logs/<state> beside the database).
    log_dir: Path | None = None
    # Called with every dbt event (EventMsg): the command line turns node events into a progress bar.
    callbacks: list[Callable] = field(default_factory=list)

    def __post_init__(self) -> None:
        from dbt.cli.main import dbtRunner

        self.database = Path(self.database)
        self.database.parent.mkdir(parents=True, exist_ok=True)
        os.environ["STATEREPORT_DB"] = str(self.database)
        os.environ[BUILD_MEMORY_LIMIT_VARIABLE] = build_memory_limit()  # the profile's DuckDB memory_limit
        os.environ.setdefault("DBT_PROFILES_DIR", str(PROJECT_ROOT / "profiles"))
        os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
        # Each database gets its own target folder so two states (or two test runs) never share dbt's artifacts.
        # (the name up to the first dot: a run builds into `ky.duckdb.building` and still uses target/ky).
        target_root = os.environ.get(TARGET_ROOT_VARIABLE) or PROJECT_ROOT / "target"
        os.environ["DBT_TARGET_PATH"] = str(Path(target_root) / self.database.name.split(".")[0])
        self.settings = RunSettings.of(self.settings).for_state(self.state)
        self.vars_json = self.settings.dbt_vars_json()
        self.log_dir = Path(self.log_dir) if self.log_dir else self.database.parent / "logs" / self.database.name.split(".")[0]
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.errors: list[str] = []
        callbacks = [self._collect_errors, *self.callbacks]
        parsed = self._parse(dbtRunner(callbacks=callbacks))
        if not parsed.success:
            raise DbtFailure(f"dbt parse failed: {self._error_text(parsed.exception)}")
        self.manifest = parsed.result
        self._runner = dbtRunner(manifest=self.manifest, callbacks=callbacks)

    def _parse(self, runner):
        """dbt parse; with STATEREPORT_PARSE_CACHE, from and into that folder's saved parse for this name and vars.
        dbt reparses in full whenever the project files, vars or profile differ from the saved parse. Its profile check
        includes the DuckDB path, so the parse sees one fixed path per name: the catalog name dbt derives from it (the
        file name up to the first dot) is the same, and the later commands (built with this manifest) read the real
        path again."""
        target = Path(os.environ["DBT_TARGET_PATH"])
        written = target / "partial_parse.msgpack"
        cache = os.environ.get(PARSE_CACHE_VARIABLE)
        if cache:
            name = self.database.name.split(".")[0]
            saved = Path(cache) / f"{name}-{hashlib.sha256(self.vars_json.encode()).hexdigest()[:16]}.msgpack"
            saved.parent.mkdir(parents=True, exist_ok=True)
            if saved.exists():  # dbt reads the saved parse from here (it must exist), but writes into its target folder
                os.environ["DBT_PARTIAL_PARSE_FILE_PATH"] = str(saved)
            os.environ["STATEREPORT_DB"] = str(Path(cache) / f"{name}.duckdb")
        started = time.time()
        try:
            parsed = runner.invoke(self._args("parse"))
        finally:
            os.environ["STATEREPORT_DB"] = str(self.database)
            os.environ.pop("DBT_PARTIAL_PARSE_FILE_PATH", None)
        # dbt rewrites its saved parse only when something changed (project files, vars, profile). Only then does
        # target/<name>/manifest.json change too: written here, not on every parse (seconds on a small run).
        reparsed = written.exists() and written.stat().st_mtime >= started - 1
        if parsed.success and (reparsed or not (target / "manifest.json").exists()):
            from dbt.parser.manifest import write_manifest

            write_manifest(parsed.result, str(target))
        # Copy-then-rename, so a killed run never leaves half a file; a mismatched file would only cost a full parse
        # (dbt checks it).
        if cache and parsed.success and reparsed:
            partial = saved.with_name(f"{saved.name}.{os.getpid()}.tmp")
            shutil.copyfile(written, partial)
            os.replace(partial, saved)
        return parsed

    @property
    def log_file(self) -> Path:
        return self.log_dir / "dbt.log"

    def _collect_errors(self, event) -> None:
        if event.info.level == "error" and event.info.msg:
            self.errors.append(str(event.info.msg))

    def _error_text(self, exception) -> str:
        first = self.errors[0].strip().splitlines()[0] if self.errors else str(exception or "").strip()
        if "out of memory" in first.lower():  # DuckDB could not spill enough under the build's limit
            first += (f" (the build's DuckDB memory limit is {os.environ.get(BUILD_MEMORY_LIMIT_VARIABLE, '?')}; "
                      f"set {MEMORY_LIMIT_VARIABLE} higher, e.g. {MEMORY_LIMIT_VARIABLE}=12GB)")
        return f"{first} (dbt log: {self.log_file})"

    # Commands run with the parsed manifest: _parse wrote target/<name>/manifest.json, each of these would write it
    # again unchanged (seconds per command on a small run) with a run_results.json nothing reads.
    NO_JSON_COMMANDS = ("parse", "seed", "build", "run", "test")

    def _args(self, command: str, *extra: str) -> list[str]:
        # dbt's console lines are off: the command line prints its own progress and summary; dbt.log keeps them.
        base = [*command.split(), "--project-dir", str(PROJECT_ROOT), "--vars", self.vars_json,
                "--log-path", str(self.log_dir), "--log-level", "none", "--log-level-file", "info"]
        if command in self.NO_JSON_COMMANDS:
            base.append("--no-write-json")
        return [*base, *extra]

    def invoke(self, command: str, *extra: str, checks: frozenset[str] = frozenset()):
        """Runs one dbt command with the parsed manifest; a failure raises DbtFailure naming the failed nodes. When
        every failed node is one of `checks` (the run's own checks, run inside a build), the message is
        run_checks()'s."""
        try:
            result = self._runner.invoke(self._args(command, *extra))
        finally:
            release_duckdb()
        if not result.success:
            outcomes = getattr(result.result, "results", None) or []
            failed = [r for r in outcomes if str(r.status) in ("error", "fail")]
            if failed and all(r.node.name in checks for r in failed):
                raise self._checks_failed(failed, result)
            detail = f": {', '.join(r.node.name for r in failed[:10])}" if failed else ""
            raise DbtFailure(f"dbt {command} failed for state {self.state}{detail}: {self._error_text(result.exception)}")
        return result

    def build(self, *, include_tests: bool = True, select: list[str] | None = None,
              reference_from: Path | None = None, shared_unit_tests: bool = True) -> None:
        """Seeds the reference data and builds this state's marts with everything they are built from (or only
        `select`, dbt selectors such as `+ky_el__exclusions` or `+statereport.marts.ky_el`). With tests, also every
        shared model, so each unit and data test of the shared layer runs. Without tests, `reference_from` (the
        warehouse this build will replace) lends its reference seed tables when they were seeded from the same files
        (reuse_reference_seeds). `shared_unit_tests=False` leaves out state_independent_unit_tests(): a run that
        builds both states with tests runs them in its first state only (their inputs are fixtures, and their SQL
        is the same whichever state compiles it); data tests still run on each state's own data."""
        samples = ["tag:sample_ky", "tag:sample_ks"]  # the sample districts' seeds (load_sample loads them)
        excluded = ["--exclude", *samples]
        if include_tests and not shared_unit_tests:
            excluded += [f"unit_test:{name}" for name in self.state_independent_unit_tests()]
        chosen = select if select is not None else [f"+tag:{self.state}"]
        self.reference_reused = False
        if include_tests:
            # Every shared model and its unit and data tests, whether or not this state's marts use it: the run's
            # own checks among them.
            checks = self._checks_of(["+tag:shared", *chosen], samples)
            result = self.invoke("build", "--select", "+tag:shared", *chosen, *excluded, checks=checks)
        else:
            # The run's own checks (run_check_tests) go into the same dbt command as the models they check, named
            # one by one: a dbt command costs its own start, about half a second, and dbt runs each check as soon as
            # its models are built. Each selector is then narrowed to the resource types it builds (a fqn or tag
            # also matches the marts' data tests) and `--indirect-selection empty` adds no test of a chosen model.
            checks = self._checks_of(chosen, samples)
            reuse = reference_from is not None and self.reuse_reference_seeds(reference_from)
            kinds = ["model"] if reuse else ["seed", "model"]
            selected, tests = chosen, []
            if checks:
                selected = [f"{one},resource_type:{kind}" for one in chosen for kind in kinds] + sorted(checks)
                tests = ["--resource-type", "test", "--indirect-selection", "empty"]
            types = [argument for kind in kinds for argument in ("--resource-type", kind)] + tests
            if reuse:
                # The seeds are in place: only the models (`+tag:<state>` alone would select the seeds it reads
                # again).
                self.reference_reused = True
                result = self.invoke("build", "--select", *selected, *excluded, *types, checks=checks)
            else:
                # Only what this state's marts are built from: the shared layer also holds the other state's rules
                # (the Kansas attendance models over Kentucky's days and rosters would be most of a Kentucky build).
                # Every reference seed, then those models, in one dbt command.
                result = self.invoke("build", "--select", "tag:shared,resource_type:seed", *selected, *excluded,
                                     *types, checks=checks)
        if not self.reference_reused:
            self._record_reference_fingerprint()
        results = getattr(result.result, "results", [])
        self.built = {r.node.unique_id for r in results}
        # The run's own checks this build ran (and passed: a failed one raised above); run_checks() runs any other.
        self.checks_run = {r.node.unique_id for r in results if r.node.name in checks}
        # Seconds each node took in this build (scripts/bench prints the slowest): dbt writes no run_results.json here.
        self.build_seconds = {r.node.name: r.execution_time or 0.0 for r in results}

    def _checks_of(self, selectors: list[str], excluded: list[str]) -> frozenset[str]:
        """The names of the run_check_tests() a build of these selectors runs: none when models_selected() cannot
        tell what it builds."""
        models = self.models_selected(selectors, excluded)
        return frozenset(node.name for node in self.run_check_tests(built=models)) if models else frozenset()

    def models_selected(self, selectors: list[str], excluded: list[str]) -> set[str] | None:
        """The models (not ephemeral) a dbt build with these `--select` and `--exclude` values builds, read from the
        manifest for the selector forms this project uses: `tag:X`, `resource_type:X`, a dotted fqn or a name, each
        with an optional leading `+` (and its ancestors), `,` intersecting. None for any other form: the caller then
        folds nothing into the build and run_checks() runs the checks after it, as a command of their own."""
        def matching(selector: str) -> set[str] | None:
            found = None
            for part in selector.split(","):
                ancestors, value = part.startswith("+"), part.removeprefix("+")
                if not value or any(mark in value for mark in "+@*?[]/") or ":" in value and \
                        value.split(":", 1)[0] not in ("tag", "resource_type", "fqn"):
                    return None
                method, _, argument = value.rpartition(":")
                if method == "tag":
                    nodes = {uid for uid, node in self.manifest.nodes.items() if argument in node.tags}
                elif method == "resource_type":
                    nodes = {uid for uid, node in self.manifest.nodes.items() if node.resource_type == argument}
                else:
                    parts = argument.split(".")
                    nodes = {uid for uid, node in self.manifest.nodes.items()
                             if node.fqn[:len(parts)] == parts or argument == node.name}
                if ancestors:
                    nodes = self._with_ancestors(nodes)
                found = nodes if found is None else found & nodes
            return found

        chosen: set[str] = set()
        for selector in selectors:
            nodes = matching(selector)
            if nodes is None:
                return None
            chosen |= nodes
        for selector in excluded:
            nodes = matching(selector)
            if nodes is None:
                return None
            chosen -= nodes
        return {uid for uid in chosen if self.manifest.nodes[uid].resource_type == "model"
                and self.manifest.nodes[uid].config.materialized != "ephemeral"}

    def _with_ancestors(self, nodes: set[str]) -> set[str]:
        found, pending = set(nodes), list(nodes)
        while pending:
            for parent in getattr(self.manifest.nodes[pending.pop()].depends_on, "nodes", ()):  # seeds: none
                if parent in self.manifest.nodes and parent not in found:
                    found.add(parent)
                    pending.append(parent)
        return found

    def state_independent_unit_tests(self) -> list[str]:
        """The unit tests of shared models whose SQL does not read var('state'), in the model or in any macro it
        calls (directly or through other macros): such a test compiles to the same query in either state's build."""
        macros = self.manifest.macros
        state_macros: dict[str, bool] = {}

        def reads_state(macro_id: str, seen: frozenset = frozenset()) -> bool:
            if macro_id not in state_macros:
                macro = macros.get(macro_id)
                state_macros[macro_id] = macro is not None and (
                    READS_STATE.search(macro.macro_sql) is not None
                    or any(reads_state(called, seen | {macro_id})
                           for called in macro.depends_on.macros if called not in seen))
            return state_macros[macro_id]

        names = []
        for test in self.manifest.unit_tests.values():
            model = next((self.manifest.nodes[uid] for uid in test.depends_on.nodes
                          if uid in self.manifest.nodes and self.manifest.nodes[uid].name == test.model), None)
            if model is None or "shared" not in model.tags:
                continue
            if READS_STATE.search(model.raw_code) or any(reads_state(m) for m in model.depends_on.macros):
                continue
            names.append(test.name)
        return sorted(names)

    def reference_seeds(self) -> list:
        """The reference seeds (code lists, rule catalogues: tag `shared`), not the sample districts."""
        return sorted((node for node in self.manifest.nodes.values()
                       if node.resource_type == "seed" and "shared" in node.tags), key=lambda node: node.unique_id)

    def reference_fingerprint(self, root: Path = PROJECT_ROOT) -> str:
        """What the reference seed tables are made from: every reference CSV's bytes (under `root`), each seed's
        relation and dbt config (column types, quoting, ...), and the dbt, dbt-duckdb and DuckDB versions that load
        them. Equal fingerprints, equal tables."""
        digest = hashlib.sha256()
        for name in ("dbt-core", "dbt-duckdb", "duckdb"):
            digest.update(f"{name}={importlib.metadata.version(name)}\n".encode())
        for node in self.reference_seeds():
            config = json.dumps(node.config.to_dict(), sort_keys=True, default=str)
            digest.update(f"{node.unique_id}|{node.schema}|{node.alias}|{config}\n".encode())
            digest.update(hashlib.sha256((Path(root) / node.original_file_path).read_bytes()).digest())
        return digest.hexdigest()

    def reuse_reference_seeds(self, previous: Path) -> bool:
        """Copies the reference seed tables from `previous` (the last run's warehouse of this state) into this build's
        database when `previous` records the same reference_fingerprint(): a table copy inside DuckDB takes
        milliseconds, where dbt seeding them costs each state about a second of its two threads on every run.
        Anything else (no previous warehouse, another fingerprint, a file DuckDB cannot attach) returns False and the
        build seeds them as dbt always does."""
        previous = Path(previous)
        if not previous.exists():
            return False
        fingerprint = self.reference_fingerprint()
        try:
            # One transaction: a copy that fails half-way leaves nothing behind, and the build seeds instead.
            with duckdb.connect(str(self.database), config=duckdb_settings()) as connection:
                connection.execute(f"attach '{sql_text(previous)}' as previous (read_only)")
                recorded = connection.execute(
                    f"select fingerprint from previous.main.{REFERENCE_FINGERPRINT_TABLE}").fetchall()
                if recorded != [(fingerprint,)]:
                    return False
                connection.execute("begin")
                for node in self.reference_seeds():
                    connection.execute(f'create schema if not exists "{node.schema}"')
                    connection.execute(f'create or replace table "{node.schema}"."{node.alias}" as '
                                       f'select * from previous."{node.schema}"."{node.alias}"')
                self._write_fingerprint(connection, fingerprint)
                connection.execute("commit")
        except duckdb.Error:
            return False
        return True

    def _record_reference_fingerprint(self) -> None:
        """After dbt seeded the reference tables: records their fingerprint, so the next run can reuse them."""
        with duckdb.connect(str(self.database), config=duckdb_settings()) as connection:
            self._write_fingerprint(connection, self.reference_fingerprint())

    @staticmethod
    def _write_fingerprint(connection, fingerprint: str) -> None:
        connection.execute(f"create or replace table main.{REFERENCE_FINGERPRINT_TABLE} as select ? as fingerprint",
                           [fingerprint])

    def run_check_tests(self, built: set[str] | None = None) -> list:
        """The tests every production run proves on the data it just built (CONTRIBUTING "Nothing is lost"): the
        conservation tests (tag `run_check`) and every mart key test (`unique`, `unique_combination_of_columns` on a
        mart), each only when every model it reads was built by this run (or is in `built`, the models a build is
        about to build)."""
        if built is None:
            built = getattr(self, "built", set())
        chosen = []
        for node in self.manifest.nodes.values():
            if node.resource_type != "test":
                continue
            metadata = getattr(node, "test_metadata", None)
            attached = self.manifest.nodes.get(getattr(node, "attached_node", None) or "")
            key_test = (metadata is not None and metadata.name in KEY_TESTS and attached is not None
                        and attached.fqn[1:2] == ["marts"])
            if not ("run_check" in node.tags or key_test):
                continue
            parents = [parent for parent in node.depends_on.nodes if parent.startswith("model.")]
            if parents and all(parent in built for parent in parents):
                chosen.append(node)
        return sorted(chosen, key=lambda node: node.name)

    def run_checks(self) -> int:
        """Runs the run_check_tests() the build did not already run (normally none: build() runs them in its own
        dbt command); a failing test raises DbtFailure naming the test and how many records broke it. Returns how
        many of the run's checks passed, in the build and here."""
        done = getattr(self, "checks_run", set())
        tests = [node for node in self.run_check_tests() if node.unique_id not in done]
        self.checks_after = len(tests)  # how many ran here, after the build (the bench times them only then)
        if not tests:
            return len(done)
        try:
            result = self._runner.invoke(self._args("test", "--select", *[node.name for node in tests]))
        finally:
            release_duckdb()
        outcomes = getattr(result.result, "results", None) or []
        failed = [r for r in outcomes if str(r.status) in ("fail", "error")]
        if failed or not result.success:
            raise self._checks_failed(failed, result)
        return len(done) + len(outcomes)

    def _checks_failed(self, failed: list, result) -> DbtFailure:
        broken = [f"{r.node.name} ({r.failures} records)" if r.failures
                  else f"{r.node.name} ({' '.join(str(r.message).split())[:300]})" for r in failed]
        return DbtFailure(f"state {self.state}: the run's own checks failed on the data just built, nothing was "
                          f"replaced: {'; '.join(broken[:5]) or self._error_text(result.exception)}")

    def export_models(self) -> list:
        """Mart models that declare `meta.export` (file name, formats, sort) for this state."""
        nodes = [
            node
            for node in self.manifest.nodes.values()
            if node.resource_type == "model" and node.config.meta.get("export") and f"{self.state}" in node.tags
        ]
        return sorted(nodes, key=lambda n: n.name)

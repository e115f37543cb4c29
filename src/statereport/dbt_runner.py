"""Runs dbt in-process: parse once per state, then seed and build with the same manifest (dbt's start-up paid once)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from statereport import PROJECT_ROOT

WAREHOUSE_DIR = PROJECT_ROOT / "warehouse"


def project_vars(overrides: dict | None = None) -> dict:
    """The run's dbt vars as the models see them: dbt_project.yml's `vars:` with the run's `--vars` on top.
    The export writers read them (generated_at, kids_*) so files follow the same settings as the models."""
    import yaml

    project = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    return {**(project.get("vars") or {}), **(overrides or {})}


class DbtFailure(Exception):
    """A dbt command did not succeed; the message says which and how many nodes failed."""


@dataclass
class DbtSession:
    """One state's dbt session against one DuckDB file."""

    state: str
    database: Path
    dbt_vars: dict = field(default_factory=dict)
    quiet: bool = False

    def __post_init__(self) -> None:
        from dbt.cli.main import dbtRunner

        self.database = Path(self.database)
        self.database.parent.mkdir(parents=True, exist_ok=True)
        os.environ["STATEREPORT_DB"] = str(self.database)
        os.environ.setdefault("DBT_PROFILES_DIR", str(PROJECT_ROOT / "profiles"))
        os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
        # Each database gets its own target folder so two states (or two test runs) never share dbt's artifacts.
        os.environ["DBT_TARGET_PATH"] = str(PROJECT_ROOT / "target" / self.database.stem)
        self.vars_json = json.dumps({"state": self.state, **self.dbt_vars}, sort_keys=True)
        parsed = dbtRunner().invoke(self._args("parse"))
        if not parsed.success:
            raise DbtFailure(f"dbt parse failed: {parsed.exception}")
        self.manifest = parsed.result
        self._runner = dbtRunner(manifest=self.manifest)

    def _args(self, command: str, *extra: str) -> list[str]:
        base = [command, "--project-dir", str(PROJECT_ROOT), "--vars", self.vars_json]
        if self.quiet:
            base = ["--quiet", *base]
        return [*base, *extra]

    def invoke(self, command: str, *extra: str):
        result = self._runner.invoke(self._args(command, *extra))
        if not result.success:
            failed = []
            if result.result is not None and hasattr(result.result, "results"):
                failed = [r.node.name for r in result.result.results if str(r.status) in ("error", "fail")]
            detail = f": {', '.join(failed[:10])}" if failed else (f": {result.exception}" if result.exception else "")
            raise DbtFailure(f"dbt {command} failed for state {self.state}{detail}")
        return result

    def run_vars(self) -> dict:
        return project_vars(json.loads(self.vars_json))

    def seed_sample(self) -> None:
        self.invoke("seed", "--select", f"tag:sample_{self.state}", "--full-refresh")

    def build(self, *, include_tests: bool = True) -> None:
        selection = ["--select", "tag:shared", f"tag:{self.state}", "--exclude", "tag:sample_ky", "tag:sample_ks"]
        if include_tests:
            self.invoke("build", *selection)
        else:
            self.invoke("seed", "--select", "tag:shared")
            self.invoke("run", *selection)

    def export_models(self) -> list:
        """Mart models that declare `meta.export` (file name, formats, sort) for this state."""
        nodes = [
            node
            for node in self.manifest.nodes.values()
            if node.resource_type == "model" and node.config.meta.get("export") and f"{self.state}" in node.tags
        ]
        return sorted(nodes, key=lambda n: n.name)

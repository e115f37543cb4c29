"""The run's settings (issue 22, "one place for each rule"): `dbt_project.yml`'s `vars:` with the run's overrides on
top, merged once, here.

`RunSettings` is immutable and reads like a dict of every project var. Its `overrides` are what the run set (the
options, `--var`, the run date and stamp, and per state `state` and `ledger_folders`); they are the `--vars` dbt gets,
so the models take everything else from `dbt_project.yml` exactly as Python does. The command line builds one per run
and one per state (`for_state`); `DbtSession`, the export writers (CSV/HTML and the KIDS files), the summary, the
history and the review page all read that same object, never `dbt_project.yml` or a default of their own.

A default lives in `dbt_project.yml` only: Python reads it through `project_default(name)` or a `RunSettings`, and
`tests/test_project_vars.py` fails when Python code restates one.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import yaml

from statereport import PROJECT_ROOT


@lru_cache(maxsize=1)
def _project_vars() -> dict[str, Any]:
    project = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    return project.get("vars") or {}


def project_defaults() -> dict[str, Any]:
    """Every var `dbt_project.yml` defines, with its default (a copy: changing it changes nothing)."""
    return copy.deepcopy(_project_vars())


def project_default(name: str) -> Any:
    """The default of one project var (KeyError when the project does not define it)."""
    return copy.deepcopy(_project_vars()[name])


class RunSettings(Mapping[str, Any]):
    """One run's dbt vars as the models see them: every project var, the run's overrides on top. Immutable: a state's
    settings are new settings (`for_state`, `with_overrides`)."""

    __slots__ = ("_overrides", "_values")

    def __init__(self, overrides: Mapping[str, Any] | None = None) -> None:
        chosen = copy.deepcopy(dict(overrides or {}))
        object.__setattr__(self, "_overrides", MappingProxyType(chosen))
        object.__setattr__(self, "_values", MappingProxyType({**project_defaults(), **chosen}))

    @classmethod
    def of(cls, values: Mapping[str, Any] | None) -> RunSettings:
        """`values` as settings: the settings themselves, or vars on top of the project's (None: the defaults)."""
        return values if isinstance(values, RunSettings) else cls(values)

    @property
    def overrides(self) -> Mapping[str, Any]:
        """What the run set; the rest is the project's default. dbt gets exactly these as `--vars`."""
        return self._overrides

    def with_overrides(self, **changes: Any) -> RunSettings:
        return RunSettings({**self._overrides, **changes})

    def for_state(self, state: str, folders: list[str] | None = None) -> RunSettings:
        """One state's settings: its `state` and, when `--extract` chose mart folders, `ledger_folders` (the folders
        whose exclusions the ledger unions)."""
        changes: dict[str, Any] = {"state": state}
        if folders is not None:
            changes["ledger_folders"] = sorted(folders)
        return self.with_overrides(**changes)

    def dbt_vars_json(self) -> str:
        """The `--vars` argument of every dbt command of this run."""
        return json.dumps(dict(self._overrides), sort_keys=True)

    def as_dict(self) -> dict[str, Any]:
        """A plain copy (in `dbt_project.yml` order), for JSON documents."""
        return copy.deepcopy(dict(self._values))

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("RunSettings are immutable: use with_overrides or for_state")

    def __reduce__(self):  # the second state's process gets the settings pickled
        return RunSettings, (dict(self._overrides),)

    def __repr__(self) -> str:
        return f"RunSettings(overrides={dict(self._overrides)!r})"

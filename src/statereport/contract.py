"""The raw input contract, read from the one place it is written: the `sis` source YAML.

Seed column types, the loader, and the staging models all derive from this, never repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from statereport import PROJECT_ROOT

CONTRACT_PATH = PROJECT_ROOT / "models" / "staging" / "sis" / "_sis__sources.yml"
STATES = ("ky", "ks")


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    description: str
    meta: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def is_code(self) -> bool:
        return bool(self.meta.get("code"))

    @property
    def is_pii(self) -> bool:
        """Names, birth dates, SSNs and addresses: never echoed in logs or error lines."""
        return bool(self.meta.get("pii"))

    @property
    def is_text(self) -> bool:
        return self.data_type.lower().startswith("varchar")


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    states: tuple[str, ...]
    foreign_keys: tuple[dict, ...] = ()
    # The district may leave the file out: the table is then empty and the rules that need it say 'Not checked'.
    optional: bool = False

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


@lru_cache(maxsize=4)
def load_contract(path: Path = CONTRACT_PATH) -> dict[str, Table]:
    # libyaml's loader when PyYAML has it: the pure-Python one takes a tenth of a second on this file, in every run.
    document = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    source = next(s for s in document["sources"] if s["name"] == "sis")
    tables: dict[str, Table] = {}
    for raw_table in source["tables"]:
        meta = raw_table.get("meta") or {}
        columns = tuple(
            Column(
                name=c["name"],
                data_type=c["data_type"],
                description=c.get("description", ""),
                meta=c.get("meta") or {},
            )
            for c in raw_table["columns"]
        )
        tables[raw_table["name"]] = Table(
            name=raw_table["name"],
            description=raw_table.get("description", ""),
            columns=columns,
            primary_key=tuple(meta.get("primary_key") or ()),
            states=tuple(meta.get("states") or STATES),
            foreign_keys=tuple(meta.get("foreign_keys") or ()),
            optional=bool(meta.get("optional")),
        )
    return tables


def tables_for_state(state: str) -> list[Table]:
    return [t for t in load_contract().values() if state in t.states]

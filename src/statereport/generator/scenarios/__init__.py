"""Scenario hooks: extra, hand-shaped rows an extract's rules need, added after the base district is generated.

A scenario is a module in this package that registers one function:

    from statereport.generator.scenarios import scenario

    @scenario("ky_lead_example", states=("ky",))
    def add_rows(ctx):
        calendar = next(ctx.calendars("regular"))
        ...
        ctx.writers["enrollment"].add(enrollment_id=ctx.ids.scenario("enrollment"), ...)

The function receives a `statereport.generator.core.Context`: state, seed, end_year, run_date, district_id, schools
(with calendars, structures, terms, periods, sections), staff, ids (use `ctx.ids.scenario(table)` for every id, so
it never collides with the base district), writers (`ctx.writers[table].add(column=value, ...)`; a table the state
does not need silently drops the rows) and rng, a random.Random stream seeded from (seed, state, scenario name):
adding or changing one scenario never shifts another scenario's output or the base district's.
`statereport.generator.scenarios.base.new_student(ctx, ...)` writes a student's person and identity rows.

Modules are discovered by name (every module in this folder), run in name order.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Callable

_REGISTRY: dict[str, tuple[tuple[str, ...], Callable]] = {}


def scenario(name: str, states: tuple[str, ...] = ("ky", "ks")):
    """Registers the decorated function as scenario `name` for the given states."""

    def register(function: Callable) -> Callable:
        if name in _REGISTRY and _REGISTRY[name][1] is not function:
            raise ValueError(f"scenario {name!r} is registered twice")
        _REGISTRY[name] = (tuple(states), function)
        return function

    return register


def _discover() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}")


def registered(state: str) -> list[tuple[str, Callable]]:
    """(name, function) of every scenario for the state, in name order."""
    _discover()
    return [(name, function) for name, (states, function) in sorted(_REGISTRY.items()) if state in states]

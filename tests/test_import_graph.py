"""The modules of src/statereport import each other without a cycle, and the writer modules import each other only
at the top of the module (no import inside a function to dodge a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "statereport"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.AST, modules: set[str]) -> set[str]:
    names: set[str] = set()
    if isinstance(node, ast.Import):
        names = {alias.name for alias in node.names}
    elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
        names = {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in names if name in modules}


def _graph(top_level_only: bool) -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(path) for path in files}
    graph: dict[str, set[str]] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if top_level_only else ast.walk(tree)
        name = _module_name(path)
        # A module importing its own package (statereport.generator.district -> statereport.generator) runs no cycle:
        # the package is initialised first.
        ancestors = {".".join(name.split(".")[:end]) for end in range(1, name.count(".") + 1)}
        graph[name] = set().union(*(_imported(node, modules) for node in nodes)) - {name} - ancestors
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_top_level_imports_are_acyclic():
    assert _cycle(_graph(top_level_only=True)) is None


def test_writer_modules_have_no_cycle_even_counting_imports_inside_functions():
    graph = _graph(top_level_only=False)
    writers = {"statereport.exports", "statereport.kids_files", "statereport.writers"}
    assert _cycle({module: targets & writers for module, targets in graph.items() if module in writers}) is None


def test_exports_and_kids_files_import_nothing_inside_a_function():
    for name in ("exports", "kids_files", "writers"):
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        nested = [node.lineno for node in ast.walk(tree)
                  if isinstance(node, (ast.Import, ast.ImportFrom)) and node not in tree.body]
        assert nested == [], f"{name}.py imports inside a function at lines {nested}"


def test_the_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]

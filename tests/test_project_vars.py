"""Issue 22: a var's default is stated once, in dbt_project.yml. A `var('name', default)` call in a model, macro or
YAML may only restate the project's own value (dbt then never uses it); any other default is a second, drifting
copy of the rule. Every var a model reads must be defined by the project. Python reads the defaults too (through
statereport.settings) and never restates one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
VAR_CALL = re.compile(r"""\bvar\(\s*(?P<q>['"]{1,2})(?P<name>[a-z0-9_]+)(?P=q)\s*(?:,\s*(?P<default>[^()]*?))?\s*\)""")
JINJA_LITERALS = {"none": None, "true": True, "false": False}


def _project_vars() -> dict:
    return yaml.safe_load((REPO / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]


def _calls():
    for folder in ("models", "macros", "tests/dbt"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in (".sql", ".yml") and path.is_file():
                for match in VAR_CALL.finditer(path.read_text(encoding="utf-8")):
                    yield path.relative_to(REPO), match


def _literal(text: str):
    text = text.strip().replace("''", "'")
    if text in JINJA_LITERALS:
        return JINJA_LITERALS[text]
    return ast.literal_eval(text)


def test_var_defaults_in_sql_and_yaml_match_the_project():
    project = _project_vars()
    wrong = []
    for path, match in _calls():
        name, default = match.group("name"), match.group("default")
        if name not in project:
            wrong.append(f"{path}: var('{name}') is not defined in dbt_project.yml")
            continue
        if default is None:
            continue
        try:
            value = _literal(default)
        except (ValueError, SyntaxError):
            wrong.append(f"{path}: var('{name}', {default}) has a default that is not a literal")
            continue
        if value != project[name]:
            wrong.append(f"{path}: var('{name}', {default}) differs from dbt_project.yml ({project[name]!r})")
    assert wrong == []


def test_the_check_finds_calls():
    """The scan is not vacuous: it sees the calls the models make."""
    names = {match.group("name") for _, match in _calls()}
    assert {"report_run_date", "state", "kids_calendar_ids", "lead_calendar_ids"} <= names


def test_every_model_with_names_or_birth_dates_is_marked_contains_pii():
    """Issue 22: `meta.contains_pii` is on every model whose columns hold names or birth dates (the docs site shows
    it), the Kansas marts included; the pattern is the one the contract generator uses for staging."""
    from statereport.contract_sync import PII_COLUMN

    unmarked, marked = [], 0
    for path in sorted((REPO / "models").rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []) or []:
            columns = [column["name"] for column in model.get("columns", []) or []]
            meta = (model.get("config") or {}).get("meta") or model.get("meta") or {}
            if any(PII_COLUMN.search(name) for name in columns):
                marked += 1
                if meta.get("contains_pii") is not True:
                    unmarked.append(f"{path.relative_to(REPO)}: {model['name']}")
    assert unmarked == []
    assert marked >= 20, "the scan sees the models with names (staging identity, LEAD, EL and the nine KIDS marts)"


# --- Python reads the project's defaults, never restates them (issue 22) -------------------------------------------

PACKAGE = REPO / "src" / "statereport"
# Prefixes a Python field may drop from the var it holds (KidsFileOptions.file_version holds kids_file_version).
VAR_PREFIXES = ("kids_", "lead_", "el_", "export_")
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?")


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def _constant(node: ast.AST):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return ast  # not a literal (a sentinel no default equals)


def _same(value, default) -> bool:
    return value == default and type(value) is type(default)


def _date_call(node: ast.Call) -> str | None:
    """`date(2025, 5, 15)` / `datetime(2025, 5, 15, 8, 0, 0)` with literal arguments, as the project writes it."""
    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    values = [_constant(arg) for arg in node.args]
    if name not in ("date", "datetime") or len(values) < 3 or not all(isinstance(v, int) for v in values):
        return None
    year, month, day, *clock = values
    text = f"{year:04d}-{month:02d}-{day:02d}"
    return f"{text} {clock[0]:02d}:{(clock + [0, 0])[1]:02d}:{(clock + [0, 0, 0])[2]:02d}" if clock else text


def restated_defaults(source: str, where: str, project: dict) -> list[str]:
    """The places in one Python module that restate a dbt_project.yml default instead of reading it:
    - `x.get("<var>", fallback)`: the run's settings hold every project var; a fallback is a second default;
    - a call naming a var that also passes `default=...` (`_whole_number("kids_file_revision", v, default=1)`);
    - a class field named after a var whose literal default is the var's (`file_version: str = "18.0"`);
    - a constant named `*DEFAULT*` whose literal is a var's default (`DEFAULT_VERSION = "18.0"`);
    - a date or timestamp literal equal to a date-like var default (`date(2025, 5, 15)`, `"2025-05-15 08:00:00"`)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    fields = {name: name for name in project} | {
        name[len(prefix):]: name for name in project for prefix in VAR_PREFIXES if name.startswith(prefix)}
    dates = {value: name for name, value in project.items() if isinstance(value, str) and _DATE_LIKE.fullmatch(value)}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            named = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and arg.value in project]
            if (isinstance(node.func, ast.Attribute) and node.func.attr == "get" and len(node.args) == 2
                    and named and isinstance(node.args[0], ast.Constant)):
                found.append(f"{where}:{node.lineno}: .get({named[0]!r}, ...) restates its default; read "
                             f"settings[{named[0]!r}]")
            elif named and any(keyword.arg == "default" for keyword in node.keywords):
                found.append(f"{where}:{node.lineno}: default=... for var {named[0]!r}; read project_default()")
            elif (text := _date_call(node)) in dates:
                found.append(f"{where}:{node.lineno}: {text} restates var {dates[text]!r}")
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                        and statement.value is not None and statement.target.id in fields
                        and _same(_constant(statement.value), project[fields[statement.target.id]])):
                    found.append(f"{where}:{statement.lineno}: field {statement.target.id} has a literal default "
                                 f"(var {fields[statement.target.id]!r} is dbt_project.yml's)")
        elif isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and "DEFAULT" in target.id for target in node.targets):
            value = _constant(node.value)
            if any(_same(value, default) for default in project.values()):
                found.append(f"{where}:{node.lineno}: {ast.unparse(node.targets[0])} = {value!r} restates a var default")
        elif (isinstance(node, ast.Constant) and id(node) not in docstrings and isinstance(node.value, str)
              and node.value in dates):
            found.append(f"{where}:{node.lineno}: {node.value!r} restates var {dates[node.value]!r}")
    return found


def test_python_reads_project_defaults_and_never_restates_them():
    project = _project_vars()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += restated_defaults(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)), project)
    assert found == []


RESTATEMENTS = [  # each restates a default the way the code did before issue 22
    'DEFAULT_VERSION = "18.0"',
    'version = run_vars.get("kids_file_version", "18.0")',
    'revision = _whole_number("kids_file_revision", value, default=1)',
    "@dataclass\nclass Options:\n    file_version: str = '18.0'\n    records_limit: int = 0",
    "RUN_DATE = date(2025, 5, 15)",
    'stamp = "2025-05-15 08:00:00"',
]


@pytest.mark.parametrize("source", RESTATEMENTS)
def test_the_check_finds_restated_defaults(source):
    assert restated_defaults(source, "example.py", _project_vars())


def test_the_check_lets_reads_of_the_project_pass():
    reads = ('version = settings["kids_file_version"]\nrun_date = date.fromisoformat(project_default("report_run_date"))'
             '\nchosen = overrides.get("adhoc_students_filter")\nEMBED_LIMIT = 100_000\n'
             '"""Runs dated 2025-05-15 08:00:00 by default."""')
    assert restated_defaults(reads, "example.py", _project_vars()) == []


def test_editor_help_takes_its_default_from_the_project():
    """`--help` states an option's default from dbt_project.yml (`{default}` in the table's help), never a copy."""
    from statereport.options import EDITOR_OPTIONS

    project = _project_vars()
    for option in EDITOR_OPTIONS:
        defaults = [project[var] for var in option.dbt_vars if var in project]
        scalar = [value for value in defaults if value not in (None, "", []) and not isinstance(value, (list, dict))]
        if option.kind == "bool-pair" or (scalar and "Blank:" in option.help):
            assert "{default}" in option.help, f"--{option.option}: say the default as {{default}}"
        if "{default}" in option.help and option.kind != "bool-pair":
            value = project[option.dbt_vars[0]]
            assert "{default}" not in option.help_text()
            assert str(value) in option.help_text() or str(value) in option.choices, option.option

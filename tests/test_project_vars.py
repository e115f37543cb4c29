"""Issue 22: a var's default is stated once, in dbt_project.yml. A `var('name', default)` call in a model, macro or
YAML may only restate the project's own value (dbt then never uses it); any other default is a second, drifting
copy of the rule. Every var a model reads must be defined by the project."""

from __future__ import annotations

import ast
import re
from pathlib import Path

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

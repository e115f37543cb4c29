"""SQL conventions that keep statewide builds within memory (issue 21).

DuckDB materializes a CTE that a query reads more than once: an import CTE over a table (`x as (select * from
{{ ref('int_...') }})`) read twice was copied whole into memory. `ks_kids__validation` reads its records 77 times
and peaked at 8 GB at 700,000 Kansas students (1.8 GB once its import was `not materialized`). So an import CTE over a
model built as a table, read by more than one `from`/`join` of its file, is declared `as not materialized`: each read
scans the table again, which costs little. Imports of views (staging) are left to DuckDB: there a copy saves
recomputing the view."""

from __future__ import annotations

import re
import sys

from conftest import REPO_ROOT

MODELS = REPO_ROOT / "models"
IMPORT = re.compile(r"^(\w+) as (not materialized )?\(\n    select \* from \{\{ ref\('(\w+)'\) \}\}\n\)", re.MULTILINE)


def _table_models() -> set[str]:
    """Models built as tables: every intermediate model (dbt_project.yml) and the marts that say so in their config."""
    tables = set()
    for path in MODELS.rglob("*.sql"):
        text = path.read_text(encoding="utf-8")
        if path.is_relative_to(MODELS / "intermediate") or re.search(r"materialized\s*=\s*['\"]table['\"]", text):
            tables.add(path.stem)
    return tables


def _imports_read_twice_without_the_hint() -> list[str]:
    tables, found = _table_models(), []
    for path in sorted(MODELS.rglob("*.sql")):
        text = path.read_text(encoding="utf-8")
        for match in IMPORT.finditer(text):
            cte, hinted, model = match.groups()
            reads = len(re.findall(rf"\b(?:from|join)\s+{cte}\b", text))
            if model in tables and reads > 1 and not hinted:
                found.append(f"{path.relative_to(REPO_ROOT)}: {cte} ({model}, read {reads} times)")
    return found


def test_an_import_of_a_table_read_more_than_once_is_not_materialized():
    assert _imports_read_twice_without_the_hint() == []


def test_the_check_finds_a_table_import_read_twice(tmp_path, monkeypatch):
    # the check above is only as good as its pattern: a model written the old way must be found
    folder = tmp_path / "models" / "intermediate" / "demo"
    folder.mkdir(parents=True)
    (folder / "int_demo__a.sql").write_text("select 1 as id\n", encoding="utf-8")
    (folder / "int_demo__b.sql").write_text(
        "with\n\nrows as (\n    select * from {{ ref('int_demo__a') }}\n),\n\nfinal as (\n"
        "    select one.id from rows as one inner join rows as two on one.id = two.id\n)\n\nselect * from final\n",
        encoding="utf-8")
    this = sys.modules[__name__]
    monkeypatch.setattr(this, "MODELS", tmp_path / "models")
    monkeypatch.setattr(this, "REPO_ROOT", tmp_path)
    assert _imports_read_twice_without_the_hint() == [
        "models/intermediate/demo/int_demo__b.sql: rows (int_demo__a, read 2 times)"]


def test_lint_sample_shortens_only_loops_inside_macros():
    """macros/lint_sample.sql: under sqlfluff a generator macro renders only its first item, because sqlfluff ignores
    every finding inside a macro's output. A loop written in a model's or test's own text is linted at every
    iteration, so none of them may call it; and a build (any other target) renders every item."""
    callers = sorted(str(path.relative_to(REPO_ROOT)) for folder in ("models", "tests", "analyses")
                     for path in (REPO_ROOT / folder).rglob("*.sql") if "lint_sample" in path.read_text(encoding="utf-8"))
    assert callers == []
    text = (REPO_ROOT / "macros" / "lint_sample.sql").read_text(encoding="utf-8")
    assert "target.name != 'lint'" in text and "return(items)" in text

"""The KECS LEAD aggregates need the state grades at compile time (one count column per grade), so the macro
lead_state_grades() lists them; the seed ky_lead__grade_order.csv is the editable source. This test keeps the two the
same, in the same order, and checks that lead_grade_sort_key orders the grades as the seed does."""

from __future__ import annotations

import ast
import csv
import re

from conftest import REPO_ROOT


def _macro_grades() -> list[str]:
    text = (REPO_ROOT / "macros" / "lead_reports.sql").read_text(encoding="utf-8")
    body = re.search(r"\{% macro lead_state_grades\(\) -%\}\s*\{\{ return\((\[.*?\])\) \}\}", text, re.DOTALL)
    assert body, "lead_state_grades() returns one list literal"
    return ast.literal_eval(body.group(1))


def _seed_grades() -> list[str]:
    with (REPO_ROOT / "seeds" / "reference" / "ky_lead__grade_order.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row["state_grade"] for row in sorted(rows, key=lambda row: int(row["grade_sort"]))]


def test_the_lead_grade_macro_lists_the_seed_grades_in_the_seed_order():
    assert _macro_grades() == _seed_grades()


def test_the_lead_grade_sort_key_orders_grades_as_the_seed_does():
    # lead_grade_sort_key: '0' before the codes from its threshold up (pre-kindergarten 95-99), '1' before the others
    text = (REPO_ROOT / "macros" / "lead_reports.sql").read_text(encoding="utf-8")
    found = re.search(r"\{% macro lead_grade_sort_key\(column_name\) -%\}\s*case when \{\{ column_name \}\} >= '(\d+)' "
                      r"then '0' else '1' end \|\| \{\{ column_name \}\}", text)
    assert found, "lead_grade_sort_key keeps its documented form"
    threshold = found.group(1)

    def sort_key(grade: str) -> str:
        return ("0" if grade >= threshold else "1") + grade

    seed = _seed_grades()
    assert sorted(seed, key=sort_key) == seed

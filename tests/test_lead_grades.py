"""The KECS LEAD state grades live in one place, the var lead_state_grades in dbt_project.yml (issue 22): the
aggregates' per-grade count columns (macro lead_state_grades), the grade order model int_calendar__kecs_grade_order,
the Classes grade sort key and the --grade option check all read it. These tests fail when a second copy of the list
appears in code, and check that the KIDS transmission ids do not depend on it."""

from __future__ import annotations

import re

from conftest import REPO_ROOT

from statereport.kids_files import KidsFileOptions
from statereport.settings import project_default

# Two KECS grade codes next to each other, as a list ("95", "96" / '95','96') or seed rows (95,...\n96,...) spell them.
_TWO_KECS_GRADES = re.compile(r"""(["'])95\1\s*,\s*(["'])96\2|^95,.*\n96,""", re.MULTILINE)


def test_the_project_lists_the_kecs_grades_lowest_first_as_text():
    grades = project_default("lead_state_grades")
    assert grades[:6] == ["95", "96", "97", "98", "99", "00"]
    assert grades[-3:] == ["12", "14", "20"]
    assert all(isinstance(grade, str) and len(grade) == 2 for grade in grades)
    assert len(set(grades)) == len(grades)


def test_no_code_file_lists_the_kecs_grades_again():
    code_files = [path for folder in ("models", "macros", "seeds/reference", "src")
                  for path in (REPO_ROOT / folder).rglob("*") if path.suffix in {".sql", ".py", ".csv"}]
    assert code_files, "the project's code folders are found"
    copies = [str(path.relative_to(REPO_ROOT)) for path in code_files
              if _TWO_KECS_GRADES.search(path.read_text(encoding="utf-8"))]
    assert copies == []


def test_the_pattern_finds_a_list_or_a_seed_copy():
    # the guard above is only as good as its pattern: it must match the forms a copy would take
    assert _TWO_KECS_GRADES.search("['95', '96', '97']")
    assert _TWO_KECS_GRADES.search('state_grade,grade_sort\n95,1\n96,2\n')
    assert not _TWO_KECS_GRADES.search("when '95' then 1 when '12' then 2")


def test_the_kecs_grade_list_does_not_change_the_kids_transmission_ids():
    base = {"generated_at": "2025-05-15 08:00:00", "state": "ks"}
    same = KidsFileOptions.from_vars(base).run_fingerprint
    assert KidsFileOptions.from_vars({**base, "lead_state_grades": ["00", "01"]}).run_fingerprint == same
    assert KidsFileOptions.from_vars({**base, "kids_records_limit": 5}).run_fingerprint != same

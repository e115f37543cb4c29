"""The review page's "Fix first" worklist (issue 23): the critical warning rows grouped by the kind of work that fixes
them, then by school, each rule shown by its title with its fix, its count and its first rows.

Which kind of work a rule belongs to, and its short title, come from `seeds/reference/review_work_kinds.csv` (a district
may route rules to its own teams there); a rule without a title there shows the first sentence of its catalogue
description. Rows are read from the warning marts the run summary already counted (`*_warnings`, `*_issues`), with the
columns that identify the record found by name: state id, the student's (else the staff member's) name, the school and
the message.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from statereport import PROJECT_ROOT

WORK_KINDS_SEED = PROJECT_ROOT / "seeds" / "reference" / "review_work_kinds.csv"
# Order and wording of the groups on the page.
WORK_KIND_LABELS = {
    "staffing": "Staffing and HR (EPSB IDs, employment, assignments)",
    "scheduling": "Scheduling (sections, teachers, course codes)",
    "special_education": "Special education (IEPs, case managers)",
    "english_learners": "English learners",
    "enrollment": "Enrollment",
    "input_data": "Input data",
}
FIRST_ROWS = 5  # rows shown per rule and school; the rest are one link away (the rule's full worklist)
NO_SCHOOL = "(no school)"
# Mart columns that identify a worklist row, in the order they are tried.
STATE_ID_COLUMNS = ("state_id", "state_student_identifier")
NAME_COLUMNS = (("student_last_name", "student_first_name"), ("last_name", "first_name"),
                ("legal_last_name", "legal_first_name"))
SCHOOL_COLUMNS = ("school_name", "school_number", "state_school_number")
MESSAGE_COLUMNS = ("warning", "message", "detail")
# What the row is about when it is a section rather than a person (LEAD course warnings).
RECORD_COLUMNS = (("course_name", "section_number"),)
_VENDOR_PREFIX = re.compile(r"^(Warning \d+ \([^)]*\):|Critical Error:|Warning:|Excluded:)\s*")


@lru_cache(maxsize=1)
def work_kinds() -> tuple[tuple[re.Pattern, str, str], ...]:
    with WORK_KINDS_SEED.open(encoding="utf-8", newline="") as handle:
        return tuple(
            (re.compile("^" + re.escape(row["rule_pattern"]).replace("%", ".*") + "$"), row["work_kind"],
             row.get("title") or "")
            for row in csv.DictReader(handle)
        )


def classify(rule_id: str) -> tuple[str, str]:
    """(work kind, title from the seed or '') of a rule: the first matching row wins; unmatched = input data."""
    for pattern, kind, title in work_kinds():
        if pattern.match(rule_id):
            return kind, title
    return "input_data", ""


def rule_title(rule_id: str, description: str) -> str:
    """The seed's title, else the first sentence (or clause) of the catalogue description, else the id."""
    title = classify(rule_id)[1]
    if title:
        return title
    text = _VENDOR_PREFIX.sub("", description or "").strip()
    first = re.split(r"(?<=[a-z0-9)])[.:;](\s|$)", text, maxsplit=1)[0].strip()
    if not first:
        return rule_id
    return first if len(first) <= 90 else first[:87].rstrip() + "..."


@dataclass
class RuleRows:
    rule_id: str
    title: str
    how_to_fix: str
    count: int
    rows: list[dict] = field(default_factory=list)


@dataclass
class SchoolGroup:
    school: str
    rules: list[RuleRows] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(rule.count for rule in self.rules)


@dataclass
class WorkGroup:
    kind: str
    label: str
    schools: list[SchoolGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(school.count for school in self.schools)


def _first_present(columns: set[str], names) -> str | None:
    return next((name for name in names if name in columns), None)


def worklist_select(relation: str, columns: list[str]) -> str:
    """A select over a warning mart giving rule_id, state_id, name, school and message as text."""
    present = set(columns)

    def text(name: str | None) -> str:
        return f'nullif(trim(cast("{name}" as varchar)), \'\')' if name else "cast(null as varchar)"

    names = [f"{text(last)} || ', ' || coalesce({text(first)}, '')" for last, first in NAME_COLUMNS
             if last in present and first in present]
    name_expr = f"coalesce({', '.join(names)}, '')" if names else "''"
    schools = [text(name) for name in SCHOOL_COLUMNS if name in present]
    school_expr = f"coalesce({', '.join(schools)}, '{NO_SCHOOL}')" if schools else f"'{NO_SCHOOL}'"
    records = [f"{text(course)} || coalesce(' section ' || {text(section)}, '')" for course, section in RECORD_COLUMNS
               if course in present and section in present]
    record_expr = f"coalesce({', '.join(records)}, '')" if records else "''"
    return (f"select cast(rule_id as varchar) as rule_id, "
            f"coalesce({text(_first_present(present, STATE_ID_COLUMNS))}, '') as state_id, {name_expr} as name, "
            f"{school_expr} as school, {record_expr} as record, "
            f"coalesce({text(_first_present(present, MESSAGE_COLUMNS))}, '') as message from {relation}")


def fix_first(connection, sources: list[tuple[str, list[str]]], rules: dict[str, dict]) -> list[WorkGroup]:
    """The critical rows of `sources` ((relation, columns) of each warning mart), grouped by work kind, school and
    rule. `rules`: rule_id -> {'description', 'how_to_fix'} of the critical rules to list."""
    if not sources or not rules:
        return []
    wanted = ", ".join("'" + rule_id.replace("'", "''") + "'" for rule_id in sorted(rules))
    union = " union all ".join(worklist_select(relation, columns) for relation, columns in sources)
    query = (
        f"select school, rule_id, count(*) over (partition by school, rule_id) as rows_at_school, state_id, name, "
        f"record, message from ({union}) as worklist where rule_id in ({wanted}) "
        f"qualify row_number() over (partition by school, rule_id order by state_id, name, record, message) "
        f"<= {FIRST_ROWS} order by school, rule_id, state_id, name, record, message"
    )
    groups: dict[str, WorkGroup] = {}
    for school, rule_id, count, state_id, name, record, message in connection.execute(query).fetchall():
        kind = classify(rule_id)[0]
        group = groups.setdefault(kind, WorkGroup(kind, WORK_KIND_LABELS.get(kind, kind)))
        if not group.schools or group.schools[-1].school != school:
            group.schools.append(SchoolGroup(school))
        school_group = group.schools[-1]
        if not school_group.rules or school_group.rules[-1].rule_id != rule_id:
            rule = rules[rule_id]
            school_group.rules.append(RuleRows(rule_id, rule_title(rule_id, rule.get("description", "")),
                                               rule.get("how_to_fix", ""), count))
        school_group.rules[-1].rows.append({"state_id": state_id, "name": name, "record": record, "message": message})
    order = list(WORK_KIND_LABELS)
    return sorted(groups.values(), key=lambda group: order.index(group.kind) if group.kind in order else len(order))


def lead_columns(columns: list[str]) -> list[int]:
    """Column order of a worklist table: state id, name and school first, the rest as the mart has them."""
    wanted = [*STATE_ID_COLUMNS, "student_last_name", "student_first_name", "last_name", "first_name",
              *SCHOOL_COLUMNS]
    first = [columns.index(name) for name in wanted if name in columns]
    return first + [index for index in range(len(columns)) if index not in first]


def chart_bars(extract) -> list[dict]:
    """One extract's bars for the page's chart: reported rows, excluded rows by reason, warning rows by rule."""
    bars = [{"label": "reported", "value": sum(report.rows for report in extract.reports), "kind": "reported"}]
    bars += [{"label": rule_title(rule.rule_id, rule.description), "value": rule.rows, "kind": "excluded",
              "rule_id": rule.rule_id} for rule in sorted(extract.excluded, key=lambda rule: -rule.rows)]
    bars += [{"label": rule_title(rule.rule_id, rule.description), "value": rule.rows,
              "kind": "critical" if rule.severity == "critical" else "warning", "rule_id": rule.rule_id}
             for rule in sorted(extract.warnings, key=lambda rule: -rule.rows)]
    top = max((bar["value"] for bar in bars), default=0) or 1
    for bar in bars:
        bar["width"] = round(300 * bar["value"] / top, 1)
    return bars

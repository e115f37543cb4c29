"""The extract editors' ad hoc filter (`--students FILE`): which students a run reports.

Seed 004's Report Logic (and the KECS LEAD and KY EL editors, which have the same field): students report "if they are
also included in any Ad hoc filter or grade selected on the editor". The filter is a CSV whose header is `person_id`
(the SIS person id) or `state_id` (the state student id), one student per line. It is read and checked here before
anything is built (a bad file is exit 2 with one line naming the file, line and column), then written to
`raw.adhoc_students`, which `int_person__adhoc_filter` reads. An id that is well formed but not in the district's data
is not an error of the file: it becomes an input issue (CORE-INPUT-ADHOC-UNKNOWN-STUDENT), and the run goes on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from statereport.loader import InputError
from statereport.warehouse import duckdb_settings

TABLE = "adhoc_students"
KEYS = ("person_id", "state_id")
# Ids are 64-bit in the contract (person_id bigint); a state id is text but never holds spaces or separators.
_PERSON_ID = re.compile(r"[0-9]{1,18}")
_STATE_ID = re.compile(r"[0-9A-Za-z-]{1,40}")


@dataclass(frozen=True)
class StudentFilter:
    """A checked ad hoc filter: which column it keys on and (file line, id) per student."""

    path: str
    key: str
    rows: tuple[tuple[int, str], ...]


def read_student_filter(path: Path) -> StudentFilter:
    """Reads and checks the file; raises InputError (one line: file, line, column, what to do) on anything wrong."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: --students file not found; give a CSV with the header person_id or state_id")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: --students file is not UTF-8 text; save it as CSV (UTF-8)") from None
    except OSError as error:
        raise InputError(f"{path}: --students file cannot be read: {error.strerror or error}") from None
    lines = list(csv.reader(text.splitlines()))
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise InputError(f"{path}: line 1: the --students file is empty; its first line must be the header "
                         "person_id or state_id")
    header = [cell.strip().lower() for cell in lines[0]]
    if len(header) != 1 or header[0] not in KEYS:
        raise InputError(f"{path}: line 1: header {','.join(lines[0])!r} is not one column named person_id or "
                         "state_id; the file lists one student per line under that header")
    key = header[0]
    pattern = _PERSON_ID if key == "person_id" else _STATE_ID
    seen: dict[str, int] = {}
    rows: list[tuple[int, str]] = []
    for number, cells in enumerate(lines[1:], start=2):
        if not cells or not any(cell.strip() for cell in cells):
            continue  # a blank line (often the last) lists no one
        if len(cells) != 1:
            raise InputError(f"{path}: line {number}: {len(cells)} columns; the --students file has one column, "
                             f"{key}")
        value = cells[0].strip()
        if not pattern.fullmatch(value):
            kind = "a whole number" if key == "person_id" else "a state id (letters, digits, '-')"
            raise InputError(f"{path}: line {number}: column '{key}' = {value!r} is not {kind}")
        if value in seen:
            raise InputError(f"{path}: line {number}: column '{key}' = {value!r} is listed twice (first on line "
                             f"{seen[value]}); list each student once")
        seen[value] = number
        rows.append((number, value))
    if not rows:
        raise InputError(f"{path}: the --students file lists no student under its header {key}; an ad hoc filter "
                         "that selects no one would report nothing")
    return StudentFilter(str(path), key, tuple(rows))


def write_student_filter(database: Path, student_filter: StudentFilter | None) -> None:
    """raw.adhoc_students (file, line, person_id, state_id): the listed students; no table = no filter (the dbt
    hook creates it empty, and var adhoc_students_filter is off)."""
    if student_filter is None:
        return
    connection = duckdb.connect(str(database), config=duckdb_settings())
    try:
        connection.execute("create schema if not exists raw")
        connection.execute(f"create or replace table raw.{TABLE} (file varchar, line bigint, person_id bigint, "
                           "state_id varchar)")
        person_ids = student_filter.key == "person_id"
        connection.executemany(
            f"insert into raw.{TABLE} values (?, ?, ?, ?)",
            [(student_filter.path, line, int(value) if person_ids else None, None if person_ids else value)
             for line, value in student_filter.rows],
        )
    finally:
        connection.close()

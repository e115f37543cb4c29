"""Plumbing of the generator: deterministic random streams, contract-driven table writers, the generation context.

Nothing here knows about schools or students; `district.py` does, and scenario modules reuse the same context.
"""

from __future__ import annotations

import csv
import random
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from statereport.contract import Table, tables_for_state

BATCH_ROWS = 20_000
FORMATS = ("csv", "parquet")


def stream(seed: int, state: str, name: str) -> random.Random:
    """A random stream owned by one name. Seeding from a string is stable across Python runs (sha512 based), so
    adding a stream (a scenario, a table) never shifts the values another stream draws."""
    return random.Random(f"statereport-generator|{seed}|{state}|{name}")


class _CsvSink:
    """csv writes None as an empty field and a date as YYYY-MM-DD already; only booleans need spelling out."""

    def __init__(self, path: Path, table: Table, header: bool = True) -> None:
        self.handle = path.open("w", newline="", encoding="utf-8")
        self.writer = csv.writer(self.handle, lineterminator="\n")
        if header:
            self.writer.writerow(table.column_names)
        self.booleans = [i for i, c in enumerate(table.columns) if c.data_type.lower().startswith("bool")]

    def write(self, rows: list[list]) -> None:
        booleans = self.booleans
        if booleans:
            for row in rows:
                for i in booleans:
                    value = row[i]
                    if value is not None:
                        row[i] = "true" if value else "false"
        self.writer.writerows(rows)

    def append_part(self, path: Path) -> None:
        with path.open("r", newline="", encoding="utf-8") as part:
            shutil.copyfileobj(part, self.handle, 1 << 20)

    def close(self) -> None:
        self.handle.close()


def _arrow_type(data_type: str):
    import pyarrow as pa

    kind = data_type.lower()
    if kind.startswith("bigint"):
        return pa.int64()
    if kind.startswith(("int", "smallint")):
        return pa.int32()
    if kind.startswith("bool"):
        return pa.bool_()
    if kind.startswith("date"):
        return pa.date32()
    if kind.startswith("timestamp"):
        return pa.timestamp("s")
    if kind.startswith(("decimal", "numeric", "double", "float")):
        return pa.float64()
    return pa.string()


class _ParquetSink:
    def __init__(self, path: Path, table: Table, header: bool = True) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = pa.schema([(c.name, _arrow_type(c.data_type)) for c in table.columns])
        self.converters = []
        for column in table.columns:
            arrow_type = _arrow_type(column.data_type)
            if pa.types.is_floating(arrow_type):
                self.converters.append(lambda v: None if v is None or v == "" else float(v))
            elif pa.types.is_string(arrow_type):
                self.converters.append(lambda v: None if v is None else str(v))
            else:
                self.converters.append(None)
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, rows: list[list]) -> None:
        columns = []
        for index, converter in enumerate(self.converters):
            values = [row[index] for row in rows]
            if converter is not None:
                values = [converter(v) for v in values]
            columns.append(values)
        self.writer.write_table(self.pa.Table.from_arrays(
            [self.pa.array(values, type=self.schema.field(i).type) for i, values in enumerate(columns)],
            schema=self.schema,
        ))

    def append_part(self, path: Path) -> None:
        import pyarrow.parquet as pq

        part = pq.ParquetFile(str(path))
        for index in range(part.num_row_groups):
            self.writer.write_table(part.read_row_group(index))

    def close(self) -> None:
        self.writer.close()


class TableWriter:
    """Rows of one contract table, written in batches, every contract column in contract order.

    `add(column=value, ...)` takes the columns the generator models; any other contract column is written empty,
    so a column added to the contract never breaks the generator. A keyword that is not a contract column raises
    (a typo would otherwise silently vanish)."""

    def __init__(self, table: Table, path: Path, file_format: str, header: bool = True) -> None:
        self.table = table
        self.path = path
        self.index = {name: i for i, name in enumerate(table.column_names)}
        self.width = len(table.columns)
        sink = _ParquetSink if file_format == "parquet" else _CsvSink
        self.sink = sink(path, table, header)
        self.buffer: list[list] = []
        self.rows = 0

    def add(self, **values: Any) -> None:
        row = [None] * self.width
        index = self.index
        try:
            for name, value in values.items():
                row[index[name]] = value
        except KeyError as error:
            raise KeyError(f"{self.table.name}: {error.args[0]!r} is not a contract column") from None
        self.buffer.append(row)
        if len(self.buffer) >= BATCH_ROWS:
            self.flush()

    def adder(self, *names: str):
        """Fast path for hot tables: returns f(*values) that appends one row with these columns set."""
        positions = [self.index[name] for name in names]
        width = self.width
        if positions == list(range(width)):

            def add_all(*values: Any) -> None:
                self.buffer.append(list(values))
                if len(self.buffer) >= BATCH_ROWS:
                    self.flush()

            return add_all

        def add(*values: Any) -> None:
            row = [None] * width
            for position, value in zip(positions, values):
                row[position] = value
            self.buffer.append(row)
            if len(self.buffer) >= BATCH_ROWS:
                self.flush()

        return add

    def flush(self) -> None:
        if self.buffer:
            self.sink.write(self.buffer)
            self.rows += len(self.buffer)
            self.buffer = []

    def append_part(self, path: Path, rows: int) -> None:
        """Appends a part file written by a worker (same table and format, no header)."""
        self.flush()
        self.sink.append_part(path)
        self.rows += rows

    def close(self) -> None:
        self.flush()
        self.sink.close()


class _NullWriter:
    """Stands in for a table the state does not need: rows for it are dropped."""

    rows = 0

    def add(self, **values: Any) -> None:
        return None

    def adder(self, *names: str):
        return lambda *values: None

    def flush(self) -> None:
        return None

    def close(self) -> None:
        return None


class Writers:
    """One TableWriter per contract table of the state; `writers['roster'].add(...)`."""

    def __init__(self, state: str, out_dir: Path, file_format: str, prefix: str = "", header: bool = True,
                 only: set[str] | None = None) -> None:
        if file_format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}")
        out_dir.mkdir(parents=True, exist_ok=True)
        extension = ".parquet" if file_format == "parquet" else ".csv"
        self.tables = {t.name: t for t in tables_for_state(state) if only is None or t.name in only}
        self.writers: dict[str, TableWriter] = {
            name: TableWriter(table, out_dir / f"{prefix}{name}{extension}", file_format, header)
            for name, table in self.tables.items()
        }
        self._null = _NullWriter()

    def __getitem__(self, name: str) -> TableWriter | _NullWriter:
        return self.writers.get(name, self._null)

    def has(self, name: str) -> bool:
        return name in self.writers

    def close(self) -> dict[str, int]:
        counts = {}
        for name, writer in self.writers.items():
            writer.close()
            counts[name] = writer.rows
        return counts


class Ids:
    """Id ranges by table. Ids of students' rows are derived from the student's index (so they do not depend on
    how many rows other students got); every other id comes from a counter per table. Scenarios draw from
    `next(table)`, which starts far above anything the base district uses."""

    SCENARIO_BASE = 900_000_000

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}

    def next(self, table: str, start: int = 1) -> int:
        value = self.counters.get(table, start)
        self.counters[table] = value + 1
        return value

    def scenario(self, table: str) -> int:
        return self.next(f"scenario:{table}", self.SCENARIO_BASE)


@dataclass
class School:
    school_id: int
    number: str
    name: str
    kind: str  # elementary, middle, high, cte, alternative, program
    state_classification: str | None
    grades: list[str]
    calendars: list = field(default_factory=list)
    share: float = 0.0

    @property
    def current(self):
        return next(c for c in self.calendars if c.kind == "regular" and c.end_year == self.end_year)

    end_year: int = 2025


@dataclass
class Structure:
    structure_id: int
    calendar_id: int
    name: str
    trial_id: int
    inactive_trial_id: int
    terms: dict  # name -> (term_id, start, end)
    periods: list  # [(period_id, name, seq, minutes, instructional)]
    period_schedule_id: int
    instruction_days: list  # [date]
    sections: dict = field(default_factory=dict)  # period seq -> [slot]; slot = [(section_id, term names, teacher)]
    homerooms: dict = field(default_factory=dict)  # grade -> [section_id]
    specials: list = field(default_factory=list)  # [section_id]


@dataclass
class Calendar:
    calendar_id: int
    school: School
    end_year: int
    name: str
    kind: str  # regular, prior, summer
    start_date: date
    end_date: date
    first_day: date
    last_day: date
    exclude: bool
    structures: list = field(default_factory=list)
    excuses: dict = field(default_factory=dict)  # code -> (excuse_id, status, excuse)

    @property
    def structure(self) -> Structure:
        return self.structures[0]


@dataclass
class Context:
    """What a scenario receives: the district as generated, the writers and ids, and its own random stream.

    Attributes: state ('ky'/'ks'), seed, end_year, run_date, district_id, district_number, schools (list of School,
    each with .calendars; Calendar has .structures with trial ids, terms, periods, instruction days, sections),
    staff (list of dicts: person_id, school_id, role, ...), ids (Ids), writers (Writers: writers['enrollment'].add(...)),
    rng (random.Random owned by the scenario), person (helper to write a student's person and identity rows:
    ctx.new_student(...)). Scenarios write rows with `ctx.writers[table].add(column=value, ...)` and take ids with
    `ctx.ids.scenario(table)` so they never collide with the base district."""

    state: str
    seed: int
    end_year: int
    run_date: date
    district_id: int
    district_number: str
    schools: list
    staff: list
    ids: Ids
    writers: Writers
    rng: random.Random
    helpers: Any = None

    def calendars(self, kind: str = "regular") -> Iterable[Calendar]:
        for school in self.schools:
            for calendar in school.calendars:
                if calendar.kind == kind:
                    yield calendar

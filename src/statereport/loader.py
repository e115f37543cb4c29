"""Load a district's SIS export (one CSV or Parquet file per contract table) into DuckDB's raw schema.

DuckDB reads the files itself (never `dbt seed`), typed by the contract. A file that does not fit the contract
stops the load with one line naming the file, the line and the column; every problem of that file is also written
to a CSV beside the warehouse so the clerk can fix them all in one pass.
"""

from __future__ import annotations

import csv
import gzip
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from statereport import PROJECT_ROOT
from statereport.contract import Table, tables_for_state
from statereport.warehouse import duckdb_settings, sql_text

DATE_FORMAT = "%Y-%m-%d"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
FORMAT_HINT = {"date": "a date (expected YYYY-MM-DD)", "timestamp": "a timestamp (expected YYYY-MM-DD HH:MM:SS)"}
EXTENSIONS = (".csv", ".csv.gz", ".parquet")
SNIFF_BYTES = 65536
# Codes of the wrong width (a grade '2' for '02'), one row each, for int_input__code_width (loader source, see
# models/intermediate/input/_input__sources.yml; the dbt hook creates it empty for the bundled samples).
CODE_ISSUES_TABLE = "load_code_issues"


class InputError(Exception):
    """Bad district input. The message is one line for the user: file, line, column, what is wrong."""


@dataclass
class LoadedTable:
    table: str
    path: Path
    rows: int


def _type_hint(data_type: str) -> str:
    kind = data_type.lower()
    for prefix, hint in FORMAT_HINT.items():
        if kind.startswith(prefix):
            return hint
    if kind.startswith(("int", "bigint", "smallint")):
        return "a whole number"
    if kind.startswith(("decimal", "double", "float", "numeric")):
        return "a number"
    if kind.startswith("bool"):
        return "0/1 or true/false"
    return data_type


def find_table_file(data_dir: Path, table: str, prefix: str = "") -> Path | None:
    """The one file of `table` in data_dir (CSV, gzip-compressed CSV or Parquet), named `<prefix><table>`. Two files
    for one table, or a link that cannot be followed, is bad input: which one to read would be a guess."""
    found = [data_dir / f"{prefix}{table}{extension}" for extension in EXTENSIONS
             if os.path.lexists(data_dir / f"{prefix}{table}{extension}")]
    for candidate in found:
        if not candidate.exists():
            raise InputError(f"{candidate}: a link to '{os.readlink(candidate)}', which cannot be followed (the target "
                             "is missing or unreadable); copy the file itself into the folder or fix the link")
    if len(found) > 1:
        raise InputError(f"{found[0]} and {found[1]}: two files for table '{table}'; keep one (which to read would be "
                         "a guess)")
    return found[0] if found else None


def _open_text_bytes(path: Path):
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _sniff(path: Path) -> None:
    """A file that is not comma-separated UTF-8 text gets one line saying what it looks like and what to do, instead
    of a list of 'missing' columns."""
    try:
        with _open_text_bytes(path) as handle:
            head = handle.read(SNIFF_BYTES)
    except (OSError, EOFError) as error:
        raise InputError(f"{path}: line 1: cannot be read as a gzip-compressed CSV ({error}); compress it with gzip "
                         "or save it as plain .csv") from None
    if head.startswith(b"PK\x03\x04"):
        raise InputError(f"{path}: line 1: this is a spreadsheet (an .xlsx/zip file) saved under a .csv name; open it "
                         "and save it as 'CSV UTF-8 (comma delimited)', or export the table as CSV from the SIS")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) >= 4 and (
            head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)):
        raise InputError(f"{path}: line 1: this looks like UTF-16 text (every other byte is zero); save the file as "
                         "UTF-8 ('CSV UTF-8' in a spreadsheet, or iconv -f UTF-16 -t UTF-8)")
    first_line = head.split(b"\n", 1)[0]
    if b"," not in first_line:
        for delimiter, name in ((b"\t", "tab"), (b";", "semicolon"), (b"|", "pipe")):
            if first_line.count(delimiter) >= 1:
                raise InputError(f"{path}: line 1: the header is {name}-delimited, not comma-delimited; export the "
                                 "table as comma-separated CSV (in a spreadsheet: 'CSV UTF-8 (comma delimited)')")


def _read_csv_header(path: Path) -> list[str]:
    _sniff(path)
    with _open_text_bytes(path) as handle:
        first_line = handle.readline()
    if not first_line.strip():
        raise InputError(f"{path}: line 1: the file is empty; expected a header row with the contract's column names")
    try:
        text = first_line.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: line 1: the header is not UTF-8 text (byte {error.start + 1}); save the file as UTF-8") from None
    return [name.strip() for name in next(csv.reader([text]))]


def _has_mixed_line_ends(path: Path) -> bool:
    """Both CRLF and bare LF line ends in one file (DuckDB's reader takes one kind per file)."""
    crlf = lf = 0
    previous = b""
    with _open_text_bytes(path) as handle:
        while chunk := handle.read(1 << 24):
            data = previous + chunk
            crlf += data.count(b"\r\n") - previous.count(b"\r\n")
            lf += chunk.count(b"\n")
            if crlf and crlf != lf:
                return True
            previous = chunk[-1:]
    return 0 < crlf < lf


@contextmanager
def _readable_csv(path: Path, scratch: Path):
    """The path DuckDB reads: the file itself, or, when its line ends are mixed, a copy with CRLF made LF (removed
    after the load). Quoted line breaks inside values become LF too, as every export writes them."""
    if not _has_mixed_line_ends(path):
        yield path
        return
    scratch.mkdir(parents=True, exist_ok=True)
    copy = scratch / f".{path.name.removesuffix('.gz')}.lf.csv"
    try:
        with _open_text_bytes(path) as source, copy.open("wb") as target:
            previous_cr = False
            while chunk := source.read(1 << 24):
                if previous_cr and not chunk.startswith(b"\n"):
                    target.write(b"\r")
                previous_cr = chunk.endswith(b"\r")
                if previous_cr:
                    chunk = chunk[:-1]
                target.write(chunk.replace(b"\r\n", b"\n"))
            if previous_cr:
                target.write(b"\r")
        yield copy
    finally:
        copy.unlink(missing_ok=True)


def _check_columns(path: Path, table: Table, found: list[str]) -> None:
    expected = table.column_names
    duplicated = sorted({name for name in found if found.count(name) > 1})
    if duplicated:
        raise InputError(f"{path}: line 1: column '{duplicated[0]}' appears twice in the header")
    missing = [name for name in expected if name not in found]
    if missing:
        raise InputError(
            f"{path}: line 1: column '{missing[0]}' is missing (table '{table.name}' needs: {', '.join(missing)})"
        )
    unknown = [name for name in found if name not in expected]
    if unknown:
        raise InputError(
            f"{path}: line 1: column '{unknown[0]}' is not in the input contract for table '{table.name}'"
            " (rename it to a contract column or drop it)"
        )


def _select_list(table: Table) -> str:
    return ", ".join(f'"{c.name}"' for c in table.columns)


_CONVERSION = re.compile(r'Could not convert string "(?P<value>.*?)" to', re.S)


def _reject_message(path: Path, table: Table, line: int, column: str | None, error_type: str, message: str) -> str:
    if column and column in table.column_names:
        data_type = table.column(column).data_type
        found = _CONVERSION.search(message or "")
        value = found.group("value") if found else None
        shown = f"'{value[:40]}'" if value is not None and not table.column(column).is_pii else "the value"
        if error_type == "CAST":
            return f"{path}: line {line}: column '{column}': cannot read {shown} as {_type_hint(data_type)}"
    summary = (message or error_type).splitlines()[0]
    where = f"column '{column}': " if column else ""
    if "unicode" in f"{error_type} {message}".lower():
        return f"{path}: line {line}: the line is not UTF-8 text (a byte of another encoding, e.g. Latin-1); save the file as UTF-8"
    elif error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        summary = f"{error_type.lower()} on this line (an unquoted comma, quote or line break inside a value?)"
    elif error_type == "UNQUOTED VALUE":
        summary = "a quote inside a value is not escaped (write it as two quotes)"
    return f"{path}: line {line}: {where}{summary}"


def _load_csv(connection: duckdb.DuckDBPyConnection, path: Path, table: Table, problems_out: Path | None,
              scratch: Path) -> int:
    header = _read_csv_header(path)
    _check_columns(path, table, header)
    # The file's header order may differ from the contract's: declare the types in the file's order, select by name.
    # Whole-number columns are read as text first: DuckDB's CSV cast would round '12.5' to 13 without a word.
    whole_numbers = [c for c in table.columns if _is_whole_number(c.data_type)]
    file_columns = "{" + ", ".join(
        f"'{name}': '{'varchar' if _is_whole_number(table.column(name).data_type) else table.column(name).data_type}'"
        for name in header
    ) + "}"
    options = (
        f"header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
        f"columns = {file_columns}, dateformat = '{DATE_FORMAT}', timestampformat = '{TIMESTAMP_FORMAT}', "
        "store_rejects = true, rejects_table = 'load_rejects', rejects_scan = 'load_reject_scans', "
        "max_line_size = 4000000, encoding = 'utf-8'"
    )
    connection.execute("drop table if exists load_rejects; drop table if exists load_reject_scans")
    with _readable_csv(path, scratch) as readable:
        connection.execute(
            f'create or replace table raw."{table.name}" as select {_select_list(table)} '
            f"from read_csv('{sql_text(readable)}', {options})"
        )
    rejects = connection.execute(
        "select line, column_name, error_type, error_message from load_rejects order by line, column_idx"
    ).fetchall()
    if rejects:
        if problems_out is not None:
            problems_out.parent.mkdir(parents=True, exist_ok=True)
            with problems_out.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["file", "line", "column", "problem"])
                for line, column, error_type, message in rejects:
                    writer.writerow([str(path), line, column, _reject_message(path, table, line, column, error_type, message)])
        line, column, error_type, message = rejects[0]
        first = _reject_message(path, table, line, column, error_type, message)
        more = f" ({len(rejects) - 1} more problem(s) in this file, all listed in {problems_out})" if len(rejects) > 1 else ""
        raise InputError(first + more)
    if whole_numbers:
        _cast_whole_numbers(connection, path, table, whole_numbers)
    return connection.execute(f'select count(*) from raw."{table.name}"').fetchone()[0]


def _too_large(value) -> str:
    text = str(value or "").strip().lstrip("+-").split(".")[0]
    return " (too large even for a 64-bit id)" if text.isdigit() and int(text) > 2**63 - 1 else ""


def _is_whole_number(data_type: str) -> bool:
    return data_type.lower().startswith(("int", "bigint", "smallint"))


def _cast_whole_numbers(connection: duckdb.DuckDBPyConnection, path: Path, table: Table, columns: list) -> None:
    relation = f'raw."{table.name}"'

    def unreadable(column) -> str:
        return (f'"{column.name}" is not null and (not regexp_full_match("{column.name}", \'\\s*[+-]?[0-9]+\\s*\') '
                f'or try_cast(trim("{column.name}") as {column.data_type}) is null)')

    # One pass tells which columns hold a value that is not a whole number (a query per column was most of loading a
    # small district); only those are searched for the first such line to name.
    flagged = connection.execute(
        "select " + ", ".join(f"bool_or({unreadable(column)})" for column in columns) + f" from {relation}").fetchone()
    for column, has_unreadable in zip(columns, flagged):
        if not has_unreadable:
            continue
        bad = connection.execute(
            f"select rowid, \"{column.name}\" from {relation} where {unreadable(column)} order by rowid limit 1"
        ).fetchone()
        if bad:
            shown = "the value" if column.is_pii else f"'{bad[1][:40]}'"
            raise InputError(f"{path}: line {bad[0] + 2}: column '{column.name}': cannot read {shown} as a whole number"
                             + _too_large(bad[1]))
    casts = ", ".join(
        f'cast(trim("{c.name}") as {c.data_type}) as "{c.name}"' if c in columns else f'"{c.name}"' for c in table.columns
    )
    connection.execute(f"create or replace table {relation} as select {casts} from {relation} order by rowid")


def _load_parquet(connection: duckdb.DuckDBPyConnection, path: Path, table: Table) -> int:
    found = [row[0] for row in connection.execute(f"describe select * from read_parquet('{sql_text(path)}')").fetchall()]
    _check_columns(path, table, found)
    # One parallel pass finds the columns holding a value that will not cast; only those are searched, row by row,
    # for the first such value to name (a pass per column with a row number was most of a statewide load).
    file_types = dict(connection.execute(
        f"select column_name, column_type from (describe select * from read_parquet('{sql_text(path)}'))").fetchall())
    unreadable = connection.execute("select " + ", ".join(
        f'bool_or({_unreadable_parquet(c, file_types.get(c.name, ""))})' for c in table.columns
    ) + f" from read_parquet('{sql_text(path)}')").fetchone()
    for column, has_unreadable in zip(table.columns, unreadable):
        if not has_unreadable:
            continue
        bad = connection.execute(
            f'select row_number, "{column.name}"::varchar from (select row_number() over () as row_number, '
            f"\"{column.name}\" from read_parquet('{sql_text(path)}')) "
            f"where {_unreadable_parquet(column, file_types.get(column.name, ''))} limit 1"
        ).fetchone()
        if bad:
            shown = "the value" if column.is_pii else f"'{bad[1][:40]}'"
            raise InputError(f"{path}: row {bad[0]}: column '{column.name}': cannot read {shown} as "
                             f"{_type_hint(column.data_type)}" + (_too_large(bad[1]) if _is_whole_number(column.data_type) else ""))
    casts = ", ".join(f'cast("{c.name}" as {c.data_type}) as "{c.name}"' for c in table.columns)
    connection.execute(f'create or replace table raw."{table.name}" as select {casts} from read_parquet(\'{sql_text(path)}\')')
    return connection.execute(f'select count(*) from raw."{table.name}"').fetchone()[0]


def _unreadable_parquet(column, file_type: str) -> str:
    """SQL: true where a Parquet value does not fit the contract type as strictly as CSV text would. A whole number
    stored as floating point or decimal must have no fraction (1000000.7 is refused, never rounded: a rounded id
    attaches records to another student); text must read as the type without DuckDB's rounding casts."""
    name = f'"{column.name}"'
    if _is_whole_number(column.data_type):
        if file_type.upper().startswith(("FLOAT", "DOUBLE", "REAL", "DECIMAL", "NUMERIC")):
            return (f"({name} is not null and ({name} <> trunc({name}) or "
                    f"try_cast(trunc({name}) as {column.data_type}) is null))")
        if file_type.upper().startswith(("VARCHAR", "TEXT", "STRING")):
            return (f"({name} is not null and (not regexp_full_match({name}, '\\s*[+-]?[0-9]+\\s*') or "
                    f"try_cast(trim({name}) as {column.data_type}) is null))")
    return f"({name} is not null and try_cast({name}::varchar as {column.data_type}) is null)"


_FIXED_DIGITS = re.compile(r"^\^\[0-9\]\{(\d+)\}\$$")


def _fixed_code_width(column) -> int | None:
    """Width of a zero-padded numeric code ('01', '0400'), from its documented pattern or its accepted values."""
    found = _FIXED_DIGITS.match(column.meta.get("pattern") or "")
    if found:
        return int(found.group(1))
    values = [str(v) for v in column.meta.get("accepted_values") or []]
    widths = {len(v) for v in values}
    if values and all(v.isdigit() for v in values) and len(widths) == 1 and any(v.startswith("0") for v in values):
        return widths.pop()
    return None


def _check_keys_and_codes(connection: duckdb.DuckDBPyConnection, path: Path, table: Table, first_line: int, unit: str) -> None:
    """Duplicate or empty keys and codes that lost their leading zeros stop the load; `rowid` is the file's row order."""
    relation = f'raw."{table.name}"'
    if table.primary_key:
        key_columns = ", ".join(f'"{c}"' for c in table.primary_key)
        for key in table.primary_key:
            empty = connection.execute(f'select min(rowid) from {relation} where "{key}" is null').fetchone()[0]
            if empty is not None:
                raise InputError(f"{path}: {unit} {empty + first_line}: column '{key}' is empty, but it identifies the record")
        duplicate = connection.execute(
            f"select {key_columns}, list(rowid order by rowid) from {relation} "
            f"group by {key_columns} having count(*) > 1 order by min(rowid) limit 1"
        ).fetchone()
        if duplicate:
            key_text = ", ".join(f"{name} = {value}" for name, value in zip(table.primary_key, duplicate[:-1]))
            lines = [str(rowid + first_line) for rowid in duplicate[-1]]
            raise InputError(
                f"{path}: {unit}s {' and '.join(lines[:2])}{' and more' if len(lines) > 2 else ''}: "
                f"the same key ({key_text}) appears twice; each record must be listed once"
            )
    for column in table.columns:
        width = _fixed_code_width(column)
        if width is None or width < 2:
            continue
        name = f'"{column.name}"'
        short, padded, first = connection.execute(
            f"select count(*) filter (where regexp_full_match({name}, '[0-9]{{1,{width - 1}}}')), "
            f"count(*) filter (where regexp_full_match({name}, '0[0-9]{{{width - 1}}}')), "
            f"min(rowid) filter (where regexp_full_match({name}, '[0-9]{{1,{width - 1}}}')) from {relation}"
        ).fetchone()
        if short and not padded:
            # Not one value kept its leading zero: the whole column went through a spreadsheet. Every record of the
            # table would be read with another code, so the run stops instead of listing each one.
            value = connection.execute(f"select {name} from {relation} where rowid = ?", [first]).fetchone()[0]
            raise InputError(
                f"{path}: {unit} {first + first_line}: column '{column.name}': code '{value}' lost its leading zero, "
                f"and so did the whole column ({short} values; codes are text of {width} digits, e.g. "
                f"'{value.zfill(width)}'); was the file saved from a spreadsheet? Export it again as text"
            )
        # A single code of the wrong width is the district's data, not a broken file: it is listed
        # (CORE-INPUT-CODE-WIDTH) and the run goes on, so the state rule that reports it (e.g. LEAD Warning 8
        # "Invalid Course Code") can report it.
        connection.execute(
            f"insert into raw.{CODE_ISSUES_TABLE} select '{table.name}', '{sql_text(path)}', rowid + {first_line}, "
            f"'{unit}', '{column.name}', {name}, {width} from {relation} "
            f"where regexp_full_match({name}, '[0-9]+') and length({name}) <> {width}"
        )


def sample_dir(state: str) -> Path:
    """The bundled sample district of a state: the generator's files, named `<state>__<table>.csv`."""
    return PROJECT_ROOT / "seeds" / f"sample_{state}"


def sample_prefix(state: str) -> str:
    return f"{state}__"


def load_sample(database: Path, state: str) -> list[LoadedTable]:
    """Load the bundled sample district into raw.<table> the way a district's --data-dir is loaded (same types, same
    checks), not through `dbt seed`: a sample run then takes the path a real run takes, and the loader's single
    DuckDB read per file costs a fraction of a dbt seed command's start-up and per-seed work."""
    return load_district(database, sample_dir(state), state, prefix=sample_prefix(state))


def load_district(database: Path, data_dir: Path, state: str, problems_dir: Path | None = None,
                  prefix: str = "") -> list[LoadedTable]:
    """Load every contract table the state needs from data_dir (files `<prefix><table>.csv` or `.parquet`) into
    raw.<table>. Raises InputError on bad input."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise InputError(f"{data_dir}: not a folder; --data-dir needs a folder with one CSV or Parquet file per table")
    tables = tables_for_state(state)
    missing = [t.name for t in tables if not t.optional and find_table_file(data_dir, t.name, prefix) is None]
    if missing:
        raise InputError(
            f"{data_dir / (prefix + missing[0] + '.csv')}: missing file; the {state.upper()} extracts need table "
            f"'{missing[0]}'"
            + (f" (also missing: {', '.join(missing[1:])})" if len(missing) > 1 else "")
        )
    database.parent.mkdir(parents=True, exist_ok=True)
    loaded: list[LoadedTable] = []
    connection = duckdb.connect(str(database), config=duckdb_settings())
    try:
        connection.execute("create schema if not exists raw")
        connection.execute(
            f"create or replace table raw.{CODE_ISSUES_TABLE} (table_name varchar, file varchar, line bigint, "
            "unit varchar, column_name varchar, value varchar, expected_width integer)"
        )
        for table in tables:
            path = find_table_file(data_dir, table.name, prefix)
            if path is None:
                # An optional file left out: an empty table with the contract's types (replacing any earlier load's,
                # which would be read as this district's data); the rules that need it say 'Not checked'.
                columns = ", ".join(f'"{c.name}" {c.data_type}' for c in table.columns)
                connection.execute(f'create or replace table raw."{table.name}" ({columns})')
                loaded.append(LoadedTable(table.name, data_dir / f"{prefix}{table.name}.csv", 0))
                continue
            problems_out = (problems_dir or database.parent) / f"load_problems_{table.name}.csv"
            if path.suffix == ".parquet":
                rows = _load_parquet(connection, path, table)
                _check_keys_and_codes(connection, path, table, first_line=1, unit="row")
            else:
                rows = _load_csv(connection, path, table, problems_out, database.parent)
                # One line per record: a quoted line break inside a value shifts later line numbers by one.
                _check_keys_and_codes(connection, path, table, first_line=2, unit="line")
            loaded.append(LoadedTable(table.name, path, rows))
    finally:
        connection.close()
    return loaded

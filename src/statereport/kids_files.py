"""Kansas KIDS Collection Extract files: State Format (tab-delimited, TH/TT), and the CSV, HTML and XML review formats.

Spec: seed 004 (IC "KIDS Collection Extracts": Format, Records Limit Per File, File Revision Number, Report Header,
Report Footer) and specs/ks_kids_extracts.md §4 and Gaps 9-13. The writers read the KIDS marts
(`models/marts/ks_kids/ks_kids__<type>`: 77 text columns D1..D77, each `meta.header` = the IC field name) and never
derive or reformat a field: dates and numbers are formatted once, in the marts. The writers only guard the layout.

Decisions where the spec is silent or inconsistent, each with a rule id (the README's "Kansas KIDS files" sums them up):

KIDS-FILE-HEADER (TH): `TH`, Extract Date, Extract Time, Transmission ID, Version, Delimiter Character, in that order
    (seed "Report Header"). Extract Date is MM/DD/YYYY: IC's text says "MM/DD/YY" but gives the field 10 bytes, which is
    exactly MM/DD/YYYY (spec 4.1); the data-field dates follow var kids_date_format instead (default MMDDYYYY, Gap 9). Extract Time is HH:MM:SS. Both come from
    var('generated_at'), never the wall clock. Delimiter Character is the literal text `0X09`.
KIDS-FILE-VERSION: H5 is var('kids_file_version'), default `18.0` (IC: "always 18.0"; PowerSchool documents 19.0, Gap 13).
KIDS-FILE-TRANSMISSION-ID: H4 = T2, at most 10 characters. var('kids_transmission_id') when set (then used for every
    file of the run); otherwise 10 digits derived from a SHA-256 of the run's vars (state, run date, generated_at,
    every kids_* var, ...), the file name and the part number: same vars => same id, and a resubmission (new
    revision) or another part gets another id.
KIDS-FILE-FOOTER (TT): `TT`, Transmission ID (= H4), Number of Records = detail records + 2 (TH and TT included).
KIDS-FILE-DETAIL: D1..D77 in field order, every field always present (77 tab-separated fields), no padding (the spec's
    widths are maximum lengths, Gap 10), UTF-8 without byte-order mark, every record ending CRLF (Gap 10: KSDE's
    upload is a Windows web application; CRLF is what a district's Windows tools produce and read).
KIDS-FILE-LAYOUT-CLEAN: a value containing a tab, line feed, carriage return or any other control character (or the
    Unicode line separators U+0085, U+2028, U+2029) would break the tab-delimited layout (or the XML). Each run of such
    characters is replaced by one space, in every format alike (so the review files show what is submitted), and
    every cleaned value gets a row in `kids_file_warnings.csv` beside the files (file, record number, D11 student
    identifier, D13 state student identifier, field, problem; never the value itself, which may be a name), and a
    warning line in the run output. Nothing is cleaned silently.
KIDS-FILE-REVISION: the State Format file name is `<file_name>_R<revision, 2 digits>.txt` (or `.zip`), revision =
    var('kids_file_revision') (default 1): KSDE accepts a file name once, so each resubmission raises the revision and
    gets a new name (Gap 11: IC's own pattern is not documented). The review formats (CSV/HTML/XML) are not submitted
    and keep `<file_name>.<format>`.
KIDS-FILE-RECORDS-LIMIT: var('kids_records_limit'), default 0 = no limit. When it is LESS than the number of detail
    records, the State Format output is one `.zip` of tab-delimited parts `<name>_R<rev>_P<n>.txt` with at most that
    many detail records each (the count never includes TH/TT). Every part is a complete State Format file with its own
    TH and TT, its own transmission id and its own count (detail records of that part + 2) (Gap 11): KSDE checks the
    TH/TT pair and the count of each file it reads, so a part without them would be rejected. Zip entries carry the
    generated_at timestamp and fixed attributes, so the zip is byte-reproducible.
KIDS-FILE-QERY-ALONE: QERY records are never written in a file with another record type (seed: "QERY records cannot
    be included in a batch file with other record types"); a relation mixing them stops the export.
KIDS-FILE-SSN: var('kids_output_ssn_last4'), default false: a mart column whose YAML meta has `kids_ssn_last4: true`
    is written blank in every format unless the option is on (IC's "Social Security Number Optional" checkbox, marked
    by default here). Which D-field carries the SSN digits is not documented (Gap 4), so no KIDS mart column carries
    the flag today and the option has no effect until one does.
KIDS-FILE-XML: review XML is `<KIDS_Data>` with one `<KIDS_Record>` per detail record and one child element per field
    in D1..D77 order (root and record names follow KSDE's own XML, spec §4.2; IC's element names are unknown, Gap 12).
    Element names come from the headers by `xml_element_name`: letters and digits kept (accents dropped), every other
    run of characters becomes `_` (`State History/Gov Assessment` -> `State_History_Gov_Assessment`); a name that would
    start with a digit or `xml` gets a leading `_`; a repeated name gets `_D<field number>`. Values are escaped by the
    standard library (xml.etree); an empty value is an empty element.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple
from xml.sax import saxutils

import duckdb

from statereport import kids_readback
from statereport.settings import RunSettings, project_default
from statereport.writers import (
    ExportError,
    replace_atomically,
    html_left_out_note,
    html_page_too_long,
    write_bytes_atomically,
    write_csv,
    write_framed_lines,
    write_html,
)

FIELD_COUNT = 77
FIELD_SEPARATOR = "\t"
RECORD_TERMINATOR = "\r\n"
ENCODING = "utf-8"
HEADER_DATE_FORMAT = "%m/%d/%Y"
HEADER_TIME_FORMAT = "%H:%M:%S"
DELIMITER_CHARACTER = "0X09"
HEADER_FIELD_MAX = 10  # bytes of H4 Transmission ID, H5 Version and T2 (seed "Report Header/Footer")
STUDENT_IDENTIFIER_FIELD = 11  # D11 Student Identifier (local)
STATE_STUDENT_IDENTIFIER_FIELD = 13  # D13 State Student Identifier
WARNINGS_FILE = "kids_file_warnings.csv"
WARNING_COLUMNS = (
    "rule_id", "file_name", "record_type", "record_number", "student_identifier", "state_student_identifier",
    "field", "field_name", "problem", "action",
)

# One definition of "breaks the layout": as an RE2 pattern it cleans the records once in DuckDB (every format is
# written from those cleaned records); the Python pattern checks header options and describes a cleaned value.
_LAYOUT_BREAKING = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]+")
_LAYOUT_BREAKING_RE2 = r"[\x00-\x1f\x7f\x{85}\x{2028}\x{2029}]+"
_CHARACTER_NAMES = {"\t": "tab", "\n": "line feed", "\r": "carriage return"}
_GENERATED_AT_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


class KidsFileError(ExportError):
    """A KIDS file cannot be written as the spec requires (bad option, wrong layout, QERY mixed with others)."""


class KidsColumn(NamedTuple):
    """One mart column: its name, its header (the IC field name) and whether it carries SSN digits."""

    name: str
    header: str
    ssn_last4: bool = False


# Vars left out of the KIDS run fingerprint (default transmission ids): kids_transmission_id is the id itself,
# export_html_max_rows only decides which HTML pages are written, review_table_max_cells how much of each table the
# review page holds, and lead_state_grades is the Kentucky KECS grade list, which no KIDS record reads. Any other var
# may change a record, so it changes the ids.
NOT_FINGERPRINTED = frozenset({"kids_transmission_id", "export_html_max_rows", "review_table_max_cells",
                               "lead_state_grades"})


@dataclass(frozen=True)
class KidsFileOptions:
    """The extract editor's file options. Build them once per run from the run's settings with `from_vars` (the
    defaults are dbt_project.yml's, never restated here)."""

    generated_at: datetime
    file_version: str
    transmission_id: str | None
    file_revision: int
    records_limit: int
    output_ssn_last4: bool
    run_fingerprint: str

    def __post_init__(self) -> None:
        _check_header_text("kids_file_version", self.file_version)
        if self.transmission_id is not None:
            _check_header_text("kids_transmission_id", self.transmission_id)
        if isinstance(self.file_revision, bool) or not isinstance(self.file_revision, int) or self.file_revision < 1:
            raise KidsFileError(f"kids_file_revision must be a whole number from 1 up, not {self.file_revision!r}")
        if isinstance(self.records_limit, bool) or not isinstance(self.records_limit, int) or self.records_limit < 0:
            raise KidsFileError(f"kids_records_limit must be 0 (no limit) or a whole number, not {self.records_limit!r}")

    @classmethod
    def from_vars(cls, run_vars: Mapping) -> KidsFileOptions:
        """Reads generated_at and the kids_* vars of the run's settings (a plain mapping is taken as overrides of the
        project's vars); the fingerprint (for default transmission ids) is every var but those in
        NOT_FINGERPRINTED, so the same vars always give the same ids."""
        settings = RunSettings.of(run_vars)
        transmission_id = settings["kids_transmission_id"]
        fingerprint = {key: value for key, value in settings.items() if key not in NOT_FINGERPRINTED}
        return cls(
            generated_at=parse_generated_at(settings["generated_at"]),
            file_version=str(settings["kids_file_version"]),
            transmission_id=None if transmission_id in (None, "") else str(transmission_id),
            file_revision=_whole_number("kids_file_revision", settings["kids_file_revision"]),
            records_limit=_whole_number("kids_records_limit", settings["kids_records_limit"]),
            output_ssn_last4=_flag(settings["kids_output_ssn_last4"]),
            run_fingerprint=json.dumps(fingerprint, sort_keys=True, default=str),
        )


@dataclass
class KidsExtract:
    """One extract read from the mart: its detail records sit cleaned, numbered in file order, in the connection's
    temporary view `kids_records` (columns record_number, v1..v77) until the next extract is read. The view yields
    them in file order without an ORDER BY (they are stored in it), so the writers never sort them again."""

    file_name: str
    columns: list[KidsColumn]
    record_count: int
    warnings: list[dict] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


@dataclass
class KidsWritten:
    """What `write_kids_extract` wrote: the files (path, format) and the cleaning warnings."""

    files: list[tuple[Path, str]]
    rows: int
    warnings: list[dict]
    notes: list[str] = field(default_factory=list)  # formats left out (the HTML page above its row limit)


def parse_generated_at(value) -> datetime:
    if isinstance(value, datetime):
        return value
    text = str(value or "").strip()
    for pattern in _GENERATED_AT_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise KidsFileError(f"generated_at must look like YYYY-MM-DD HH:MM:SS, not {value!r}")


def _whole_number(name: str, value) -> int:
    """A whole-number var; null or an empty text means its dbt_project.yml default."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return int(project_default(name))
    try:
        number = int(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise KidsFileError(f"{name} must be a whole number, not {value!r}") from None
    if number != value and not isinstance(value, str):
        raise KidsFileError(f"{name} must be a whole number, not {value!r}")
    return number


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _check_header_text(name: str, value: str) -> None:
    if not value or len(value.encode(ENCODING)) > HEADER_FIELD_MAX or _LAYOUT_BREAKING.search(value) \
            or value != value.strip():
        raise KidsFileError(
            f"{name} must be 1 to {HEADER_FIELD_MAX} bytes without tabs, line breaks or surrounding spaces, "
            f"not {value!r}"
        )


def clean_value(value: str) -> str:
    """KIDS-FILE-LAYOUT-CLEAN: each run of layout-breaking characters becomes one space."""
    return _LAYOUT_BREAKING.sub(" ", value)


def _describe_breaking(value: str) -> str:
    found: list[str] = []
    for character in value:
        if _LAYOUT_BREAKING.fullmatch(character):
            name = _CHARACTER_NAMES.get(character, f"control character U+{ord(character):04X}")
            if name not in found:
                found.append(name)
    return ", ".join(found)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _order_clause(columns: list[KidsColumn], order_by: str | None) -> str:
    """The mart's documented order, then every column as a tie-breaker: ties would otherwise come out in whatever
    order DuckDB's threads finish, and the files must be byte-identical from run to run."""
    keys = ([order_by] if order_by else []) + [_quote(column.name) for column in columns]
    return " order by " + ", ".join(keys)


def _raw_value(column: KidsColumn, blank: bool) -> str:
    """A field's value as the files carry it before cleaning: '' for NULL, and for an SSN column left out."""
    return "''" if blank else f"coalesce({_quote(column.name)}, '')"


def _check_layout(connection: duckdb.DuckDBPyConnection, relation: str, columns: list[KidsColumn]) -> None:
    if len(columns) != FIELD_COUNT:
        raise KidsFileError(f"{relation}: a KIDS extract has exactly {FIELD_COUNT} fields D1-D77, this one has {len(columns)}")
    described = connection.execute(f"select * from {relation} limit 0").description
    types = {name: str(kind) for name, kind, *_ in described}
    for position, column in enumerate(columns, start=1):
        if column.name not in types:
            raise KidsFileError(f"{relation}: documented column {column.name!r} (D{position}) is not in the relation")
        if types[column.name].upper() not in ("VARCHAR", "STRING"):
            raise KidsFileError(
                f"{relation}: column {column.name!r} (D{position}) is {types[column.name]}; KIDS marts format every "
                "value as text (dates in kids_date_format) and the file writers never reformat"
            )


def _cleaned(expression: str) -> str:
    return f"regexp_replace({expression}, '{_LAYOUT_BREAKING_RE2}', ' ', 'g')"


def read_extract(
    connection: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list,
    options: KidsFileOptions,
    *,
    file_name: str,
    order_by: str | None = None,
) -> KidsExtract:
    """Reads the mart once into a temporary table of its 77 text columns in file order (numbered records, SSN columns
    blanked unless asked, layout-breaking characters cleaned), records one warning per cleaned value and stops when
    QERY is mixed with other record types. The records stay in DuckDB: the writers stream them with COPY."""
    columns = [KidsColumn(*column) for column in columns]
    _check_layout(connection, relation, columns)
    blanked = [column.ssn_last4 and not options.output_ssn_last4 for column in columns]
    raw_values = [_raw_value(column, blank) for column, blank in zip(columns, blanked)]
    raw = ", ".join(f"{value} as v{position}" for position, value in enumerate(raw_values, start=1))
    values = ", ".join(f"v{position}" for position in range(1, len(columns) + 1))
    # Layout-breaking characters are rare: one test of the whole record finds the records that need cleaning, and
    # only their values are cleaned and listed (77 regular-expression passes per record otherwise).
    # The records are stored in file order (an ORDER BY into a new table: DuckDB keeps insertion order), so a
    # record's number is its row position (rowid + 1) and every writer reads them in order without sorting again.
    # Numbering them with row_number() over the same order took 2.6 s of a 715,871-record extract, the stored sort
    # 1.6 s, and each writer's own ORDER BY another sort of all 77 columns.
    connection.execute(
        f"create or replace temp table kids_raw_records as select {raw}, regexp_matches(concat("
        f"{', '.join(raw_values)}), '{_LAYOUT_BREAKING_RE2}') as needs_cleaning "
        f"from {relation}{_order_clause(columns, order_by)}"
    )
    record_count, to_clean = connection.execute(
        "select count(*), count(*) filter (where needs_cleaning) from kids_raw_records"
    ).fetchone()
    # kids_records is a view: over the records as read when none needs cleaning (the usual case: no second copy of
    # 77 columns of every record), else over a copy with the few records that need it cleaned.
    if to_clean:
        cleaned = ", ".join(
            f"case when needs_cleaning then {_cleaned(f'v{position}')} else v{position} end as v{position}"
            for position in range(1, len(columns) + 1)
        )
        connection.execute(
            "create or replace temp table kids_cleaned_records as select rowid + 1 as record_number, "
            f"{cleaned} from kids_raw_records"
        )
        connection.execute(f"create or replace temp view kids_records as select record_number, {values} from "
                           "kids_cleaned_records")
    else:
        connection.execute(f"create or replace temp view kids_records as select rowid + 1 as record_number, {values} "
                           "from kids_raw_records")
    record_types = [row[0] for row in connection.execute("select distinct v1 from kids_records order by v1").fetchall()]
    if "QERY" in record_types and len(record_types) > 1:
        raise KidsFileError(
            f"{file_name}: QERY records cannot be in a file with other record types (found {', '.join(record_types)})"
        )
    extract = KidsExtract(file_name, columns, record_count)
    if not to_clean:
        return extract
    flagged = " union all ".join(
        f"select rowid + 1 as record_number, {position} as position, v{position} as value from kids_raw_records "
        f"where needs_cleaning and regexp_matches(v{position}, '{_LAYOUT_BREAKING_RE2}')"
        for position in range(1, len(columns) + 1)
    )
    identifiers = f"v1, v{STUDENT_IDENTIFIER_FIELD}, v{STATE_STUDENT_IDENTIFIER_FIELD}"
    found = connection.execute(
        f"select flagged.record_number, flagged.position, flagged.value, {identifiers} from ({flagged}) as flagged "
        "inner join kids_records using (record_number) order by flagged.record_number, flagged.position"
    ).fetchall()
    for record_number, position, value, record_type, student_identifier, state_identifier in found:
        extract.warnings.append({
            "rule_id": "KIDS-FILE-LAYOUT-CLEAN",
            "file_name": file_name,
            "record_type": record_type,
            "record_number": record_number,
            "student_identifier": student_identifier,
            "state_student_identifier": state_identifier,
            "field": f"D{position}",
            "field_name": columns[position - 1].header,
            "problem": f"value contained {_describe_breaking(value)}",
            "action": "each run replaced by one space in every format; fix the value in the SIS",
        })
    return extract


def _review_rows_query(extract: KidsExtract) -> str:
    """The CSV and HTML review files: the records exactly as the State Format carries them (same cleaning, SSN
    blanking and order), under the IC field names, read from `kids_records` rather than from the mart again."""
    headers = ", ".join(f"v{position} as {_quote(column.header)}" for position, column in enumerate(extract.columns, 1))
    return f"select {headers} from kids_records"  # in file order as stored (read_extract)


def transmission_id(options: KidsFileOptions, file_base: str, part: int) -> str:
    """KIDS-FILE-TRANSMISSION-ID: the option when set, else 10 digits from the run's vars, the file and the part."""
    if options.transmission_id is not None:
        return options.transmission_id
    digest = hashlib.sha256(f"{options.run_fingerprint}|{file_base}|{part}".encode()).hexdigest()
    return f"{int(digest, 16) % 10**HEADER_FIELD_MAX:0{HEADER_FIELD_MAX}d}"


def _header_line(options: KidsFileOptions, transmission: str) -> str:
    return FIELD_SEPARATOR.join([
        "TH",
        options.generated_at.strftime(HEADER_DATE_FORMAT),
        options.generated_at.strftime(HEADER_TIME_FORMAT),
        transmission,
        options.file_version,
        DELIMITER_CHARACTER,
    ]) + RECORD_TERMINATOR


def _footer_line(transmission: str, detail_records: int) -> str:
    return FIELD_SEPARATOR.join(["TT", transmission, str(detail_records + 2)]) + RECORD_TERMINATOR


def _state_format_file(connection: duckdb.DuckDBPyConnection, extract: KidsExtract, options: KidsFileOptions,
                       transmission: str, first: int, last: int, path: Path) -> None:
    """One State Format file of records first..last: TH, the detail records, TT (count includes TH and TT)."""
    fields = "concat_ws(chr(9), " + ", ".join(f"v{position}" for position in range(1, len(extract.columns) + 1)) + ")"
    detail_records = max(0, min(last, extract.record_count) - first + 1)
    # COPY ends each line with LF: the CR before it makes the CRLF record terminator.
    write_framed_lines(
        connection,
        f"select concat({fields}, chr(13)) from kids_records where record_number between {first} and {last}",
        path, _header_line(options, transmission), _footer_line(transmission, detail_records),
    )


def state_file_base(file_name: str, options: KidsFileOptions) -> str:
    """KIDS-FILE-REVISION: the submitted file's name without extension."""
    return f"{file_name}_R{options.file_revision:02d}"


def write_state_format(connection: duckdb.DuckDBPyConnection, extract: KidsExtract, out_dir: Path,
                       options: KidsFileOptions, finish: Callable[[Callable[[], None]], object] | None = None) -> Path:
    """Writes `<name>_R<rev>.txt`, or `<name>_R<rev>.zip` of parts when the records limit is below the record count.
    Removes the other variant of the same name left by an earlier run, so the folder never holds both.
    The read-back check (KIDS-FILE-READBACK) and putting the checked file in place are one step, done before this
    returns, or handed to `finish` (write_kids_extract runs it in a thread while DuckDB writes the next format: the
    check is Python reading the file, DuckDB's writing leaves the interpreter free). Until that step has run, the
    returned path holds no new file."""
    base = state_file_base(extract.file_name, options)
    single, archive = out_dir / f"{base}.txt", out_dir / f"{base}.zip"
    limit = options.records_limit
    if limit and limit < extract.record_count:
        starts = list(range(1, extract.record_count + 1, limit))
        width = max(2, len(str(len(starts))))
        members = []
        try:
            for number, first in enumerate(starts, start=1):
                member = out_dir / f".{base}_P{number:0{width}d}.txt.part"
                _state_format_file(connection, extract, options, transmission_id(options, base, number), first,
                                   first + limit - 1, member)
                members.append((f"{base}_P{number:0{width}d}.txt", member))
            write_bytes_atomically(archive, _zip_bytes(members, options.generated_at))
        finally:
            for _, member in members:
                member.unlink(missing_ok=True)

        def check_and_place() -> None:
            _read_back(archive, archive.name, single)
            single.unlink(missing_ok=True)
        written = archive
    else:
        temporary = out_dir / f".{single.name}.partial"
        _state_format_file(connection, extract, options, transmission_id(options, base, 1), 1,
                           extract.record_count, temporary)
        os.chmod(temporary, 0o600)

        def check_and_place() -> None:
            _read_back(temporary, single.name, single, archive)
            os.replace(temporary, single)
            archive.unlink(missing_ok=True)
        written = single
    if finish is None:
        check_and_place()
    else:
        finish(check_and_place)
    return written


def _read_back(path: Path, name: str, *also_remove: Path) -> None:
    """KIDS-FILE-READBACK (statereport.kids_readback): the file as written on disk, checked as KSDE checks a file;
    a failing file, and any earlier file of the same name, is removed, so none is ever left in place."""
    try:
        kids_readback.check_file(path, name)
    except kids_readback.ReadbackError as error:
        for stale in (path, *also_remove):
            stale.unlink(missing_ok=True)
        raise KidsFileError(str(error)) from None


def _zip_bytes(members: list[tuple[str, Path]], stamp: datetime) -> bytes:
    """A zip whose bytes depend only on its members and the stamp: fixed entry time, system and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, member in members:
            info = zipfile.ZipInfo(name, date_time=(max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour,
                                                    stamp.minute, stamp.second))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.read_bytes(), compresslevel=6)
    return buffer.getvalue()


def xml_element_name(header: str, position: int) -> str:
    """KIDS-FILE-XML: a well-formed element name for a field header (see the module notes)."""
    ascii_text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode("ascii")
    name = re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_") or f"D{position}"
    if name[0].isdigit() or name.lower().startswith("xml"):
        name = f"_{name}"
    return name


def xml_element_names(headers: list[str]) -> list[str]:
    names: list[str] = []
    for position, header in enumerate(headers, start=1):
        name = xml_element_name(header, position)
        names.append(f"{name}_D{position}" if name in names else name)
    return names


def _xml_text(expression: str) -> str:
    """The escaping xml.etree gives element text: &, < and >."""
    return f"replace(replace(replace({expression}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def write_xml(connection: duckdb.DuckDBPyConnection, extract: KidsExtract, path: Path) -> None:
    """The review XML, laid out as xml.etree writes and indents it (two spaces a level, an empty value as an empty
    element), its records streamed by DuckDB."""
    file_name = saxutils.quoteattr(extract.file_name, {"\n": "&#10;", "\r": "&#13;", "\t": "&#09;"})
    declaration = "<?xml version='1.0' encoding='UTF-8'?>\n"
    temporary = path.with_name(f".{path.name}.partial")
    if extract.record_count == 0:
        temporary.write_bytes(f'{declaration}<KIDS_Data file_name={file_name} records="0" />\n'.encode(ENCODING))
    else:
        # One concat() per record: a chain of || copies the growing record once per element (77 elements).
        elements = ", ".join(
            f"case when v{position} = '' then '    <{name} />' || chr(10) "
            f"else concat('    <{name}>', {_xml_text(f'v{position}')}, '</{name}>', chr(10)) end"
            for position, name in enumerate(xml_element_names(extract.headers), start=1)
        )
        head = f'{declaration}<KIDS_Data file_name={file_name} records="{extract.record_count}">\n'
        write_framed_lines(connection, f"select concat('  <KIDS_Record>', chr(10), {elements}, '  </KIDS_Record>') "
                                       "from kids_records", temporary, head, "</KIDS_Data>\n")
    replace_atomically(temporary, path)


def write_kids_extract(
    connection: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list,
    out_dir: Path,
    options: KidsFileOptions,
    *,
    file_name: str,
    formats: list[str],
    order_by: str | None = None,
    html_max_rows: int = 0,
) -> KidsWritten:
    """Writes one KIDS extract in each requested format: state, csv, html, xml. The HTML page is left out, with a
    note, when the extract has more than `html_max_rows` records (0 = no limit)."""
    unknown = sorted(set(formats) - {"state", "csv", "html", "xml"})
    if unknown:
        raise KidsFileError(f"{file_name}: unknown KIDS format(s) {', '.join(unknown)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    extract = read_extract(connection, relation, columns, options, file_name=file_name, order_by=order_by)
    files: list[tuple[Path, str]] = []
    notes: list[str] = []
    # The State Format file's read-back check runs in this thread beside the review formats' writing; all is done
    # (or its error raised, the file removed) before this returns.
    with ThreadPoolExecutor(max_workers=1) as checker:
        checks = []
        for file_format in formats:
            if file_format == "html" and html_page_too_long(extract.record_count, html_max_rows):
                notes.append(html_left_out_note(f"{file_name}.html", extract.record_count, html_max_rows))
                continue
            if file_format == "state":
                path = write_state_format(connection, extract, out_dir, options,
                                          finish=lambda step: checks.append(checker.submit(step)))
            elif file_format == "xml":
                path = out_dir / f"{file_name}.xml"
                write_xml(connection, extract, path)
            elif file_format == "csv":
                path = out_dir / f"{file_name}.csv"
                write_csv(connection, _review_rows_query(extract), path)
            else:
                path = out_dir / f"{file_name}.html"
                write_html(connection, _review_rows_query(extract), path, file_name, record_count=extract.record_count)
            files.append((path, file_format))
        for check in checks:
            check.result()
    return KidsWritten(files, extract.record_count, extract.warnings, notes)


def write_warnings(warnings: list[dict], out_dir: Path) -> Path:
    """`kids_file_warnings.csv`: one row per cleaned value, header only when there is none (so an earlier run's
    warnings never linger)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=WARNING_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(warnings)
    path = Path(out_dir) / WARNINGS_FILE
    write_bytes_atomically(path, buffer.getvalue().encode(ENCODING))
    return path


def warning_line(warning: dict) -> str:
    return (
        f"{warning['file_name']} record {warning['record_number']} (student {warning['student_identifier'] or '?'}, "
        f"state id {warning['state_student_identifier'] or '?'}) {warning['field']} {warning['field_name']}: "
        f"{warning['problem']}; replaced by a space"
    )

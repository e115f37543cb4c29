"""KIDS-FILE-READBACK: every Kansas KIDS State Format file is read back from disk after it is written and checked as
KSDE's upload checks a whole file (seed 004 "Report Header" / "Report Footer"; kids_files.py KIDS-FILE-DETAIL):

- TH is the first record and TT the last, and they carry the same transmission id (H4 = T2);
- TT's Number of Records counts every record, TH and TT included;
- the header has its 6 fields, the footer its 3, every detail record exactly 77;
- the bytes are UTF-8 without a byte-order mark, and no record holds a control character other than the tab that
  separates its fields;
- every record ends CRLF, and no lone CR or LF appears anywhere.

KSDE rejects a whole file that breaks any of these, so a file that fails is an export failure (exit 5): the writer
removes it before raising, and no such file is ever left in the output folder (kids_files.write_state_format).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

FIELD_COUNT = 77
HEADER_FIELDS = 6
FOOTER_FIELDS = 3
RECORD_TERMINATOR = b"\r\n"
FIELD_SEPARATOR = "\t"
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
# Control characters (C0, DEL, C1 and the Unicode line separators) other than the field-separating tab.
_NOT_ALLOWED = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
# The same, less CR and LF (judged by the line-end check): searched once over the whole file.
_NOT_ALLOWED_BUT_LINE_ENDS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


class ReadbackError(Exception):
    """A State Format file on disk is not what KSDE accepts; the message lists every problem found."""


def state_format_problems(data: bytes, name: str = "file") -> list[str]:
    """Every problem of one State Format file's bytes (empty when KSDE would accept the file as a file)."""
    problems: list[str] = []
    if data.startswith(BYTE_ORDER_MARK):
        problems.append(f"{name}: starts with a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return problems + [f"{name}: not UTF-8 (byte {error.start})"]
    if not data.endswith(RECORD_TERMINATOR):
        problems.append(f"{name}: the last record does not end CRLF")
    records = text.split("\r\n")
    if records and records[-1] == "":
        records.pop()
    # Whole-file tests first (C speed: a statewide file has 700,000 records); the record-by-record search that names
    # each bad record runs only when one of them finds something.
    crlf = text.count("\r\n")
    if text.count("\r") != crlf or text.count("\n") != crlf or _NOT_ALLOWED_BUT_LINE_ENDS.search(text):
        for number, record in enumerate(records, start=1):
            if "\r" in record or "\n" in record:
                problems.append(f"{name}: record {number} holds a line end that is not CRLF")
            if _NOT_ALLOWED.search(record.replace("\r", "").replace("\n", "")):
                problems.append(f"{name}: record {number} holds a control character other than the tab separator")
    if len(records) < 2:
        return problems + [f"{name}: {len(records)} record(s); a file needs at least TH and TT"]
    header = records[0].split(FIELD_SEPARATOR)
    footer = records[-1].split(FIELD_SEPARATOR)
    if header[0] != "TH":
        problems.append(f"{name}: the first record is {header[0][:4]!r}, not TH")
    elif len(header) != HEADER_FIELDS:
        problems.append(f"{name}: TH has {len(header)} fields, not {HEADER_FIELDS}")
    if footer[0] != "TT":
        problems.append(f"{name}: the last record is {footer[0][:4]!r}, not TT")
    elif len(footer) != FOOTER_FIELDS:
        problems.append(f"{name}: TT has {len(footer)} fields, not {FOOTER_FIELDS}")
    else:
        if header[0] == "TH" and len(header) > 3 and header[3] != footer[1]:
            problems.append(f"{name}: TT transmission id {footer[1]!r} differs from TH's {header[3]!r}")
        if footer[2] != str(len(records)):
            problems.append(f"{name}: TT counts {footer[2]!r} records, the file has {len(records)} (TH and TT included)")
    details = records[1:-1]
    if all(record.count(FIELD_SEPARATOR) == FIELD_COUNT - 1 and not record.startswith(("TH\t", "TT\t"))
           for record in details):
        return problems
    for number, record in enumerate(details, start=2):
        fields = record.split(FIELD_SEPARATOR)
        if fields[0] in ("TH", "TT"):
            problems.append(f"{name}: record {number} is a {fields[0]} inside the file")
        elif len(fields) != FIELD_COUNT:
            problems.append(f"{name}: record {number} has {len(fields)} fields, not {FIELD_COUNT}")
    return problems


def check_file(path: Path, name: str | None = None) -> None:
    """Reads a written State Format file (`name`, default the path's name: a `.txt`, or a `.zip` whose every part is
    checked) from disk; raises ReadbackError listing the problems. The caller removes the file."""
    path = Path(path)
    name = name or path.name
    data = path.read_bytes()
    problems: list[str] = []
    if name.endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in sorted(archive.namelist()):
                    problems += state_format_problems(archive.read(member), f"{name}:{member}")
        except zipfile.BadZipFile:
            problems.append(f"{name}: not a readable zip")
    else:
        problems = state_format_problems(data, name)
    if problems:
        shown = problems[:10] + ([f"... and {len(problems) - 10} more"] if len(problems) > 10 else [])
        raise ReadbackError("KIDS-FILE-READBACK: " + "; ".join(shown))

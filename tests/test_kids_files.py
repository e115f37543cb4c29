"""Kansas KIDS file writers (src/statereport/kids_files.py): State Format TH/detail/TT, records-limit zips, revision
naming, layout cleaning, XML, reproducibility. Unit tests use a synthetic 77-column relation in a temporary DuckDB
file; the sample-district tests read the files `statereport run` wrote for the KIDS marts."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import duckdb
import pytest
import yaml

from statereport import kids_files
from statereport.exports import export_models
from statereport.kids_files import KidsFileError, KidsFileOptions

REPO_ROOT = Path(__file__).resolve().parents[1]

# IC field names (seed 004 default table; spec §5), D21/D29/D30/D57/D58 unnamed there.
HEADERS = [
    "Record Type", "Accountability School Identifier", "Resident District", "Legal Last Name", "Legal First Name",
    "Legal Middle Name", "Suffix", "Gender", "Date of Birth", "Grade", "Student Identifier", "Hispanic Ethnicity",
    "State Student Identifier", "School Year", "Funding School", "Attendance School", "Virtual Education Student",
    "School Entry Date", "District Entry Date", "State Entry Date", "D21", "Membership Days", "Attended Days",
    "Truant Student", "Minutes Enrolled", "Concurrent HS Enrollment", "Exit Withdrawal Date", "Exit Withdrawal Type",
    "D29", "D30", "Special Circumstance Transfer Choice", "Post Graduation Plans", "Comprehensive Race",
    "Lunch Program", "Primary Disability", "Gifted Student Code", "Section 504", "Resident of Homeless",
    "ESOL Entry date", "Date Entered US", "First Language", "ESOL Participation", "ESOL/Bilingual Program Ending Date",
    "ESOL Contact Minutes", "Career Tech Ed Contact Minutes", "Title 1 Participation", "Miles Transported",
    "Transportation FTE", "Transportation Street Address", "Transportation City", "Transportation Zip",
    "Non-Resident Transportation", "Child of Military Family", "Immigrant Student", "Country Of Birth",
    "Neglected Student", "D57", "D58", "Math Grouping Indicator 1", "Math Grouping Indicator 2",
    "English Language Arts ELA Grouping Indicator 1", "English Language Arts ELA Grouping Indicator 2",
    "Science Grouping Indicator 1", "Science Grouping Indicator 2", "Comprehensive Agriculture Grouping Indicator",
    "Animal Systems Grouping Indicator", "Plant Systems Grouping Indicator", "KELPA2 Grouping Indicator 1",
    "KELPA2 Grouping Indicator 2", "State Mathematics Assessment", "State English Language Arts ELA Assessment",
    "State Science Assessment", "State History/Gov Assessment", "Comprehensive Agriculture Assessment",
    "Animal Systems Assessment", "Plant Systems Assessment", "Kansas English Proficiency Assessment",
]
assert len(HEADERS) == 77
COLUMNS = [(f"d{position:02d}", header) for position, header in enumerate(HEADERS, start=1)]
GENERATED = datetime(2025, 5, 15, 8, 0, 0)


def record(number: int, record_type: str = "ENRL", **fields: str) -> list[str]:
    """A detail record: D1 the type, names and ids from the number, the rest blank or zero like the marts."""
    values = ["" for _ in range(77)]
    values[0] = record_type
    values[1] = "0123"
    values[3] = f"Last{number:03d}"
    values[4] = f"First{number:03d}"
    values[8] = "09/01/2012"
    values[10] = f"L{number:05d}"
    values[12] = f"{1000000000 + number}"
    values[16] = "0"
    for key, value in fields.items():
        values[int(key[1:]) - 1] = value
    return values


@pytest.fixture
def synthetic(tmp_path):
    """A factory: rows -> (connection, relation) in a temporary DuckDB file, 77 text columns d01..d77."""
    connections = []

    def build(rows: list[list[str | None]], types: dict[str, str] | None = None):
        (tmp_path / "db").mkdir(exist_ok=True)
        connection = duckdb.connect(str(tmp_path / "db" / f"synthetic_{len(connections)}.duckdb"))
        connections.append(connection)
        definitions = ", ".join(f"{name} {(types or {}).get(name, 'varchar')}" for name, _ in COLUMNS)
        connection.execute(f"create schema marts; create table marts.kids_synthetic ({definitions})")
        if rows:
            placeholders = ", ".join("?" for _ in COLUMNS)
            connection.executemany(f"insert into marts.kids_synthetic values ({placeholders})", rows)
        return connection, '"marts"."kids_synthetic"'

    yield build
    for connection in connections:
        connection.close()


def options(**overrides) -> KidsFileOptions:
    """The project's default file options (dbt_project.yml), with a fixed stamp and fingerprint."""
    values = {"generated_at": GENERATED, "run_fingerprint": '{"state": "ks"}', **overrides}
    return replace(KidsFileOptions.from_vars({"state": "ks"}), **values)


def parse_state_format(data: bytes) -> tuple[list[str], list[list[str]], list[str]]:
    """Parses one State Format file strictly: CRLF records, TH first, TT last, tab-separated, count and ids agree."""
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff"), "no byte-order mark"
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in lines)
    records = [line.split("\t") for line in lines]
    header, details, footer = records[0], records[1:-1], records[-1]
    assert header[0] == "TH" and len(header) == 6
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", header[1]) and re.fullmatch(r"\d\d:\d\d:\d\d", header[2])
    assert 1 <= len(header[3]) <= 10 and 1 <= len(header[4]) <= 10 and header[5] == "0X09"
    assert footer[0] == "TT" and len(footer) == 3
    assert footer[1] == header[3], "TT transmission id equals TH's"
    assert footer[2] == str(len(records)), "TT count includes TH and TT"
    assert all(len(detail) == 77 for detail in details), "exactly 77 fields per detail record"
    return header, details, footer


def state_files(out_dir: Path) -> dict[str, list[tuple[list[str], list[list[str]], list[str]]]]:
    """Every State Format file in a folder, zips opened: name -> parsed parts in order."""
    parsed = {}
    for path in sorted(out_dir.glob("*_R[0-9]*.txt")):
        parsed[path.name] = [parse_state_format(path.read_bytes())]
    for path in sorted(out_dir.glob("*_R[0-9]*.zip")):
        with zipfile.ZipFile(path) as archive:
            parsed[path.name] = [parse_state_format(archive.read(name)) for name in sorted(archive.namelist())]
    return parsed


def write(connection, relation, out_dir, opts=None, formats=("state", "csv", "html", "xml"), file_name="KIDS_TEST_X",
          order_by="d04, d05", columns=COLUMNS):
    return kids_files.write_kids_extract(connection, relation, list(columns), out_dir, opts or options(),
                                         file_name=file_name, formats=list(formats), order_by=order_by)


# --- KIDS-FILE-HEADER, KIDS-FILE-FOOTER, KIDS-FILE-DETAIL ---------------------------------------------------------

def test_state_format_header_detail_footer(synthetic, tmp_path):
    rows = [record(n) for n in (3, 1, 2)]
    connection, relation = synthetic(rows)
    result = write(connection, relation, tmp_path / "out", formats=["state"])
    assert [path.name for path, _ in result.files] == ["KIDS_TEST_X_R01.txt"]
    header, details, footer = parse_state_format((tmp_path / "out" / "KIDS_TEST_X_R01.txt").read_bytes())
    assert header[:3] == ["TH", "05/15/2025", "08:00:00"]
    assert re.fullmatch(r"\d{10}", header[3]), "default transmission id: 10 digits"
    assert header[4:] == ["18.0", "0X09"]
    assert footer == ["TT", header[3], "5"]
    assert details == [record(1), record(2), record(3)], "detail records in order_by order, values untouched"


def test_empty_extract_still_has_header_and_footer(synthetic, tmp_path):
    connection, relation = synthetic([])
    write(connection, relation, tmp_path, formats=["state"])
    header, details, footer = parse_state_format((tmp_path / "KIDS_TEST_X_R01.txt").read_bytes())
    assert details == [] and footer[2] == "2"


def test_nulls_are_blank_fields_and_values_are_not_reformatted(synthetic, tmp_path):
    row: list[str | None] = record(1, d22="0175.50", d27="06/01/2025", d47="2.4")
    row[6] = None
    connection, relation = synthetic([row])
    write(connection, relation, tmp_path, formats=["state"])
    _, details, _ = parse_state_format((tmp_path / "KIDS_TEST_X_R01.txt").read_bytes())
    assert details[0][6] == "" and details[0][21] == "0175.50" and details[0][26] == "06/01/2025"
    assert details[0][46] == "2.4"


def test_explicit_version_and_transmission_id(synthetic, tmp_path):
    connection, relation = synthetic([record(1)])
    write(connection, relation, tmp_path, opts=options(file_version="19.0", transmission_id="ABC1234567"),
          formats=["state"])
    header, _, footer = parse_state_format((tmp_path / "KIDS_TEST_X_R01.txt").read_bytes())
    assert header[3] == "ABC1234567" and header[4] == "19.0" and footer[1] == "ABC1234567"


@pytest.mark.parametrize("bad", [
    {"transmission_id": "12345678901"},  # 11 characters: H4 is 10 bytes
    {"transmission_id": "AB\tC"},
    {"transmission_id": "ÉÉÉÉÉÉ"},  # 6 characters, 12 bytes
    {"file_version": "18.0\n"},
    {"file_version": ""},
    {"file_revision": 0},
    {"records_limit": -1},
])
def test_bad_options_are_refused(bad):
    with pytest.raises(KidsFileError):
        options(**bad)


def test_options_from_vars_defaults_and_overrides():
    defaults = KidsFileOptions.from_vars({"generated_at": "2025-05-15 08:00:00", "state": "ks"})
    assert (defaults.file_version, defaults.transmission_id, defaults.file_revision, defaults.records_limit,
            defaults.output_ssn_last4) == ("18.0", None, 1, 0, False)
    chosen = KidsFileOptions.from_vars({"generated_at": "2025-09-21 13:05:09", "kids_file_version": "19.0",
                                        "kids_transmission_id": "T1", "kids_file_revision": "3",
                                        "kids_records_limit": 500, "kids_output_ssn_last4": True})
    assert (chosen.generated_at, chosen.file_version, chosen.transmission_id, chosen.file_revision,
            chosen.records_limit, chosen.output_ssn_last4) == (datetime(2025, 9, 21, 13, 5, 9), "19.0", "T1", 3, 500, True)
    with pytest.raises(KidsFileError):
        KidsFileOptions.from_vars({"generated_at": "15/05/2025"})
    with pytest.raises(KidsFileError):
        KidsFileOptions.from_vars({"generated_at": "2025-05-15 08:00:00", "kids_records_limit": "ten"})
    unset = KidsFileOptions.from_vars({"generated_at": "2025-05-15", "kids_records_limit": None, "kids_file_revision": ""})
    assert (unset.records_limit, unset.file_revision) == (0, 1)


def test_project_defaults_are_documented_vars():
    project_vars = yaml.safe_load((REPO_ROOT / "dbt_project.yml").read_text())["vars"]
    assert {"kids_file_version", "kids_transmission_id", "kids_file_revision", "kids_records_limit",
            "kids_output_ssn_last4"} <= set(project_vars)
    defaults = KidsFileOptions.from_vars(project_vars)
    assert defaults.output_ssn_last4 is False and defaults.records_limit == 0 and defaults.file_revision == 1


def test_default_transmission_id_follows_the_vars():
    base = KidsFileOptions.from_vars({"generated_at": "2025-05-15 08:00:00", "state": "ks"})
    again = KidsFileOptions.from_vars({"state": "ks", "generated_at": "2025-05-15 08:00:00"})
    later = KidsFileOptions.from_vars({"generated_at": "2025-05-16 08:00:00", "state": "ks"})
    first = kids_files.transmission_id(base, "KIDS_ENRL_R01", 1)
    assert first == kids_files.transmission_id(again, "KIDS_ENRL_R01", 1)
    assert first != kids_files.transmission_id(later, "KIDS_ENRL_R01", 1)
    assert first != kids_files.transmission_id(base, "KIDS_ENRL_R02", 1)
    assert first != kids_files.transmission_id(base, "KIDS_ENRL_R01", 2)


# --- KIDS-FILE-REVISION -------------------------------------------------------------------------------------------

def test_revision_is_in_the_state_file_name_and_changes_the_id(synthetic, tmp_path):
    connection, relation = synthetic([record(1)])
    out = tmp_path / "out"
    write(connection, relation, out, opts=options(file_revision=1), formats=["state", "csv"])
    write(connection, relation, out, opts=options(file_revision=2), formats=["state"])
    assert sorted(p.name for p in out.iterdir()) == ["KIDS_TEST_X.csv", "KIDS_TEST_X_R01.txt", "KIDS_TEST_X_R02.txt"]
    first = parse_state_format((out / "KIDS_TEST_X_R01.txt").read_bytes())[0][3]
    second = parse_state_format((out / "KIDS_TEST_X_R02.txt").read_bytes())[0][3]
    assert first != second


# --- KIDS-FILE-RECORDS-LIMIT --------------------------------------------------------------------------------------

def test_records_limit_below_count_writes_a_zip_of_complete_parts(synthetic, tmp_path):
    rows = [record(n) for n in range(1, 8)]
    connection, relation = synthetic(rows)
    write(connection, relation, tmp_path / "whole", formats=["state"])
    result = write(connection, relation, tmp_path / "split", opts=options(records_limit=3), formats=["state"])
    assert [path.name for path, _ in result.files] == ["KIDS_TEST_X_R01.zip"]
    with zipfile.ZipFile(tmp_path / "split" / "KIDS_TEST_X_R01.zip") as archive:
        assert archive.namelist() == ["KIDS_TEST_X_R01_P01.txt", "KIDS_TEST_X_R01_P02.txt", "KIDS_TEST_X_R01_P03.txt"]
        assert all(info.date_time == (2025, 5, 15, 8, 0, 0) for info in archive.infolist())
    parts = state_files(tmp_path / "split")["KIDS_TEST_X_R01.zip"]
    assert [len(details) for _, details, _ in parts] == [3, 3, 1]
    assert [footer[2] for _, _, footer in parts] == ["5", "5", "3"], "each part counts its own records + TH + TT"
    assert len({header[3] for header, _, _ in parts}) == 3, "each part has its own transmission id"
    whole = state_files(tmp_path / "whole")["KIDS_TEST_X_R01.txt"][0][1]
    assert [detail for _, details, _ in parts for detail in details] == whole, "parts together = the whole file"


@pytest.mark.parametrize("limit", [0, 7, 8])
def test_records_limit_not_below_count_writes_one_file(synthetic, tmp_path, limit):
    connection, relation = synthetic([record(n) for n in range(1, 8)])
    result = write(connection, relation, tmp_path, opts=options(records_limit=limit), formats=["state"])
    assert [path.name for path, _ in result.files] == ["KIDS_TEST_X_R01.txt"]


def test_switching_between_zip_and_single_file_removes_the_other(synthetic, tmp_path):
    connection, relation = synthetic([record(n) for n in range(1, 4)])
    write(connection, relation, tmp_path, opts=options(records_limit=1), formats=["state"])
    assert (tmp_path / "KIDS_TEST_X_R01.zip").exists()
    write(connection, relation, tmp_path, formats=["state"])
    assert (tmp_path / "KIDS_TEST_X_R01.txt").exists() and not (tmp_path / "KIDS_TEST_X_R01.zip").exists()


# --- KIDS-FILE-LAYOUT-CLEAN ---------------------------------------------------------------------------------------

def test_tabs_and_line_breaks_are_cleaned_and_reported(synthetic, tmp_path):
    dirty = record(2, d05="Ann\tMarie", d49="12 Elm St\r\nApt 4", d50="Topeka\x0b")
    connection, relation = synthetic([record(1), dirty])
    result = write(connection, relation, tmp_path)
    _, details, _ = parse_state_format((tmp_path / "KIDS_TEST_X_R01.txt").read_bytes())
    assert details[1][4] == "Ann Marie" and details[1][48] == "12 Elm St Apt 4" and details[1][49] == "Topeka "
    assert [(w["record_number"], w["student_identifier"], w["state_student_identifier"], w["field"], w["field_name"])
            for w in result.warnings] == [
        (2, "L00002", "1000000002", "D5", "Legal First Name"),
        (2, "L00002", "1000000002", "D49", "Transportation Street Address"),
        (2, "L00002", "1000000002", "D50", "Transportation City"),
    ]
    assert result.warnings[0]["problem"] == "value contained tab"
    assert result.warnings[1]["problem"] == "value contained carriage return, line feed"
    assert result.warnings[2]["problem"] == "value contained control character U+000B"
    assert all("Ann" not in str(w) and "Elm" not in str(w) for w in result.warnings), "never the value itself"
    with open(tmp_path / "KIDS_TEST_X.csv", newline="", encoding="utf-8") as handle:
        csv_rows = list(csv.reader(handle))
    assert csv_rows[0] == HEADERS and csv_rows[1:] == details, "CSV shows exactly what the State Format submits"
    html = (tmp_path / "KIDS_TEST_X.html").read_text(encoding="utf-8")
    assert "<td>Ann Marie</td>" in html and "\t" not in html.split("<tbody>")[1]
    assert xml_records(tmp_path / "KIDS_TEST_X.xml") == details


def _synthetic_node() -> SimpleNamespace:
    """The manifest node export_models reads for the synthetic mart: every format, sorted by D4."""
    return SimpleNamespace(
        name="ks_kids__synthetic", schema="marts", alias="kids_synthetic",
        config=SimpleNamespace(meta={"export": {"file_name": "KIDS_SYN", "formats": ["state", "csv", "html", "xml"],
                                                "order_by": "d04"}}),
        columns={name: SimpleNamespace(meta={"header": header}) for name, header in COLUMNS},
    )


def test_warnings_file_and_run_output(synthetic, tmp_path):
    connection, relation = synthetic([record(1, d04="O'Brien\n")])
    connection.close()
    node = _synthetic_node()
    database = tmp_path / "db" / "synthetic_0.duckdb"
    written = export_models(database, [node], tmp_path / "out", {"generated_at": "2025-05-15 08:00:00", "state": "ks"})
    assert [file.path.name for file in written] == [
        "KIDS_SYN_R01.txt", "KIDS_SYN.csv", "KIDS_SYN.html", "KIDS_SYN.xml", "kids_file_warnings.csv"]
    assert all(file.rows == 1 for file in written)
    with open(tmp_path / "out" / "kids_file_warnings.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["rule_id"], r["file_name"], r["student_identifier"], r["field"]) for r in rows] == [
        ("KIDS-FILE-LAYOUT-CLEAN", "KIDS_SYN", "L00001", "D4")]
    assert written[-1].notes == [
        "KIDS_SYN record 1 (student L00001, state id 1000000001) D4 Legal Last Name: value contained line feed; "
        "replaced by a space"]


def test_no_warnings_still_writes_the_warnings_header(synthetic, tmp_path):
    connection, relation = synthetic([record(1)])
    assert write(connection, relation, tmp_path).warnings == []
    path = kids_files.write_warnings([], tmp_path)
    assert path.read_text() == ",".join(kids_files.WARNING_COLUMNS) + "\n"


# --- KIDS-FILE-XML ------------------------------------------------------------------------------------------------

def xml_records(path: Path) -> list[list[str]]:
    root = ElementTree.parse(path).getroot()
    assert root.tag == "KIDS_Data" and root.get("records") == str(len(root))
    return [[element.text or "" for element in record_element] for record_element in root]


def test_xml_is_well_formed_escaped_and_round_trips(synthetic, tmp_path):
    rows = [record(1, d04="Smith & <Sons>", d05='"Al"', d06="José"), record(2, d49="  spaced  ")]
    connection, relation = synthetic(rows)
    write(connection, relation, tmp_path, formats=["state", "xml"])
    _, details, _ = parse_state_format((tmp_path / "KIDS_TEST_X_R01.txt").read_bytes())
    assert xml_records(tmp_path / "KIDS_TEST_X.xml") == details == [rows[1], rows[0]]
    root = ElementTree.parse(tmp_path / "KIDS_TEST_X.xml").getroot()
    names = [element.tag for element in root[0]]
    assert names == kids_files.xml_element_names(HEADERS) and len(set(names)) == 77
    assert names[3] == "Legal_Last_Name" and names[72] == "State_History_Gov_Assessment"
    assert names[42] == "ESOL_Bilingual_Program_Ending_Date"


def test_xml_element_names_are_safe_and_unique():
    assert kids_files.xml_element_names(["Date of Birth", "504 Plan", "xml Data", "Año", "Date-of Birth", "???", "D21"]) \
        == ["Date_of_Birth", "_504_Plan", "_xml_Data", "Ano", "Date_of_Birth_D5", "D6", "D21"]


# --- KIDS-FILE-QERY-ALONE, KIDS-FILE-SSN, layout guards ----------------------------------------------------------

def test_qery_is_never_mixed_with_other_record_types(synthetic, tmp_path):
    connection, relation = synthetic([record(1, "QERY"), record(2, "ENRL")])
    with pytest.raises(KidsFileError, match="QERY"):
        write(connection, relation, tmp_path)
    assert not any(tmp_path.glob("KIDS_TEST_X*")), "nothing written"
    alone, relation_alone = synthetic([record(1, "QERY"), record(2, "QERY")])
    write(alone, relation_alone, tmp_path, formats=["state"])
    assert {d[0] for d in parse_state_format((tmp_path / "KIDS_TEST_X_R01.txt").read_bytes())[1]} == {"QERY"}


def test_ssn_column_is_blank_unless_asked(synthetic, tmp_path):
    connection, relation = synthetic([record(1, d21="6789")])
    flagged = [(name, header, name == "d21") for name, header in COLUMNS]
    write(connection, relation, tmp_path / "off", columns=flagged)
    write(connection, relation, tmp_path / "on", opts=options(output_ssn_last4=True), columns=flagged,
          formats=["state"])
    off = parse_state_format((tmp_path / "off" / "KIDS_TEST_X_R01.txt").read_bytes())[1]
    assert off[0][20] == "" and xml_records(tmp_path / "off" / "KIDS_TEST_X.xml")[0][20] == ""
    assert "6789" not in (tmp_path / "off" / "KIDS_TEST_X.csv").read_text()
    assert "6789" not in (tmp_path / "off" / "KIDS_TEST_X.html").read_text()
    assert parse_state_format((tmp_path / "on" / "KIDS_TEST_X_R01.txt").read_bytes())[1][0][20] == "6789"


def test_layout_must_be_77_text_columns(synthetic, tmp_path):
    connection, relation = synthetic([record(1)])
    with pytest.raises(KidsFileError, match="exactly 77"):
        write(connection, relation, tmp_path, columns=COLUMNS[:76])
    typed, typed_relation = synthetic([], types={"d09": "date"})
    with pytest.raises(KidsFileError, match="d09"):
        write(typed, typed_relation, tmp_path)


# --- reproducibility ----------------------------------------------------------------------------------------------

def test_same_inputs_give_byte_identical_files(synthetic, tmp_path):
    rows = [record(n, d04="Same") for n in (5, 3, 9, 1, 7)]  # ties on the documented order: tie-breakers decide
    for limit in (0, 2):
        outputs = []
        for attempt in range(2):
            connection, relation = synthetic(list(reversed(rows)) if attempt else rows)
            out = tmp_path / f"limit{limit}_{attempt}"
            write(connection, relation, out, opts=options(records_limit=limit))
            kids_files.write_warnings([], out)
            outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
        assert outputs[0] == outputs[1]


# --- the sample district ------------------------------------------------------------------------------------------

def yaml_meta(entry: dict) -> dict:
    """A model's or column's meta in YAML, under `config:` (dbt 1.10+) or at the top level."""
    return {**(entry.get("meta") or {}), **((entry.get("config") or {}).get("meta") or {})}


def kids_mart_models() -> list[dict]:
    """The KIDS marts' YAML entries that declare a State Format export."""
    models = []
    for path in sorted((REPO_ROOT / "models" / "marts" / "ks_kids").glob("*.yml")):
        for model in (yaml.safe_load(path.read_text()) or {}).get("models", []):
            export = yaml_meta(model).get("export")
            if export and "state" in export.get("formats", []):
                models.append(model)
    return models


def kids_export_specs() -> dict[str, dict]:
    """model name -> export spec, for the KIDS marts with a State Format export."""
    return {model["name"]: yaml_meta(model)["export"] for model in kids_mart_models()}


def test_sample_district_kids_files(ks):
    specs = kids_export_specs()
    if not specs:
        pytest.skip("no KIDS mart declares a State Format export yet (branch kids-extracts)")
    parsed = state_files(ks.out_dir)
    for model, spec in specs.items():
        name = spec["file_name"]
        assert f"{name}_R01.txt" in parsed, f"{model}: State Format file missing"
        header, details, footer = parsed[f"{name}_R01.txt"][0]
        assert header[1:3] == ["05/15/2025", "08:00:00"] and header[4] == "18.0"
        assert {detail[0] for detail in details} <= {"ENRL", "TEST", "SMSC", "MILT", "EOYA", "ASGT", "EXIT", "QERY",
                                                      "SPED"}
        assert len({detail[0] for detail in details}) <= 1, f"{name}: one record type per file"
        assert "xml" in spec.get("opt_in_formats", []) and not (ks.out_dir / f"{name}.xml").exists(), \
            f"{name}: XML is opt-in (--format xml), not written by a plain run"
        with open(ks.out_dir / f"{name}.csv", newline="", encoding="utf-8") as handle:
            assert list(csv.reader(handle))[1:] == details
        assert (ks.out_dir / f"{name}.html").exists()
    assert (ks.out_dir / "kids_file_warnings.csv").exists()
    assert "kids_file_warnings" in ks.stdout


def test_cli_kids_options_become_vars_the_writer_reads(monkeypatch, tmp_path):
    """`statereport run --kids-*` options reach the run's settings and, through them, the KIDS writers."""
    from click.testing import CliRunner

    from statereport import cli

    seen = {}

    class FakeSession:
        def __init__(self, state, database, settings, **_settings):
            duckdb.connect(str(database)).close()  # a real session leaves a warehouse the summary reads
            assert settings["state"] == state
            self.manifest = SimpleNamespace(nodes={})
            self.log_file = tmp_path / "dbt.log"

        def build(self, include_tests, select=None, reference_from=None, shared_unit_tests=True):
            pass

        def run_checks(self):
            return 0

        def export_models(self):
            return []

    def fake_export(database, nodes, out_dir, settings, kids_options=None):
        seen.update(settings)
        seen["kids_options"] = kids_options
        return []

    monkeypatch.setattr(cli, "DbtSession", FakeSession)
    monkeypatch.setattr(cli, "export_models", fake_export)
    result = CliRunner().invoke(cli.main, [
        "run", "--state", "ks", "--out", str(tmp_path / "out"), "--warehouse", str(tmp_path / "wh"),
        "--kids-file-revision", "3", "--kids-records-limit", "250", "--kids-file-version", "19.0",
        "--kids-transmission-id", "T000000042"])
    assert result.exit_code == 0, result.output
    chosen = seen.pop("kids_options")
    assert chosen == KidsFileOptions.from_vars(seen), "the options the writers get are built from the run's settings"
    assert (chosen.file_revision, chosen.records_limit, chosen.file_version, chosen.transmission_id) == (
        3, 250, "19.0", "T000000042")
    refused = CliRunner().invoke(cli.main, ["run", "--state", "ks", "--kids-file-revision", "0"])
    assert refused.exit_code == 2 and "kids-file-revision" in refused.output

    seen.clear()
    too_long = CliRunner().invoke(cli.main, [
        "run", "--state", "ks", "--out", str(tmp_path / "out"), "--warehouse", str(tmp_path / "wh"),
        "--kids-transmission-id", "ELEVENCHARS"])
    assert too_long.exit_code == cli.EXIT_EXPORT_FAILED and "kids_transmission_id" in too_long.output
    assert seen == {}, "refused before the build and export"


def kids_nodes(database: Path) -> list[SimpleNamespace]:
    """Manifest-like nodes for the KIDS marts, from their YAML and the built warehouse (schema of each view)."""
    nodes = []
    with duckdb.connect(str(database), read_only=True) as connection:
        for model in kids_mart_models():
            schema = connection.execute(
                "select table_schema from information_schema.tables where table_name = ?", [model["name"]]
            ).fetchone()[0]
            nodes.append(SimpleNamespace(
                name=model["name"], schema=schema, alias=model["name"],
                config=SimpleNamespace(meta={"export": yaml_meta(model)["export"]}),
                columns={column["name"]: SimpleNamespace(meta=yaml_meta(column)) for column in model["columns"]},
            ))
    return nodes


def test_sample_district_split_and_revision(ks, tmp_path):
    """The sample's KIDS marts written again with a records limit of 2 and revision 2: every extract with more than
    two records becomes a zip of complete parts whose records, in order, are the unsplit file's."""
    if not kids_export_specs():
        pytest.skip("no KIDS mart declares a State Format export yet (branch kids-extracts)")
    from statereport.settings import RunSettings

    settings = RunSettings({"state": "ks", "kids_records_limit": 2, "kids_file_revision": 2})
    # A copy: the writers open the warehouse read-write, which would lock the session's out of the other test process.
    database = tmp_path / "warehouse" / "ks.duckdb"
    database.parent.mkdir()
    (tmp_path / "out").mkdir()
    shutil.copyfile(ks.database, database)
    export_models(database, kids_nodes(database), tmp_path / "out", settings)
    whole, split = state_files(ks.out_dir), state_files(tmp_path / "out")
    for name, parts in whole.items():
        details = parts[0][1]
        revised = name.replace("_R01.", "_R02.")
        if len(details) > 2:
            revised = revised.replace(".txt", ".zip")
            assert [len(d) for _, d, _ in split[revised]] == [2] * (len(details) // 2) + [len(details) % 2] * (len(details) % 2)
        assert [detail for _, d, _ in split[revised] for detail in d] == details, name


def test_every_file_rule_id_is_catalogued():
    """The rule ids of kids_files.py (module notes, warnings) are exactly the rows of rule_catalogue__ks_kids_files."""
    source = (REPO_ROOT / "src" / "statereport" / "kids_files.py").read_text()
    with open(REPO_ROOT / "seeds" / "reference" / "rule_catalogue__ks_kids_files.csv", newline="") as handle:
        catalogued = [row["rule_id"] for row in csv.DictReader(handle)]
    assert sorted(set(re.findall(r"KIDS-FILE-[A-Z0-9-]*[A-Z0-9]", source))) == sorted(catalogued)


def test_html_page_above_its_row_limit_is_left_out_and_the_state_file_keeps_every_record(synthetic, tmp_path):
    connection, relation = synthetic([record(1), record(2)])
    connection.close()
    node = _synthetic_node()
    database = tmp_path / "db" / "synthetic_0.duckdb"
    run_vars = {"generated_at": "2025-05-15 08:00:00", "state": "ks", "export_html_max_rows": 1}
    written = export_models(database, [node], tmp_path / "out", run_vars)
    assert [file.path.name for file in written] == [
        "KIDS_SYN_R01.txt", "KIDS_SYN.csv", "KIDS_SYN.xml", "kids_file_warnings.csv"]
    assert written[0].notes == [
        "KIDS_SYN.html not written: 2 rows is more than export_html_max_rows (1); the other formats carry every row "
        "(--var export_html_max_rows=0 writes it anyway)"]
    assert (tmp_path / "out" / "KIDS_SYN_R01.txt").read_text().count("\n") == 4  # TH, two records, TT

"""The extract editor's fields as command-line options, and the ONE table that maps each option to dbt vars.

Each row of `EDITOR_OPTIONS` is one field of a vendor extract editor (KECS LEAD, KY EL, KIDS Collection Extracts):
its option name, the dbt vars it sets, the kind of value and the editor's own wording as help. The `run` and
`validate` commands build their options from this table, and `dbt_vars_for` turns the parsed values into the run's
`--vars`. To expose a new editor var: add its default and comment in `dbt_project.yml`, then add (or extend) a row here.

A row may name vars that the models do not define yet (extracts are being built): only vars that exist in
`dbt_project.yml` are passed; setting an option none of whose vars exist stops the run with exit code 2 rather than
being silently ignored. Any other project var can be set with `--var NAME=VALUE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable

import click
import yaml

from statereport.settings import project_default, project_defaults

# Export formats the writers know: CSV, HTML (review), Kansas State Format (tab-delimited, TH/TT) and XML.
FORMAT_CHOICES = ("csv", "html", "state", "xml")
LEAD_REPORTS = ("detail", "staff", "caseload", "classes", "schoolwide", "issues")
EL_EXTRACT_TYPES = ("demographics", "services")
KIDS_EXTRACT_TYPES = ("ENRL", "TEST", "SMSC", "MILT", "EOYA", "ASGT", "EXIT", "QERY", "SPED")
KIDS_DISAGGREGATION = ("homeroom", "subject", "none")
# The forms macro ks_kids_date_form knows (macros/ks_kids/ks_kids_extract_dates.sql); var kids_date_format.
KIDS_DATE_FORMATS = ("MMDDYYYY", "MM/DD/YYYY")

_DATE_PATTERNS = ("%Y-%m-%d", "%m/%d/%Y", "%m%d%Y", "%m-%d-%Y")


def parse_date(text: str) -> str:
    """Editor dates are typed mmddyyyy (or picked); the warehouse wants YYYY-MM-DD. Accept both, return ISO."""
    for pattern in _DATE_PATTERNS:
        try:
            return datetime.strptime(text.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD or MMDDYYYY)")


def _split_list(values: tuple[str, ...]) -> list[str]:
    """Multiple options and comma-separated values both work: --grade 05 --grade 06 == --grade 05,06."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class EditorOption:
    """One editor field: `--<option>` sets every var in `dbt_vars` (those the project defines)."""

    option: str  # long option name without dashes, e.g. "start-date"
    dbt_vars: tuple[str, ...]  # vars it sets; empty = handled by the command line itself (exports, selection)
    kind: str  # date | text | text-list | choice | choice-list | int | flag | bool-pair
    help: str
    editor_field: str  # the vendor editor's label (LEAD / EL / KIDS)
    extracts: tuple[str, ...]  # which extracts it affects: lead, el, kids
    choices: tuple[str, ...] = ()
    secondary: str | None = None  # for bool-pair: the "off" option name
    convert: Callable[[Any], Any] | None = None  # value -> var value (default: as parsed)
    var_for: dict[str, Callable[[Any], Any]] | None = None  # per-var conversion when vars take different shapes
    minimum: int = 0  # for int options

    @property
    def dest(self) -> str:
        return self.option.replace("-", "_")

    def help_text(self) -> str:
        """The help, its `{default}` filled from dbt_project.yml (a default is stated there only): for a checkbox
        (bool-pair) `checked`/`unchecked`, for a choice the choice that sets the default, else the value itself."""
        if "{default}" not in self.help:
            return self.help
        defaults = {repr(project_default(var)) for var in self.dbt_vars}
        if len(defaults) != 1:  # pragma: no cover - a table row naming vars of different defaults is a programming error
            raise ValueError(f"--{self.option}: its vars {', '.join(self.dbt_vars)} have different defaults")
        var, default = self.dbt_vars[0], project_default(self.dbt_vars[0])
        if self.kind == "bool-pair":
            shown = "checked" if self.to_var_values(True)[var] == default else "unchecked"
        else:
            shown = next((choice for choice in self.choices if self.to_var_values(choice)[var] == default), str(default))
        return self.help.replace("{default}", shown)

    def to_var_values(self, value: Any) -> dict[str, Any]:
        base = self.convert(value) if self.convert else value
        return {
            var: (self.var_for[var](value) if self.var_for and var in self.var_for else base) for var in self.dbt_vars
        }


# THE option -> var table. Order is the order `--help` lists them (the editor's order, extract by extract).
EDITOR_OPTIONS: tuple[EditorOption, ...] = (
    EditorOption(
        "start-date", ("lead_start_date", "el_start_date", "kids_filter_from_date"), "date",
        "First day of the report's date range (YYYY-MM-DD or MMDDYYYY). Blank: from the start of the school year "
        "(LEAD), the extract's default window (KIDS 'Data Filter From Date').",
        "Date Range start / Data Filter From Date", ("lead", "el", "kids"),
    ),
    EditorOption(
        "end-date", ("lead_end_date", "el_end_date", "kids_filter_to_date"), "date",
        "Last day of the report's date range. Blank: the run date ('the current date' in the editors).",
        "Date Range end / Data Filter To Date", ("lead", "el", "kids"),
    ),
    EditorOption(
        "calendar", ("lead_calendar_ids", "el_calendar_ids", "kids_calendar_ids"), "text-list",
        "Calendar id(s) to report (repeat or comma-separate). Blank: every calendar of the school year.",
        "Select Calendar / Calendar Selection", ("lead", "el", "kids"),
    ),
    EditorOption(
        "grade", ("el_grade_levels", "kids_test_grades"), "text-list",
        "State grade code(s) to report (EL 'Grade Level'; KIDS 'Select Grades by State Code', TEST only). "
        "Blank: the editor's default (EL: all grades; TEST: the assessed grades).",
        "Grade Level / Select Grades by State Code", ("el", "kids"),
    ),
    EditorOption(
        "format", (), "choice-list",
        "Export format(s) to write, of those each report offers: csv, html (review), state (KIDS State Format, "
        "tab-delimited), xml (KIDS). Blank: every format the report offers.",
        "Format", ("lead", "el", "kids"), choices=FORMAT_CHOICES,
    ),
    EditorOption(
        "lead-report", (), "choice-list",
        "KECS LEAD Report(s) to write: detail, staff, caseload, classes, schoolwide, issues. Blank: all six.",
        "Report(s)", ("lead",), choices=LEAD_REPORTS,
    ),
    EditorOption(
        "lead-exclude-cross-site", ("lead_exclude_cross_site",), "bool-pair",
        "KECS LEAD 'Exclude Cross-Site Data' ({default} by default): leave out cross-site homeroom data.",
        "Exclude Cross-Site Data", ("lead",), secondary="lead-include-cross-site",
    ),
    EditorOption(
        "el-extract-type", ("el_extract_type",), "choice",
        "KY EL 'Extract Type': demographics or services. Blank: {default} (the two files).",
        "Extract Type", ("el",), choices=EL_EXTRACT_TYPES,
    ),
    EditorOption(
        "kids-extract-type", ("kids_extract_type",), "choice",
        "KIDS 'Extract Type': ENRL, TEST, SMSC, MILT, EOYA, ASGT, EXIT, QERY or SPED. Blank: {default} (the nine "
        "record types).",
        "Extract Type", ("kids",), choices=KIDS_EXTRACT_TYPES,
    ),
    EditorOption(
        "kids-end-year", ("kids_end_year",), "int",
        "KIDS school year reported, as its end year (2025 = 2024-25). Blank: the year containing the run date.",
        "(calendar's school year)", ("kids",),
    ),
    EditorOption(
        "kids-attendance-to-date", ("kids_attendance_filter_to_date",), "date",
        "KIDS 'Attendance Filter To Date' (EOYA, EXIT): membership, attended days and truancy count up to and "
        "including this date.",
        "Attendance Filter To Date", ("kids",),
    ),
    EditorOption(
        "kids-disaggregation-1", ("kids_disaggregation_method_1",), "choice",
        "KIDS 'Assessment Disaggregation Method 1' (TEST grouping indicators): homeroom (Homeroom Teacher's Last "
        "Name), subject (Subject Teacher's Last Name) or none (no selection: the '... Grouping Indicator 1' fields "
        "stay blank). Blank: {default} (assumed default, dbt_project.yml).",
        "Assessment Disaggregation Method 1", ("kids",), choices=KIDS_DISAGGREGATION,
        convert=lambda method: None if method == "none" else method,
    ),
    EditorOption(
        "kids-disaggregation-2", ("kids_disaggregation_method_2",), "choice",
        "KIDS 'Assessment Disaggregation Method 2' (same choices; fills the '... Grouping Indicator 2' fields). "
        "Blank: {default} (assumed default, dbt_project.yml).",
        "Assessment Disaggregation Method 2", ("kids",), choices=KIDS_DISAGGREGATION,
        convert=lambda method: None if method == "none" else method,
    ),
    EditorOption(
        "kids-students-without-state-ids", ("kids_students_without_state_ids",), "flag",
        "KIDS 'Students without State IDs': report only students who have no state id.",
        "Students without State IDs", ("kids",),
    ),
    EditorOption(
        "kids-ssn-optional", ("kids_output_ssn_last4",), "bool-pair",
        "KIDS 'Social Security Number Optional' ({default} by default): leave the last four SSN digits out. "
        "--kids-show-ssn writes them.",
        "Social Security Number Optional", ("kids",), secondary="kids-show-ssn",
        convert=lambda optional: not optional,
    ),
    EditorOption(
        "kids-file-revision", ("kids_file_revision",), "int",
        "KIDS 'File Revision Number', part of the State Format file name: raise it for each resubmission (the "
        "state accepts a file name once). Blank: {default}.",
        "File Revision Number", ("kids",), minimum=1,
    ),
    EditorOption(
        "kids-records-limit", ("kids_records_limit",), "int",
        "KIDS 'Records Limit Per File' (State Format only): fewer records than the extract has => a .zip of State "
        "Format parts of at most N records. Blank: {default} (0 = no limit).",
        "Records Limit Per File", ("kids",),
    ),
    EditorOption(
        "kids-file-version", ("kids_file_version",), "text",
        "KIDS header Version (H5). Blank: {default}.",
        "(Report Header: Version)", ("kids",),
    ),
    EditorOption(
        "kids-date-format", ("kids_date_format",), "choice",
        "Form of every KIDS data-field date, in every KIDS format and in the KIDS_Validation check: MMDDYYYY or "
        "MM/DD/YYYY. Blank: {default}. The TH extract date stays MM/DD/YYYY.",
        "(KIDS date fields)", ("kids",), choices=KIDS_DATE_FORMATS,
    ),
    EditorOption(
        "kids-transmission-id", ("kids_transmission_id",), "text",
        "KIDS header/footer Transmission ID, up to 10 characters. Blank: derived from the run's settings (the same "
        "settings give the same id).",
        "(Report Header: Transmission ID)", ("kids",),
    ),
)

OPTIONS_BY_DEST = {option.dest: option for option in EDITOR_OPTIONS}


def click_options(function: Callable) -> Callable:
    """Decorates a click command with one option per table row (applied in reverse so --help keeps table order)."""
    for option in reversed(EDITOR_OPTIONS):
        sets = f"; dbt var: {', '.join(option.dbt_vars)}" if option.dbt_vars else ""
        help_text = f"{option.help_text()} [editor: {option.editor_field}{sets}]"
        name = f"--{option.option}"
        if option.kind == "bool-pair":
            decorator = click.option(f"{name}/--{option.secondary}", option.dest, default=None, help=help_text)
        elif option.kind == "flag":
            decorator = click.option(name, option.dest, is_flag=True, default=None, help=help_text)
        elif option.kind == "date":
            decorator = click.option(name, option.dest, default=None, metavar="DATE", callback=_date_callback,
                                     help=help_text)
        elif option.kind == "int":
            decorator = click.option(name, option.dest, type=click.IntRange(min=option.minimum), default=None,
                                     help=help_text)
        elif option.kind == "text":
            decorator = click.option(name, option.dest, default=None, help=help_text)
        elif option.kind == "choice":
            decorator = click.option(name, option.dest, type=click.Choice(option.choices, case_sensitive=False),
                                     default=None, help=help_text)
        elif option.kind == "choice-list":
            decorator = click.option(name, option.dest, multiple=True, metavar="|".join(option.choices),
                                     callback=_choice_list_callback(option.choices), help=help_text)
        elif option.kind == "text-list":
            decorator = click.option(name, option.dest, multiple=True, metavar="CODE[,CODE...]",
                                     callback=lambda _c, _p, v: _split_list(v) or None, help=help_text)
        else:  # pragma: no cover - a table row with an unknown kind is a programming error
            raise ValueError(f"unknown option kind {option.kind!r}")
        function = decorator(function)
    return function


def _date_callback(_context, parameter, value):
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param=parameter) from None


def _choice_list_callback(choices: tuple[str, ...]):
    lowered = {choice.lower(): choice for choice in choices}

    def callback(_context, parameter, values):
        items = _split_list(values)
        unknown = [item for item in items if item.lower() not in lowered]
        if unknown:
            raise click.BadParameter(f"'{unknown[0]}' is not one of {', '.join(choices)}", param=parameter)
        return [lowered[item.lower()] for item in items] or None

    return callback


class OptionError(Exception):
    """An option cannot be honoured by this project version (its dbt var does not exist)."""


def dbt_vars_for(values: dict[str, Any], known_vars: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parsed option values (by dest) -> dbt vars, keeping only vars the project defines. Options left blank are
    not passed, so the project's documented default applies."""
    known = project_defaults() if known_vars is None else known_vars
    result: dict[str, Any] = {}
    for dest, value in values.items():
        option = OPTIONS_BY_DEST.get(dest)
        if option is None or value is None or not option.dbt_vars:
            continue
        if option.kind == "choice" and isinstance(value, str):  # the table's own spelling, whatever was typed
            value = next((choice for choice in option.choices if choice.lower() == value.lower()), value)
        var_values = {var: var_value for var, var_value in option.to_var_values(value).items() if var in known}
        if not var_values:
            raise OptionError(
                f"--{option.option} sets dbt var(s) {', '.join(option.dbt_vars)}, which this project version does "
                "not define yet"
            )
        result.update(var_values)
    return result


def parse_var_assignments(assignments: tuple[str, ...], known_vars: dict[str, Any] | None = None) -> dict[str, Any]:
    """`--var NAME=VALUE` (VALUE read as YAML: 3, true, [a, b], 2025-05-15 stays text)."""
    known = project_defaults() if known_vars is None else known_vars
    result: dict[str, Any] = {}
    for assignment in assignments:
        name, separator, text = assignment.partition("=")
        name = name.strip()
        if not separator or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise OptionError(f"--var {assignment!r}: expected NAME=VALUE")
        if name not in known:
            raise OptionError(f"--var {name}: dbt_project.yml defines no var '{name}'")
        value = yaml.safe_load(text) if text.strip() else None
        if isinstance(value, (date, datetime)):
            value = text.strip()
        result[name] = value
    return result


def option_var_table() -> list[tuple[str, str, str]]:
    """(option, vars, editor field) rows, for the README and `--help` epilogue."""
    return [(f"--{option.option}", ", ".join(option.dbt_vars) or "(exports)", option.editor_field)
            for option in EDITOR_OPTIONS]

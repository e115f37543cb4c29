"""The `statereport` command line: --help everywhere, the option -> dbt var table, exit codes, --summary-json, quiet
mode. The end-to-end checks read the one session build (tests/conftest.py `built_states`); everything else runs
without starting dbt."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO_ROOT, run_cli
from fakes import fake_warehouse
from statereport import cli
from statereport.options import EDITOR_OPTIONS, OptionError, dbt_vars_for, parse_date, parse_var_assignments
from statereport.summary import EXIT_BAD_INPUT, EXIT_CRITICAL, EXIT_OK, collect, exit_code_for, render_text, to_json

PROJECT_VARS = yaml.safe_load((REPO_ROOT / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]
COMMANDS = ["run", "validate", "docs", "dbt-check"]
DBT_CONSOLE_LINES = re.compile(r"Running with dbt|Registered adapter|OK created|START |Completed successfully|"
                               r"Finished running|Concurrency:")


# --- --help -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_help_on_every_command(command):
    result = CliRunner().invoke(cli.main, [*command, "--help"], terminal_width=120)
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    if command and command[0] in ("run", "validate"):
        for number in ("0", "2", "3", "4", "5", "6"):
            assert re.search(rf"^\s+{number}\s+\w", result.output, re.MULTILINE), f"exit code {number} undocumented"
    if not command:
        assert "warnings present, when asked for with --fail-on" in result.output


def test_run_help_reads_like_the_editor():
    output = CliRunner().invoke(cli.main, ["run", "--help"], terminal_width=120).output
    for option in EDITOR_OPTIONS:
        assert f"--{option.option}" in output
        assert option.editor_field.split(" / ")[0] in " ".join(output.split())
    for section in ("Run:", "Extract editor: fields every extract has:", "KECS LEAD editor", "KY EL editor",
                    "KIDS Collection Extracts editor"):
        assert section in output


def test_the_installed_command_answers_help():
    completed = run_cli("--help")
    assert "Exit codes" in completed.stdout


# --- option -> var table ------------------------------------------------------------------------------------------

def _params(args: list[str]) -> dict:
    context = cli.run.make_context("run", list(args))
    return context.params


def _vars(args: list[str], known: dict | None = None) -> dict:
    params = _params(args)
    options = {key: value for key, value in params.items() if key in {o.dest for o in EDITOR_OPTIONS}}
    return dbt_vars_for(options, known)


ALL_VARS = {var: None for option in EDITOR_OPTIONS for var in option.dbt_vars}


def test_options_map_to_vars_in_one_table():
    got = _vars([
        "--start-date", "08012024", "--end-date", "2025-05-15", "--calendar", "11,12", "--calendar", "13",
        "--grade", "05", "--lead-include-cross-site", "--el-extract-type", "Services", "--kids-extract-type", "enrl",
        "--kids-attendance-to-date", "03/13/2025", "--kids-disaggregation-1", "homeroom",
        "--kids-students-without-state-ids", "--kids-show-ssn", "--kids-file-revision", "3",
        "--kids-records-limit", "500", "--kids-end-year", "2025",
    ], ALL_VARS)
    assert got == {
        "lead_start_date": "2024-08-01", "el_start_date": "2024-08-01", "kids_filter_from_date": "2024-08-01",
        "lead_end_date": "2025-05-15", "el_end_date": "2025-05-15", "kids_filter_to_date": "2025-05-15",
        "lead_calendar_ids": ["11", "12", "13"], "el_calendar_ids": ["11", "12", "13"],
        "kids_calendar_ids": ["11", "12", "13"],
        "el_grade_levels": ["05"], "kids_test_grades": ["05"],
        "lead_exclude_cross_site": False, "el_extract_type": "services", "kids_extract_type": "ENRL",
        "kids_attendance_filter_to_date": "2025-03-13", "kids_disaggregation_method_1": "homeroom",
        "kids_students_without_state_ids": True, "kids_output_ssn_last4": True, "kids_file_revision": 3,
        "kids_records_limit": 500, "kids_end_year": 2025,
    }


def test_blank_options_pass_no_vars_so_project_defaults_apply():
    assert _vars([], ALL_VARS) == {}


def test_only_vars_the_project_defines_are_passed():
    assert _vars(["--start-date", "2024-08-01"], {"lead_start_date": ""}) == {"lead_start_date": "2024-08-01"}
    with pytest.raises(OptionError, match="--kids-records-limit sets dbt var"):
        _vars(["--kids-records-limit", "5"], {"lead_start_date": ""})


def test_table_vars_match_the_shape_of_their_project_defaults():
    """An option must hand a var the kind of value its default has (a list for a list, a bool for a bool)."""
    shapes = {"text-list": (list,), "flag": (bool,), "bool-pair": (bool,), "int": (int, type(None)),
              "date": (str, type(None)), "choice": (str, type(None)), "text": (str, type(None))}
    checked = 0
    for option in EDITOR_OPTIONS:
        for var in option.dbt_vars:
            if var in PROJECT_VARS:
                checked += 1
                assert isinstance(PROJECT_VARS[var], shapes[option.kind]), (option.option, var, PROJECT_VARS[var])
    print(f"{checked} table vars are defined in dbt_project.yml")


def test_dates_accept_the_editor_formats():
    assert parse_date("08012024") == parse_date("08/01/2024") == parse_date("2024-08-01") == "2024-08-01"
    with pytest.raises(ValueError):
        parse_date("2024-13-01")


def test_generic_var_assignment_is_checked_against_the_project():
    assert parse_var_assignments(("report_run_date=2025-01-31",)) == {"report_run_date": "2025-01-31"}
    with pytest.raises(OptionError, match="defines no var 'no_such_var'"):
        parse_var_assignments(("no_such_var=1",))


def _export_node(name, folder, file_name, formats=("csv", "html")):
    return SimpleNamespace(name=name, fqn=["statereport", "marts", folder, name], resource_type="model",
                           config=SimpleNamespace(meta={"export": {"file_name": file_name, "formats": list(formats)}}))


def test_opt_in_formats_are_written_only_when_asked_for():
    """Issue 21: KIDS XML is one --format away, never written by default; the State Format and CSV always are."""
    node = _export_node("ks_kids__enrl", "ks_kids", "KIDS_ENRL", formats=("state", "csv", "html", "xml"))
    node.config.meta["export"]["opt_in_formats"] = ["xml"]
    (default,) = cli.select_exports([node], None, {})
    assert default.config.meta["export"]["formats"] == ["state", "csv", "html"]
    (asked,) = cli.select_exports([node], None, {"format": ["state", "xml"]})
    assert asked.config.meta["export"]["formats"] == ["state", "xml"]
    assert node.config.meta["export"]["formats"] == ["state", "csv", "html", "xml"], "the manifest's node must not change"


def test_report_and_format_selection():
    nodes = [_export_node("ky_lead__detail", "ky_lead", "KECS_LEAD_Detail"),
             _export_node("ky_lead__staff", "ky_lead", "KECS_LEAD_Staff"),
             _export_node("ky_el__demographics", "ky_el", "EL_Demographics"),
             _export_node("ky_el__warnings", "ky_el", "EL_Warnings")]
    chosen = cli.select_exports(nodes, None, {"lead_report": ["staff"], "el_extract_type": "services",
                                              "format": ["csv"]})
    assert [node.name for node in chosen] == ["ky_lead__staff", "ky_el__warnings"]
    assert all(node.config.meta["export"]["formats"] == ["csv"] for node in chosen)
    assert nodes[1].config.meta["export"]["formats"] == ["csv", "html"], "the manifest's node must not change"
    assert [n.name for n in cli.select_exports(nodes, ["ky_el"], {})] == ["ky_el__demographics", "ky_el__warnings"]


# --- exit codes ---------------------------------------------------------------------------------------------------

def test_bad_input_exits_2_with_one_line_and_json(tmp_path):
    data_dir = tmp_path / "export"
    data_dir.mkdir()
    summary = tmp_path / "summary.json"
    completed = run_cli("run", "--state", "ky", "--data-dir", str(data_dir), "--warehouse", str(tmp_path / "wh"),
                        "--out", str(tmp_path / "out"), "--quiet", "--summary-json", str(summary), check=False)
    assert completed.returncode == EXIT_BAD_INPUT
    assert completed.stdout == ""
    assert len(completed.stderr.strip().splitlines()) == 1 and completed.stderr.startswith("error: ")
    document = json.loads(summary.read_text())
    assert document["exit_code"] == EXIT_BAD_INPUT and document["error"] in completed.stderr


@pytest.mark.parametrize("args, message", [
    (["--start-date", "31/31/2024"], "is not a date"),
    (["--var", "no_such_var=1"], "defines no var"),
    (["--state", "ky", "--extract", "kids"], "cannot run with --state ky"),
    (["--kids-extract-type", "NOPE"], "NOPE"),
])
def test_bad_options_exit_2(args, message, tmp_path):
    completed = run_cli("run", *args, "--warehouse", str(tmp_path), "--out", str(tmp_path), check=False)
    assert completed.returncode == EXIT_BAD_INPUT
    assert message in completed.stderr


@pytest.mark.parametrize("critical", [True, False])
def test_critical_errors_decide_the_exit_code(tmp_path, critical):
    database, manifest, export = fake_warehouse(tmp_path, critical)
    summary = collect(database, manifest, "ky", [export], [], {"report_run_date": "2025-05-15"})
    (extract,) = summary.extracts
    assert [(r.model, r.rows) for r in extract.reports] == [("ky_el__demographics", 12)]
    assert {r.rule_id: r.rows for r in extract.excluded} == {"EL-W1": 1, "EL-W3": 1}
    assert {r.rule_id: (r.rows, r.severity) for r in extract.warnings} == {
        "EL-W1": (1, "critical" if critical else "info"), "EL-W3": (1, "critical" if critical else "info"),
        "EL-W4": (2, "warning")}
    assert extract.critical_rows == (2 if critical else 0)
    code = exit_code_for([summary])
    assert code == (EXIT_CRITICAL if critical else EXIT_OK)
    text = render_text([summary], code)
    assert "EL-W4" in text and f"exit code {code}" in text
    assert "Ana" not in text and "Ana" not in json.dumps(to_json([summary], code)), "names stay out of the summary"


# --- the session build: summary JSON, quiet mode, exit code --------------------------------------------------------

def _manifest(state: str) -> dict:
    return json.loads((REPO_ROOT / "target" / state / "manifest.json").read_text(encoding="utf-8"))


def test_summary_json_matches_the_marts(built_states):
    for state, built in built_states.items():
        summary = built.summary
        assert summary is not None and summary["state"] == state
        assert summary["vars"]["state"] == state
        manifest = _manifest(state)
        export_models = {node["name"]: node for node in manifest["nodes"].values()
                         if node["resource_type"] == "model" and state in node["tags"]
                         and node["config"].get("meta", {}).get("export")}
        reported = {report["model"]: report["rows"] for extract in summary["extracts"]
                    for report in extract["reported"]}
        assert set(reported) == set(export_models)
        connection = duckdb.connect(str(built.database), read_only=True)
        try:
            for name, rows in reported.items():
                node = export_models[name]
                assert connection.execute(f'select count(*) from "{node["schema"]}"."{node["alias"]}"').fetchone()[0] == rows
            for extract in summary["extracts"]:
                for kind, suffixes in (("excluded", ("_exclusions",)), ("warnings", ("_warnings", "_issues", "_validation"))):
                    expected: dict[str, int] = {}
                    for node in manifest["nodes"].values():
                        if node["resource_type"] == "model" and node["fqn"][1:3] == ["marts", extract["extract"]] \
                                and node["name"].endswith(suffixes):
                            for rule_id, count in connection.execute(
                                    f'select rule_id, count(*) from "{node["schema"]}"."{node["alias"]}" group by 1'
                            ).fetchall():
                                expected[rule_id] = expected.get(rule_id, 0) + count
                    assert {entry["rule_id"]: entry["rows"] for entry in extract[kind]} == expected
        finally:
            connection.close()
        for extract in summary["extracts"]:
            for file in extract["files"]:
                assert Path(file["path"]).stat().st_size == file["size"]
        assert Path(summary["review_page"]).exists()


def test_run_exits_0_by_default_and_says_the_samples_carry_critical_errors_on_purpose(built_states):
    """`run` defaults to --fail-on never: the sample run (which carries critical errors on purpose) exits 0."""
    state = next(iter(built_states.values()))
    assert state.summary_json["critical_rows"] > 0
    assert state.returncode == EXIT_OK == state.summary_json["exit_code"]
    assert "the bundled sample districts carry critical errors on purpose" in state.stdout


@pytest.mark.parametrize(("fail_on", "critical", "expected"), [
    ("critical", True, EXIT_CRITICAL), ("critical", False, EXIT_OK),
    ("warning", True, EXIT_CRITICAL), ("warning", False, EXIT_CRITICAL),  # EL-W4 is a plain warning row
    ("never", True, EXIT_OK), ("never", False, EXIT_OK),
])
def test_fail_on_decides_which_warnings_exit_6(tmp_path, fail_on, critical, expected):
    database, manifest, export = fake_warehouse(tmp_path, critical)
    summary = collect(database, manifest, "ky", [export], [], {"report_run_date": "2025-05-15"})
    assert exit_code_for([summary], fail_on) == expected


@pytest.mark.parametrize(("command", "fail_on", "expected"), [
    ("validate", None, EXIT_CRITICAL), ("validate", "never", EXIT_OK), ("run", "critical", EXIT_CRITICAL),
])
def test_fail_on_from_the_command_line(tmp_path, command, fail_on, expected):
    """The KY EL sample carries EL critical errors: validate exits 6 by default, run only when asked."""
    args = [command, "--state", "ky", "--extract", "el", "--warehouse", str(tmp_path / "wh"),
            "--out", str(tmp_path / "out"), "-q"]
    completed = run_cli(*args, *(["--fail-on", fail_on] if fail_on else []), check=False)
    assert completed.returncode == expected, completed.stderr


def test_quiet_run_prints_only_the_summary(built_states):
    built = built_states["ky"]
    assert built.stderr == ""
    assert not DBT_CONSOLE_LINES.search(built.stdout), built.stdout
    assert built.stdout.splitlines()[0].startswith("== KY")
    assert re.search(r"^critical errors: [\d,]+  exit code \d", built.stdout, re.MULTILINE)
    for state in ("ky", "ks"):
        log = built_states[state].log_file.read_text(encoding="utf-8")
        assert "Running with dbt" in log, "dbt's lines go to the log file under the warehouse folder"


def test_names_and_birth_dates_stay_out_of_summary_and_logs(built_states):
    """Student and staff names and birth dates appear only on the review page."""
    for state, built in built_states.items():
        connection = duckdb.connect(str(built.database), read_only=True)
        try:
            tables = {row[0] for row in connection.execute(
                "select table_name from information_schema.tables where table_schema = 'raw'").fetchall()}
            if "identity" not in tables:
                pytest.skip("the sample district has no identity table yet")
            values = connection.execute(
                "select distinct v from (select first_name as v from raw.identity union all "
                "select last_name from raw.identity union all select legal_last_name from raw.identity union all "
                "select cast(birthdate as varchar) from raw.identity) where length(v) >= 5").fetchall()
        finally:
            connection.close()
        secrets = {value for (value,) in values}
        texts = {"stdout": built.stdout, "summary": json.dumps(built.summary_json),
                 "dbt log": built.log_file.read_text(encoding="utf-8")}
        # One pass per text over all the values at once (the longest first): a text that shows any value matches.
        shown = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(secrets, key=len, reverse=True))) + r")\b")
        for where, text in texts.items():
            leaked = sorted(set(shown.findall(text))) if secrets else []
            assert not leaked, f"{state}: {where} shows {leaked[:5]}"


# --- docs: the dbt site, lineage ending at each export file ---------------------------------------------------------

def test_exposure_files_are_in_sync_with_the_marts():
    from statereport import exposures

    stale = [str(path.relative_to(REPO_ROOT)) for path in exposures.sync(check=True)]
    assert not stale, f"run scripts/sync_exposures and commit: {stale}"


def test_every_export_file_is_an_exposure(built_states):
    for state in built_states:
        manifest = _manifest(state)
        exports = {unique_id for unique_id, node in manifest["nodes"].items()
                   if node["resource_type"] == "model" and node["config"].get("meta", {}).get("export")}
        exposed = {dependency for exposure in manifest["exposures"].values()
                   for dependency in exposure["depends_on"]["nodes"]}
        missing = sorted(exports - exposed)
        assert not missing, f"export models without a dbt exposure: {missing}; run scripts/sync_exposures"


def test_docs_writes_the_site_from_the_built_warehouse(built_states, tmp_path):
    built = built_states["ky"]
    completed = run_cli("docs", "--state", "ky", "--warehouse", str(built.database.parent), "--out", str(tmp_path),
                        "--quiet")
    assert "documentation site:" in completed.stdout
    site = tmp_path / "ky"
    assert (site / "index.html").exists() and (site / "catalog.json").exists()
    assert (site / "static_index.html").stat().st_size > 100_000, "the one-file site embeds manifest and catalog"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["exposures"]) == set(_manifest("ky")["exposures"])
    assert not DBT_CONSOLE_LINES.search(completed.stdout)


def test_validate_writes_the_review_page_and_no_export_file(tmp_path):
    """One more dbt start (Kentucky only): validate builds and summarises like run, but writes no export file and
    leaves the files of an earlier run in place."""
    out = tmp_path / "out"
    (out / "ky").mkdir(parents=True)
    (out / "ky" / "KECS_LEAD_Staff.csv").write_text("from an earlier run\n")
    summary_path = tmp_path / "summary.json"
    completed = run_cli("validate", "--state", "ky", "--warehouse", str(tmp_path / "wh"), "--out", str(out),
                        "--quiet", "--summary-json", str(summary_path), check=False)
    assert completed.returncode in (EXIT_OK, EXIT_CRITICAL), completed.stderr
    assert sorted(path.name for path in (out / "ky").iterdir()) == ["KECS_LEAD_Staff.csv", "review.html"]
    assert (out / "ky" / "KECS_LEAD_Staff.csv").read_text() == "from an earlier run\n"
    document = json.loads(summary_path.read_text())
    (state,) = document["states"]
    assert all(extract["files"] == [] for extract in state["extracts"])
    assert document["exit_code"] == completed.returncode


def test_extract_el_run_writes_the_ledger_of_what_it_built(tmp_path):
    """`--extract el` builds only the EL marts; the run still writes Exclusion_Ledger, holding the EL rows only."""
    import csv

    out = tmp_path / "out"
    run_cli("run", "--state", "ky", "--extract", "el", "--warehouse", str(tmp_path / "warehouse"), "--out", str(out),
            "--quiet")
    ledger = out / "ky" / "Exclusion_Ledger.csv"
    assert ledger.exists(), sorted(path.name for path in (out / "ky").iterdir())
    with ledger.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "the EL sample excludes someone, so the ledger has rows"
    names = {value for row in rows for key, value in row.items() if key.lower().replace(" ", "_") == "extract_name"}
    assert names and all(name.startswith("EL_Extract") for name in names), names


def test_run_help_leads_with_the_five_most_used_options():
    output = CliRunner().invoke(cli.main, ["run", "--help"], terminal_width=120).output
    options = output.split("Most used:", 1)[1]
    first_section = options.split("\n\n", 1)[0]
    shown = [line.split()[0] for line in first_section.splitlines() if line.startswith("  --")]
    assert shown == ["--data-dir", "--state", "--extract", "--out", "--fail-on"]
    assert output.index("Most used:") < output.index("Run:"), "the rest follow in their sections"
    assert output.count("--data-dir DIRECTORY") == 1, "an option is listed once"


def test_one_mapping_from_error_to_exit_code():
    """Issue 22: every command maps an error to its exit code through cli.ERROR_EXIT_CODES (the --help table)."""
    from statereport.dbt_runner import DbtFailure
    from statereport.exports import ExportError
    from statereport.loader import InputError
    from statereport.options import OptionError
    from statereport.summary import EXIT_BUILD_FAILED, EXIT_EXPORT_FAILED, EXIT_WAREHOUSE_IN_USE
    from statereport.warehouse import WarehouseInUse

    assert cli.exit_code_of(InputError("x")) == cli.exit_code_of(OptionError("x")) == EXIT_BAD_INPUT
    assert cli.exit_code_of(DbtFailure("x")) == EXIT_BUILD_FAILED
    assert cli.exit_code_of(ExportError("x")) == cli.exit_code_of(OSError(28, "No space left")) == EXIT_EXPORT_FAILED
    assert cli.exit_code_of(WarehouseInUse("x")) == EXIT_WAREHOUSE_IN_USE
    assert cli.exit_code_of(cli.OutputUnwritable("x", 3)) == 3
    full = OSError(28, "No space left on device")
    full.filename = "/out/ky/KECS_LEAD_Detail.csv"
    assert cli.error_line(full) == "/out/ky/KECS_LEAD_Detail.csv: cannot write: No space left on device"
    source = Path(cli.__file__).read_text(encoding="utf-8")
    assert source.count("finish(EXIT_") <= 1, "exit codes are chosen by exit_code_of, not by a ladder of except blocks"
    # the history commands (history, mark-submitted, diff) map their errors through the same table
    from statereport import history_commands
    from statereport.history import HistoryError

    assert cli.exit_code_of(HistoryError("x")) == EXIT_BAD_INPUT
    history_source = Path(history_commands.__file__).read_text(encoding="utf-8")
    assert "EXIT_BAD_INPUT" not in history_source and "EXIT_EXPORT_FAILED" not in history_source
    assert re.findall(r"sys\.exit\((.*)\)", history_source) == ["exit_code_of(error)"]

"""Options that cannot give a meaningful report, unwritable outputs, the warehouse lock, owner-only warehouse files and
a second-state process that dies with its parent (issue 16 B-E). None of these cases needs a dbt build: each is
refused, or proven, before anything is built."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from conftest import REPO_ROOT, run_cli
from statereport.warehouse import WarehouseInUse, building_database, warehouse_lock


def _error_lines(completed) -> list[str]:
    return [line for line in completed.stderr.splitlines() if line.strip()]


def _refused(completed, code: int, *needles: str) -> str:
    """The run ended with `code` and exactly one `error:` line on stderr holding every needle, no traceback."""
    assert completed.returncode == code, completed.stderr
    assert "Traceback" not in completed.stderr
    lines = _error_lines(completed)
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _tree(folder) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("--start-date", "2025-06-01", "--end-date", "2025-05-15"), ("--start-date 2025-06-01", "end date 2025-05-15")),
        (("--start-date", "06012025", "--end-date", "05152025"), ("is after the end date",)),
        (("--start-date", "2025-06-01", "--run-date", "2025-05-15"), ("run date 2025-05-15",)),
        (("--state", "ky", "--extract", "el", "--grade", "7"), ("--grade 7", "var lead_state_grades")),
        (("--state", "ks", "--grade", "05,XX"), ("--grade XX", "ks_kids__grade_codes.csv")),
    ],
)
def test_an_option_that_cannot_give_a_report_is_refused_before_the_build(tmp_path, args, needles):
    warehouse, out = tmp_path / "wh", tmp_path / "out"
    completed = run_cli("run", *args, "--warehouse", str(warehouse), "--out", str(out), "-q", check=False)
    _refused(completed, 2, *needles)
    assert _tree(warehouse) == [] and _tree(out) == []  # nothing was built or written


def test_a_grade_of_the_other_state_is_not_checked_against_this_one(tmp_path):
    """--grade sets the EL and the KIDS var; a Kentucky run checks only Kentucky's grade list."""
    from statereport.cli import check_option_ranges

    check_option_ranges({"el_grade_levels": ["95"], "kids_test_grades": ["95"]}, ["ky"])
    with pytest.raises(Exception, match="--grade 95"):
        check_option_ranges({"el_grade_levels": ["95"], "kids_test_grades": ["95"]}, ["ks"])


@pytest.mark.parametrize("date_form", ["YYYY-MM-DD", "", "mmddyyyy"])
def test_a_kids_date_form_the_writer_does_not_know_is_refused(date_form):
    """KIDS-DATE-FORMAT: only the forms macro ks_kids_date_form writes and checks reach the build."""
    from statereport.cli import check_option_ranges

    with pytest.raises(Exception, match="--kids-date-format"):
        check_option_ranges({"kids_date_format": date_form}, ["ks"])
    check_option_ranges({"kids_date_format": date_form}, ["ky"])  # a Kentucky run has no KIDS file
    for known in ("MMDDYYYY", "MM/DD/YYYY"):
        check_option_ranges({"kids_date_format": known}, ["ks"])


def test_the_python_date_forms_match_the_macro():
    from statereport.options import KIDS_DATE_FORMATS

    macro = (REPO_ROOT / "macros" / "ks_kids" / "ks_kids_extract_dates.sql").read_text()
    assert all(f"'{form}': {{" in macro for form in KIDS_DATE_FORMATS)
    assert macro.count("'strftime':") == len(KIDS_DATE_FORMATS)


@pytest.mark.parametrize(
    ("target", "code", "needle"),
    [("warehouse", 3, "the warehouse folder (--warehouse) cannot be written"),
     ("out", 5, "the output folder (--out) cannot be written"),
     ("summary", 5, "--summary-json")],
)
def test_an_unwritable_output_path_is_refused_before_the_build(tmp_path, target, code, needle):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder\n")
    paths = {"warehouse": tmp_path / "wh", "out": tmp_path / "out", "summary": tmp_path / "s.json"}
    paths[target] = blocker / "below"  # a path under a regular file can never be created
    completed = run_cli("run", "--state", "ky", "--warehouse", str(paths["warehouse"]), "--out", str(paths["out"]),
                        "--summary-json", str(paths["summary"]), "-q", check=False)
    line = _refused(completed, code, needle, str(blocker))
    assert "Not a directory" in line
    assert _tree(tmp_path) == ["a_file"]  # no warehouse, no export folder, no summary, no probe file left


def test_summary_json_that_is_a_folder_is_refused(tmp_path):
    (tmp_path / "s.json").mkdir()
    completed = run_cli("run", "--state", "ky", "--warehouse", str(tmp_path / "wh"), "--out", str(tmp_path / "out"),
                        "--summary-json", str(tmp_path / "s.json"), "-q", check=False)
    assert completed.returncode == 2 and "Traceback" not in completed.stderr  # click refuses it as a usage error
    assert "'--summary-json'" in completed.stderr and "is a directory" in completed.stderr
    assert not (tmp_path / "wh").exists()


HOLD_RUN_LOCK = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from statereport.warehouse import warehouse_lock
    with warehouse_lock(Path(sys.argv[1])):
        print('locked', flush=True)
        time.sleep(60)
""")


@pytest.fixture()
def held_lock(tmp_path):
    database = tmp_path / "wh" / "ky.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_RUN_LOCK, str(database)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield database, holder
    holder.kill()
    holder.wait()


def test_the_run_lock_is_exclusive_across_processes_and_names_the_holder(held_lock):
    database, holder = held_lock
    with pytest.raises(WarehouseInUse, match=rf"in use by another process \(process {holder.pid}\)"):
        with warehouse_lock(database):
            pass


def test_a_second_run_while_the_first_holds_the_lock_exits_4_and_changes_nothing(held_lock, tmp_path):
    database, _ = held_lock
    before = _tree(database.parent)
    completed = run_cli("run", "--state", "ky", "--warehouse", str(database.parent), "--out", str(tmp_path / "out"),
                        "-q", check=False)
    _refused(completed, 4, "in use by another process")
    assert _tree(database.parent) == before  # not even a .building file was created
    assert not (tmp_path / "out" / "ky").exists()


def test_the_lock_is_released_when_its_holder_is_killed(held_lock):
    database, holder = held_lock
    holder.kill()
    holder.wait()
    with warehouse_lock(database):  # kill -9 leaves no stale lock behind
        pass


def test_two_runs_started_together_one_proceeds_and_the_other_is_refused(tmp_path):
    """Two processes race for one warehouse's lock at the same instant, many times over: exactly one wins each time."""
    race = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from statereport.warehouse import WarehouseInUse, warehouse_lock
        start = float(sys.argv[2])
        while time.time() < start:
            pass
        try:
            with warehouse_lock(Path(sys.argv[1])):
                time.sleep(0.5)
                print('ran')
        except WarehouseInUse:
            print('refused')
    """)
    for attempt in range(3):
        database = tmp_path / f"wh{attempt}" / "ky.duckdb"
        start = time.time() + 1.5
        racers = [subprocess.Popen([sys.executable, "-c", race, str(database), str(start)], stdout=subprocess.PIPE,
                                   text=True) for _ in range(2)]
        outcomes = sorted(racer.communicate()[0].strip() for racer in racers)
        assert outcomes == ["ran", "refused"]


def test_the_warehouse_file_and_a_folder_it_creates_are_owner_only(tmp_path):
    database = tmp_path / "new" / "deeper" / "ky.duckdb"
    with building_database(database) as building:
        duckdb.connect(str(building)).execute("create table t as select 1 as x").close()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    lock = database.with_name("ky.lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_an_existing_warehouse_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o750)
    os.chmod(folder, 0o750)
    with building_database(folder / "ks.duckdb") as building:
        duckdb.connect(str(building)).execute("create table t as select 1 as x").close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750
    assert stat.S_IMODE((folder / "ks.duckdb").stat().st_mode) == 0o600


def test_the_second_state_process_dies_with_its_parent(tmp_path):
    """The parent of `--state all` is killed by a signal: its child (started as _OtherProcessState starts it) goes too,
    so no orphan later swaps files into place."""
    pid_file = tmp_path / "child.pid"
    parent = textwrap.dedent(f"""
        import subprocess, sys, time
        from statereport.cli import _die_with_parent
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], preexec_fn=_die_with_parent)
        open({str(pid_file)!r}, "w").write(str(child.pid))
        time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", parent])
    deadline = time.time() + 30
    while not (pid_file.exists() and pid_file.read_text()) and time.time() < deadline:
        time.sleep(0.1)
    child_pid = int(pid_file.read_text())
    process.kill()
    process.wait()
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            with open(f"/proc/{child_pid}/stat") as handle:
                state = handle.read().split(")")[-1].split()[0]
        except FileNotFoundError:
            break
        if state == "Z":  # killed, waiting to be reaped by init
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"child {child_pid} outlived its killed parent")


CHECK_TAMPERED = textwrap.dedent("""
    import sys
    from statereport.dbt_runner import DbtFailure, DbtSession
    session = DbtSession(sys.argv[3] if len(sys.argv) > 3 else "ky", sys.argv[1], log_dir=sys.argv[2])
    session.built = {uid for uid, node in session.manifest.nodes.items() if node.resource_type == "model"}
    names = [node.name for node in session.run_check_tests()]
    print("selected " + " ".join(names), flush=True)
    try:
        session.run_checks()
    except DbtFailure as error:
        print("failed " + str(error), flush=True)
""")


@pytest.fixture(scope="module")
def ky_run_and_a_second_refused(tmp_path_factory):
    """One Kentucky build for two tests: a run (not quiet: its notes go to stderr) and, started a second after it on
    the same warehouse, a second run that must be refused while the first holds the lock."""
    root = tmp_path_factory.mktemp("two_runs")
    warehouse = root / "wh"
    command = [sys.executable, "-m", "statereport.cli", "run", "--state", "ky", "--warehouse", str(warehouse)]
    first = subprocess.Popen([*command, "--out", str(root / "out1")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    second = subprocess.run([*command, "-q", "--out", str(root / "out2")], capture_output=True, text=True)
    first_out, first_err = first.communicate(timeout=600)
    return {"root": root, "warehouse": warehouse, "first": (first.returncode, first_out, first_err), "second": second}


def test_every_run_proves_conservation_and_a_broken_warehouse_fails_the_check(ky_run_and_a_second_refused, tmp_path):
    """A real run prints that its conservation and key tests passed; the same checks, on a warehouse from which Detail
    rows were removed (candidates neither reported nor in the ledger), fail naming the test and the record count."""
    returncode, _, stderr = ky_run_and_a_second_refused["first"]
    assert returncode in (0, 6), stderr[-4000:]
    assert "conservation and key tests passed on the data just built" in stderr
    database = tmp_path / "ky.duckdb"  # a copy: the run's own warehouse stays as it built it
    shutil.copyfile(ky_run_and_a_second_refused["warehouse"] / "ky.duckdb", database)
    with duckdb.connect(str(database)) as connection:
        removed = connection.execute(
            "delete from intermediate.int_ky_lead__detail where section_id in "
            "(select section_id from intermediate.int_ky_lead__detail where person_id is not null limit 3)").fetchone()[0]
    assert removed > 0
    checked = subprocess.run([sys.executable, "-c", CHECK_TAMPERED, str(database), str(tmp_path / "logs")],
                             capture_output=True, text=True)
    selected = checked.stdout.split("\n")[0].split()[1:]
    assert "ky_lead_detail_conservation" in selected and "ky_lead_staff_conservation" in selected
    assert any(name.startswith("unique") for name in selected)  # the mart key tests
    failed = [line for line in checked.stdout.splitlines() if line.startswith("failed ")]
    assert failed and "ky_lead_detail_conservation (" in failed[0] and "records)" in failed[0], checked.stdout


def test_the_detail_conservation_check_names_each_kind_of_loss(ky, tmp_path):
    """The Detail conservation check (run on every run) finds each of its four problems on a tampered copy of the
    sample warehouse, each on the key it was planted on: a candidate dropped from the Detail, a candidate both reported
    and excluded, an excluded key that is no candidate, and an unused enrollment missing from the ledger."""
    compiled = REPO_ROOT / "target" / "ky" / "compiled" / "statereport" / "tests" / "dbt" / "ky_lead_detail_conservation.sql"
    assert compiled.exists(), "the session's Kentucky run compiles the check when it runs it"
    shutil.copyfile(ky.database, tmp_path / "ky.duckdb")
    with duckdb.connect(str(tmp_path / "ky.duckdb")) as connection:
        reported = connection.execute(
            "select distinct section_id, person_id from intermediate.int_ky_lead__detail where person_id is not null "
            "order by section_id, person_id limit 2").fetchall()
        (dropped_section, dropped_person), (both_section, both_person) = reported
        connection.execute("delete from intermediate.int_ky_lead__detail where section_id = ? and person_id = ?",
                           [dropped_section, dropped_person])
        template = "select * replace (? as record_key, ? as person_id, ? as section_id) from marts.ky_lead__detail_exclusions limit 1"
        for section, person in ((both_section, both_person), (both_section, -7)):
            connection.execute(f"insert into marts.ky_lead__detail_exclusions {template}",
                               [f"{section}|{person}", person, section])
        unused = connection.execute("select record_key from marts.ky_lead__detail_exclusions "
                                    "where record_key like '%|%|%' order by record_key limit 1").fetchone()[0]
        connection.execute("delete from marts.ky_lead__detail_exclusions where record_key = ?", [unused])
    with duckdb.connect() as connection:
        connection.execute(f"attach '{tmp_path / 'ky.duckdb'}' as ky (read_only)")
        found = set(connection.execute(f"select record_key, problem from ({compiled.read_text()})").fetchall())
    assert found == {
        (f"{dropped_section}|{dropped_person}", "candidate neither reported nor excluded"),
        (f"{both_section}|{both_person}", "candidate both reported and excluded"),
        (f"{both_section}|-7", "reported or excluded key that is not a candidate"),
        (unused, "enrollment neither reported nor excluded"),
    }


def test_a_kids_record_built_twice_fails_the_run_check(ks, tmp_path):
    """The KIDS files' own key can repeat by design, so the run proves the grain one step earlier: one
    int_ks_kids__records row per record type and enrollment (tag run_check). A doubled record fails it by name."""
    database = tmp_path / "ks.duckdb"
    shutil.copyfile(ks.database, database)
    with duckdb.connect(str(database)) as connection:
        connection.execute("insert into intermediate.int_ks_kids__records "
                           "select * from intermediate.int_ks_kids__records limit 1")
    checked = subprocess.run([sys.executable, "-c", CHECK_TAMPERED, str(database), str(tmp_path / "logs"), "ks"],
                             capture_output=True, text=True)
    selected = checked.stdout.split("\n")[0].split()[1:]
    assert "ks_kids_exclusions_conserve" in selected, checked.stdout + checked.stderr[-2000:]
    assert "ks_kids_records_one_per_type_and_enrollment" in selected, selected
    failed = [line for line in checked.stdout.splitlines() if line.startswith("failed ")]
    assert failed and "ks_kids_records_one_per_type_and_enrollment (1 records)" in failed[0], checked.stdout


@pytest.mark.parametrize(
    ("args", "needles"),
    [(("--state", "ky", "--extract", "lead", "--calendar", "424242"), ("--calendar 424242", "lead_calendar_ids")),
     (("--state", "ks", "--kids-end-year", "1999"), ("--kids-end-year 1999", "end years are"))],
)
def test_calendars_and_school_years_that_match_no_calendar_are_refused_before_the_build(tmp_path, args, needles):
    warehouse, out = tmp_path / "wh", tmp_path / "out"
    completed = run_cli("run", *args, "--warehouse", str(warehouse), "--out", str(out), "-q", check=False)
    _refused(completed, 2, *needles)
    state = args[1]
    assert not (warehouse / f"{state}.duckdb").exists() and not (warehouse / f"{state}.duckdb.building").exists()
    assert not (out / state).exists()
    # Refused before dbt started: no parse was paid for a run that cannot succeed.
    assert not (warehouse / "logs" / state / "dbt.log").exists()


@pytest.mark.parametrize("value", ["<!--<script>", "</script><b>x</b>", "]]>", "a & b \"quoted\" 'single'", "<\u2028>"])
def test_review_page_data_in_a_script_block_is_escaped_for_that_context(value):
    import json as json_module

    from statereport.review import Table

    text = Table("t", "T", ["Name"], [[value]], 1).as_json()
    assert "<" not in text and ">" not in text and "&" not in text
    assert json_module.loads(text)["rows"] == [[value]]


def test_an_extract_whose_candidates_are_all_excluded_says_so(tmp_path):
    import json as json_module

    summary = tmp_path / "summary.json"
    completed = run_cli("run", "--state", "ky", "--extract", "el", "--grade", "99", "--warehouse", str(tmp_path / "wh"),
                        "--out", str(tmp_path / "out"), "-q", "--summary-json", str(summary))
    assert "NOTE       no record reported: all" in completed.stdout
    extract = json_module.loads(summary.read_text())["states"][0]["extracts"][0]
    assert extract["all_candidates_excluded"] is True
    assert sum(report["rows"] for report in extract["reported"]) == 0
    assert extract["excluded_rows"] > 0 and extract["note"].startswith("no record reported")


def test_two_runs_started_a_second_apart_on_one_warehouse(ky_run_and_a_second_refused):
    """The second exits 4 with one line and changes nothing; the first completes."""
    root = ky_run_and_a_second_refused["root"]
    returncode, _, first_err = ky_run_and_a_second_refused["first"]
    assert returncode in (0, 6), first_err
    _refused(ky_run_and_a_second_refused["second"], 4, "in use by another process")
    assert not (root / "out2" / "ky").exists()
    assert (root / "out1" / "ky" / "KECS_LEAD_Detail.csv").exists()


@pytest.mark.parametrize(("states", "expected"), [(["KY"], "ky"), (["KS", "KS"], "ks"), (["KY", "KS"], None),
                                                  ([""], None)])
def test_the_state_comes_from_the_district_table(tmp_path, states, expected):
    from statereport.cli import district_state
    from statereport.options import OptionError

    folder = tmp_path / "district"
    folder.mkdir()
    lines = ["district_id,number,name,state"] + [f"{index},{index:03d},D{index},{state}"
                                                 for index, state in enumerate(states, start=1)]
    (folder / "district.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if expected is None:
        with pytest.raises(OptionError, match="a run is one state: pass --state ky or --state ks"):
            district_state(folder, ())
    else:
        assert district_state(folder, ()) == expected
    assert district_state(folder, ("kids",)) == "ks"


def test_a_data_dir_without_state_runs_only_the_district_state(tmp_path):
    from test_bad_input import copy_sample

    folder = copy_sample(tmp_path / "district")
    completed = run_cli("run", "--data-dir", str(folder), "--warehouse", str(tmp_path / "wh"),
                        "--out", str(tmp_path / "out"), "-q")
    assert "== KY" in completed.stdout and "== KS" not in completed.stdout
    assert (tmp_path / "out" / "ky").is_dir() and not (tmp_path / "out" / "ks").exists()

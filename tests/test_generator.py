"""The synthetic district generator: determinism, contract conformance, the scenario hook, the committed samples,
and one end-to-end run on a generated district per state."""

from __future__ import annotations

import csv
import filecmp
from pathlib import Path

import duckdb
import pytest

from conftest import COMPLETED_EXIT_CODES, run_cli
from statereport.contract import load_contract, tables_for_state
from statereport.generator import generate_district
from statereport.generator import scenarios as scenario_registry
from statereport.generator.samples import SAMPLE_SEED, SAMPLE_STUDENTS
from statereport.loader import load_district

REPO_ROOT = Path(__file__).resolve().parents[1]
SMALL = 60


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> dict[str, Path]:
    folders = {}
    for state in ("ky", "ks"):
        folder = tmp_path_factory.mktemp(f"small_{state}")
        generate_district(state, SMALL, 11, folder)
        folders[state] = folder
    return folders


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_same_seed_gives_byte_identical_files(state, small, tmp_path):
    generate_district(state, SMALL, 11, tmp_path)
    assert _files(tmp_path) == _files(small[state])
    match, mismatch, errors = filecmp.cmpfiles(small[state], tmp_path, _files(tmp_path), shallow=False)
    assert mismatch == [] and errors == []


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_other_seed_gives_other_values(state, small, tmp_path):
    generate_district(state, SMALL, 12, tmp_path)
    for table in ("person", "identity", "enrollment", "roster"):
        assert (tmp_path / f"{table}.csv").read_bytes() != (small[state] / f"{table}.csv").read_bytes(), table


def test_states_differ(small):
    ky_ids = (small["ky"] / "person.csv").read_text().splitlines()[1:]
    ks_ids = (small["ks"] / "person.csv").read_text().splitlines()[1:]
    assert ky_ids != ks_ids


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_one_file_per_contract_table_with_every_column_in_order(state, small):
    expected = sorted(f"{t.name}.csv" for t in tables_for_state(state))
    assert _files(small[state]) == expected
    for table in tables_for_state(state):
        with (small[state] / f"{table.name}.csv").open(newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == table.column_names, table.name


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_loader_accepts_and_contract_rules_hold(state, small, tmp_path):
    database = tmp_path / "check.duckdb"
    loaded = load_district(database, small[state], state)
    assert {t.table for t in loaded} == {t.name for t in tables_for_state(state)}
    needed = {t.name for t in tables_for_state(state)}
    problems = []
    with duckdb.connect(str(database)) as con:
        for table in tables_for_state(state):
            relation = f'raw."{table.name}"'
            if table.primary_key:
                key = ", ".join(f'"{c}"' for c in table.primary_key)
                duplicates = con.execute(
                    f"select count(*) from (select {key} from {relation} group by all having count(*) > 1)").fetchone()[0]
                if duplicates:
                    problems.append(f"{table.name}: {duplicates} duplicate keys")
            for column in table.columns:
                name = f'"{column.name}"'
                if column.meta.get("required"):
                    nulls = con.execute(f"select count(*) from {relation} where {name} is null").fetchone()[0]
                    if nulls:
                        problems.append(f"{table.name}.{column.name}: {nulls} nulls")
                accepted = column.meta.get("accepted_values")
                if accepted:
                    values = ", ".join("'" + str(v) + "'" for v in accepted)
                    bad = con.execute(f"select distinct {name} from {relation} where {name} is not null "
                                      f"and {name} not in ({values})").fetchall()
                    if bad:
                        problems.append(f"{table.name}.{column.name}: not accepted {bad}")
                if column.meta.get("pattern"):
                    bad = con.execute(f"select count(*) from {relation} where {name} is not null and not "
                                      f"regexp_full_match({name}, ?)", [column.meta["pattern"]]).fetchone()[0]
                    if bad:
                        problems.append(f"{table.name}.{column.name}: {bad} values break {column.meta['pattern']}")
            for foreign_key in table.foreign_keys:
                target, target_column = foreign_key["references"].split(".")
                if target not in needed:
                    continue
                orphans = con.execute(
                    f'select count(*) from {relation} where "{foreign_key["column"]}" is not null and '
                    f'"{foreign_key["column"]}" not in (select "{target_column}" from raw."{target}")').fetchone()[0]
                if orphans:
                    problems.append(f"{table.name}.{foreign_key['column']}: {orphans} orphans")
    assert problems == []


def test_codes_keep_leading_zeros_and_booleans_are_words(small):
    with (small["ky"] / "school.csv").open(newline="") as handle:
        numbers = [row["number"] for row in csv.DictReader(handle)]
    assert all(len(n) == 3 for n in numbers) and any(n.startswith("0") for n in numbers)
    with (small["ks"] / "enrollment.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["no_show"] for r in rows} <= {"true", "false"}
    assert all(len(r["start_date"]) == 10 and r["start_date"][4] == "-" for r in rows)


def test_parquet_output_loads(tmp_path):
    generate_district("ks", 30, 3, tmp_path / "pq", file_format="parquet")
    loaded = load_district(tmp_path / "pq.duckdb", tmp_path / "pq", "ks")
    rows = {t.table: t.rows for t in loaded}
    assert rows["person"] > 30 and rows["attendance"] > 0


def test_unmodelled_contract_column_is_written_empty(tmp_path, monkeypatch):
    """A column added to the contract that the generator does not know about appears, empty, in contract order."""
    from statereport.contract import Column
    import statereport.generator.core as core

    contract = load_contract()
    person = contract["person"]
    extended = type(person)(person.name, person.description,
                            person.columns + (Column("brand_new", "varchar", "added later"),),
                            person.primary_key, person.states, person.foreign_keys)
    monkeypatch.setattr(core, "tables_for_state",
                        lambda state: [extended if t.name == "person" else t for t in tables_for_state(state)])
    generate_district("ky", 20, 5, tmp_path)
    with (tmp_path / "person.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[-1] == "brand_new" and {r["brand_new"] for r in rows} == {""}


def test_scenario_rows_are_added_without_shifting_the_base_district(tmp_path):
    base = tmp_path / "base"
    generate_district("ks", 40, 9, base)

    @scenario_registry.scenario("zz_test_only", states=("ks",))
    def extra(ctx):
        calendar = next(ctx.calendars("regular"))
        for _ in range(3):
            ctx.writers["lep_service_type"].add(lep_service_type_id=ctx.ids.scenario("lep_service_type"),
                                                code=f"X{ctx.rng.randint(10, 99)}", name="test")

    try:
        with_scenario = tmp_path / "with"
        generate_district("ks", 40, 9, with_scenario)
    finally:
        del scenario_registry._REGISTRY["zz_test_only"]
    before = (base / "lep_service_type.csv").read_text().splitlines()
    after = (with_scenario / "lep_service_type.csv").read_text().splitlines()
    assert after[: len(before)] == before and len(after) == len(before) + 3
    assert (base / "enrollment.csv").read_bytes() == (with_scenario / "enrollment.csv").read_bytes()


def test_scale_features_ky(small):
    """KY specifics exist even in a small district: A2 CTE center, unreported classification, placeholders."""
    with (small["ky"] / "school.csv").open(newline="") as handle:
        classes = [row["state_classification"] for row in csv.DictReader(handle)]
    assert "A2" in classes and "" in classes and len(classes) >= 3
    with (small["ky"] / "employment.csv").open(newline="") as handle:
        licenses = {row["license_number"] for row in csv.DictReader(handle)}
    assert {"260", "271", "641", "650"} <= licenses


def test_ks_esol_codes_all_shaped(tmp_path):
    """The KS district has EL students shaped for every D42 participation code (1,2,3,5,6,7,8,0)."""
    generate_district("ks", 200, 4, tmp_path)
    with (tmp_path / "lep.csv").open(newline="") as handle:
        statuses = [row["program_status"] for row in csv.DictReader(handle)]
    assert statuses.count("LEP") >= 5 and statuses.count("Exited LEP") >= 3


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_committed_samples_are_what_the_generator_writes(state, tmp_path):
    generate_district(state, SAMPLE_STUDENTS[state], SAMPLE_SEED, tmp_path, prefix=f"{state}__")
    folder = REPO_ROOT / "seeds" / f"sample_{state}"
    committed = sorted(p.name for p in folder.glob(f"{state}__*.csv"))
    assert committed == _files(tmp_path), "run scripts/generate_samples"
    match, mismatch, errors = filecmp.cmpfiles(folder, tmp_path, committed, shallow=False)
    assert mismatch == [], f"stale sample files {mismatch}: run scripts/generate_samples"


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_statereport_runs_on_a_generated_district(state, small, tmp_path):
    completed = run_cli("run", "--state", state, "--data-dir", str(small[state]), "--warehouse",
                        str(tmp_path / "warehouse"), "--out", str(tmp_path / "out"), "--quiet")
    assert completed.returncode in COMPLETED_EXIT_CODES, completed.stderr[-3000:]
    with duckdb.connect(str(tmp_path / "warehouse" / f"{state}.duckdb"), read_only=True) as con:
        students = con.execute("select count(distinct person_id) from raw.enrollment").fetchone()[0]
    assert students >= SMALL


@pytest.mark.parametrize("state", ["ky", "ks"])
def test_school_numbers_stay_unique_in_a_statewide_district(state, tmp_path):
    """A 700,000-student district has about 780 schools; two with one number would merge in Schoolwide (the run's
    key check stops such a run with exit 3), so the generator never repeats one."""
    from statereport.generator.district import DistrictGenerator, Writers

    generator = DistrictGenerator(state, 700_000, 1, tmp_path, "csv")
    generator.w = Writers(state, tmp_path, "csv", "")
    try:
        generator._district()
        generator._schools()
    finally:
        generator.w.close()
    numbers = [school.number for school in generator.schools]
    assert len(numbers) > 700 and len(set(numbers)) == len(numbers)
    assert {len(number) for number in numbers} == {3 if state == "ky" else 4}

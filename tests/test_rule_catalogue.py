"""Every rule catalogue seed feeds the catalogue, every extract's exclusions feed the ledger, and every excluded
record's rule id joins to the catalogue."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]


def test_every_catalogue_seed_is_unioned():
    listed = set(re.findall(r"'(rule_catalogue__\w+)'", (REPO / "models/intermediate/rules/int_rules__catalogue.sql").read_text()))
    seeds = {path.stem for path in (REPO / "seeds/reference").glob("rule_catalogue__*.csv")}
    assert seeds == listed


def test_catalogue_seeds_share_one_header_and_ids_are_unique():
    seen: dict[str, str] = {}
    for path in sorted((REPO / "seeds/reference").glob("rule_catalogue__*.csv")):
        with path.open(encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == ["rule_id", "extract_name", "kind", "severity", "description", "how_to_fix", "spec_reference"], path
            for row in reader:
                assert row["rule_id"] not in seen, f"{row['rule_id']} is in {seen.get(row['rule_id'])} and {path.name}"
                seen[row["rule_id"]] = path.name


def test_every_exclusions_model_feeds_the_ledger():
    macro = (REPO / "macros/ledger_sources.sql").read_text()
    by_state = {state: set(re.findall(r"'(\w+exclusions)'", block)) for state, block in re.findall(r"'(ky|ks)': \[(.*?)\]", macro, re.S)}
    for path in (REPO / "models/marts").glob("*/*exclusions.sql"):
        state = path.parent.name[:2]
        assert path.stem in by_state[state], f"{path.stem} is not listed for {state} in macros/ledger_sources.sql"


def test_every_ledger_row_joins_to_the_catalogue(built_states):
    for built in built_states.values():
        connection = duckdb.connect(str(built.database), read_only=True)
        orphans = connection.execute(
            "select distinct l.rule_id from marts.exclusion_ledger l "
            "left join intermediate.int_rules__catalogue c using (rule_id) where c.rule_id is null"
        ).fetchall()
        assert orphans == []
        missing_reason = connection.execute("select count(*) from marts.exclusion_ledger where reason is null").fetchone()[0]
        assert missing_reason == 0


def test_every_warning_and_input_issue_joins_to_the_catalogue(built_states):
    """Issue 9: every warning a report shows (LEAD Issues numbers, EL W1-W4, input issues, KIDS file cleaning) names
    a catalogued rule, and one LEAD warning number always means one rule."""
    warning_tables = {
        "ky": ["marts.ky_lead__issues", "marts.ky_el__warnings", "marts.input_issues"],
        "ks": ["marts.input_issues"],
    }
    for state, built in built_states.items():
        connection = duckdb.connect(str(built.database), read_only=True)
        catalogue = {row[0] for row in connection.execute("select rule_id from intermediate.int_rules__catalogue").fetchall()}
        for table in warning_tables[state]:
            rule_ids = {row[0] for row in connection.execute(f"select distinct rule_id from {table}").fetchall()}
            assert rule_ids, f"{table} has no rows on the {state} sample: nothing would be checked"
            assert rule_ids <= catalogue, f"{table}: {sorted(rule_ids - catalogue)} not in the rule catalogue"
        if state == "ky":
            numbers = connection.execute(
                "select warning_number, count(distinct rule_id) from marts.ky_lead__issues group by warning_number "
                "having count(distinct rule_id) <> 1"
            ).fetchall()
            assert numbers == []
        connection.close()
    with (built_states["ks"].out_dir / "kids_file_warnings.csv").open(encoding="utf-8") as handle:
        file_rule_ids = {row["rule_id"] for row in csv.DictReader(handle)}
    connection = duckdb.connect(str(built_states["ks"].database), read_only=True)
    catalogue = {row[0] for row in connection.execute("select rule_id from intermediate.int_rules__catalogue").fetchall()}
    connection.close()
    assert file_rule_ids <= catalogue

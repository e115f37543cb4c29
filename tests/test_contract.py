"""The contract is written once; everything derived from it must agree with it."""

from statereport.contract import load_contract
from statereport.contract_sync import expected_files, stale_staging_files

ALLOWED_TYPE_PREFIXES = ("varchar", "integer", "bigint", "date", "timestamp", "boolean", "decimal", "double")


def test_generated_files_match_the_contract():
    drifted = [str(path) for path, text in expected_files().items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert drifted == [], f"run scripts/sync_contract: these files differ from what the contract gives: {drifted}"
    assert stale_staging_files() == []


def test_every_table_has_key_states_and_typed_documented_columns():
    contract = load_contract()
    assert len(contract) >= 40
    for table in contract.values():
        assert table.primary_key, table.name
        assert set(table.primary_key) <= set(table.column_names), table.name
        assert set(table.states) <= {"ky", "ks"} and table.states, table.name
        for column in table.columns:
            assert column.data_type.lower().startswith(ALLOWED_TYPE_PREFIXES), (table.name, column.name)
            assert column.description.strip(), (table.name, column.name)


def test_codes_are_text():
    for table in load_contract().values():
        for column in table.columns:
            if column.is_code:
                assert column.is_text, f"{table.name}.{column.name} is a code and must be varchar"


def test_foreign_keys_point_at_contract_columns():
    contract = load_contract()
    for table in contract.values():
        for foreign_key in table.foreign_keys:
            assert foreign_key["column"] in table.column_names, (table.name, foreign_key)
            target_table, target_column = foreign_key["references"].split(".")
            assert target_column in contract[target_table].column_names, (table.name, foreign_key)

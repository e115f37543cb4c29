"""The columns of the nine KIDS record marts are generated from the field seeds (scripts/sync_kids_docs)."""

import pytest
import yaml

from statereport import kids_docs


def test_kids_mart_columns_are_in_sync_with_the_field_seeds():
    assert not kids_docs.sync(check=True), (
        "run scripts/sync_kids_docs and commit: models/marts/ks_kids/_ks_kids__models.yml differs from what "
        "seeds/reference/ks_kids__fields.csv, ks_kids__field_matrix.csv and src/statereport/kids_column_notes.yml give")


def inputs():
    return (kids_docs.MODELS_YAML.read_text(encoding="utf-8"), kids_docs.read_csv(kids_docs.FIELDS_CSV),
            kids_docs.read_csv(kids_docs.MATRIX_CSV), kids_docs.read_notes())


def columns_of(text: str, model: str) -> dict:
    document = yaml.safe_load(text)
    entry = next(entry for entry in document["models"] if entry["name"] == model)
    return {column["name"]: column for column in entry["columns"]}


def test_a_matrix_cell_and_a_note_reach_only_their_column_and_the_rest_of_the_file_is_kept():
    text, fields, matrix, notes = inputs()
    for cell in matrix:
        if (cell["column_name"], cell["extract_code"]) == ("attended_days", "EXIT"):
            cell.update(collected="true", evidence_level="confirmed", evidence="a test's evidence")
    notes = notes | {"suffix": {"note": "a test's note", "data_tests": ["not_null"]}}
    changed = kids_docs.generate(text, fields, matrix, notes)

    exit_columns = columns_of(changed, "ks_kids__exit")
    assert exit_columns["attended_days"]["description"] == (
        "D23 Attended Days. Collected by EXIT (confirmed: a test's evidence); default when empty: Blank.")
    assert exit_columns["suffix"]["description"].startswith("D7 Suffix (a test's note). ")
    assert exit_columns["suffix"]["data_tests"] == ["not_null"]
    assert exit_columns["record_type"]["data_tests"] == ["not_null", {"accepted_values": {"arguments": {"values": ["EXIT"]}}}]
    assert columns_of(changed, "ks_kids__enrl")["attended_days"] == columns_of(text, "ks_kids__enrl")["attended_days"]
    before, after = yaml.safe_load(text), yaml.safe_load(changed)
    assert before["unit_tests"] == after["unit_tests"]
    for old, new in zip(before["models"], after["models"], strict=True):
        assert {k: v for k, v in old.items() if k != "columns"} == {k: v for k, v in new.items() if k != "columns"}


def test_a_note_for_an_unknown_column_or_a_missing_marker_is_an_error():
    text, fields, matrix, notes = inputs()
    with pytest.raises(ValueError, match="not in ks_kids__fields.csv"):
        kids_docs.generate(text, fields, matrix, notes | {"no_such_column": {"note": "x"}})
    with pytest.raises(ValueError, match="ks_kids__sped has no `columns:` between"):
        kids_docs.generate("".join(text.rsplit(kids_docs.END, 1)), fields, matrix, notes)

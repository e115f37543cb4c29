"""The submission diff: what changed in each export file between two runs of the history (`statereport.history`).

Records are paired by the record key each exported mart declares once, in `config.meta.export.record_key`. A key
that is not unique in a file (a KIDS student with records in two calendars of one school: the files carry no
calendar) pairs identical records first, then the rest in a fixed order (by a hash of their fields). Records are
matched as identical on a 64-bit hash of their fields. For every file the diff reports records added, removed and changed, and
for changed records each changed field with its value before and after. `date_time_generated` is not compared: it
is the run's stamp, so the same inputs give an empty diff.

Why a record vanished comes from the newer run's exclusion ledger, matched through `config.meta.export.
ledger_match` (ledger attribute -> mart column; `state_id` and `student_number` go through the run's person table to
the ledger's person_id): the rule and its reason, or "no longer in the district's data". Why a record appeared comes
from the older run's ledger: the rule that no longer applies, or "new in the district's data".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from statereport.exports import write_csv, write_html
from statereport.history import IGNORED_FIELDS, LEDGER_FILE, PEOPLE_FILE, RunRecord

DIFF_FILE = "Submission_Diff"
PERSON_ATTRIBUTES = {"state_id", "student_number"}
DIFF_COLUMNS = ("file_name", "change", "record_key", "field", "before", "after", "reason")

GONE = "no longer in the district's data"
GONE_FROM_FILE = ("no longer in the district's data for this file (the person is still in the data; no exclusion "
                  "rule names the record)")
NEW = "new in the district's data"
NEW_IN_FILE = "new in the district's data for this file (the person was in the data; no exclusion rule named the record)"


@dataclass
class FileDiff:
    file_name: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    changed_fields: int = 0


@dataclass
class DiffResult:
    from_run: str | None
    to_run: str
    files: list[FileDiff] = field(default_factory=list)
    csv_path: str | None = None
    html_path: str | None = None
    not_compared: list[str] = field(default_factory=list)  # files only one of the two runs wrote

    def totals(self) -> dict[str, int]:
        return {name: sum(getattr(one, name) for one in self.files)
                for name in ("added", "removed", "changed", "changed_fields")}

    def to_json(self) -> dict:
        return {"from_run": self.from_run, "to_run": self.to_run, **self.totals(),
                "files": [vars(one) for one in self.files], "not_compared": self.not_compared,
                "csv": self.csv_path, "html": self.html_path}

    def line(self) -> str:
        totals = self.totals()
        return (f"{totals['added']:,} added, {totals['removed']:,} removed, {totals['changed']:,} changed "
                f"({totals['changed_fields']:,} fields)")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _records_view(connection, name: str, run: RunRecord | None, entry: dict | None, columns: list[str],
                  keys: list[str], compared: list[str]) -> None:
    """One run's records of a file: a view `<name>_full` of every field (`__row`: the record's row in its Parquet file)
    and a narrow temp table `<name>` of `__row`, `__k` (the record key, as a 128-bit md5), `__hash` (a hash of the
    compared fields) and `__same` (an ordinal among equal records). Unchanged records are matched on the narrow
    columns; only the rest are read in full, so a 3.6 million-row Detail stays cheap."""
    if run is not None and entry is not None and (run.path / entry["parquet"]).exists():
        present = {column for column, _ in entry["columns"]}
        source = f"from read_parquet({_lit(run.path / entry['parquet'])}, file_row_number = true)"
        row = "file_row_number"
    else:
        present, source, row = set(), "where false", "cast(null as bigint)"
    select = ", ".join(f"{_q(c)}" if c in present else f"cast(null as varchar) as {_q(c)}" for c in columns)
    connection.execute(f"create or replace temp view {name}_full as select {select}, {row} as __row {source}")
    key_parts = ", ".join(f"coalesce({_q(k)}, chr(0))" for k in keys) or "''"
    row_hash = f"hash({', '.join(_q(c) for c in compared)})" if compared else "0"
    connection.execute(f"create or replace temp table {name} as select __row, __k, __hash, row_number() over "
                       f"(partition by __k, __hash) as __same from (select __row, md5_number(concat_ws(chr(31), "
                       f"{key_parts})) as __k, {row_hash} as __hash from {name}_full)")


def _unmatched(connection, name: str, records: str, other: str) -> None:
    """The records of `records` with no identical record (same key and fields) in `other`, in full, each with
    `__key`: its key plus an ordinal among the unmatched records of that key, so a repeated key pairs in a fixed
    order."""
    connection.execute(f"create or replace temp table {name}_narrow as select * from {records} as r where not exists "
                       f"(select 1 from {other} as o where o.__k = r.__k and o.__hash = r.__hash and o.__same = r.__same)")
    # Nothing unmatched (a resubmission of the same data): no second read of the file.
    none_left = connection.execute(f"select count(*) = 0 from {name}_narrow").fetchone()[0]
    connection.execute(
        f"create or replace temp table {name} as select full_records.*, narrow.__k, narrow.__hash, "
        "cast(narrow.__k as varchar) || '|' || cast(row_number() over (partition by narrow.__k order by narrow.__hash) "
        f"as varchar) as __key from {name}_narrow as narrow inner join "
        f"(select * from {records}_full{' limit 0' if none_left else ''}) as full_records "
        "on full_records.__row = narrow.__row")


def _reason_sql(side: str, run: RunRecord | None, file_name: str, match: dict, columns: list[str],
                found: str, missing: str, missing_in_file: str, rule_prefix: str) -> str:
    """A select of (__key, reason) for the records of view `side`, from `run`'s ledger and people."""
    ledger = run.path / LEDGER_FILE if run is not None else None
    people = run.path / PEOPLE_FILE if run is not None else None
    usable = {attr: column for attr, column in match.items() if column in columns}
    person = next(((attr, column) for attr, column in usable.items() if attr in PERSON_ATTRIBUTES), None)
    if ledger is None or not ledger.exists() or not usable:
        return f"select __key, {_lit(missing)} as reason from {side}"
    joins, conditions = [], [f"ledger.extract_name = {_lit(file_name)}"]
    if person is not None:
        joins.append(f"inner join read_parquet({_lit(people)}) as people on people.{person[0]} = {side}.{_q(person[1])}")
        conditions.append("ledger.person_id = people.person_id")
    for attr, column in usable.items():
        if attr not in PERSON_ATTRIBUTES:
            conditions.append(f"ledger.{attr} = {side}.{_q(column)}")
    ruled = (f"select {side}.__key, string_agg(distinct ledger.rule_id || ': ' || coalesce(ledger.reason, ''), '; ' "
             f"order by ledger.rule_id || ': ' || coalesce(ledger.reason, '')) as rules from {side} "
             f"{' '.join(joins)} inner join read_parquet({_lit(ledger)}) as ledger on {' and '.join(conditions)} "
             "group by 1")
    if person is not None:
        known = (f"exists (select 1 from read_parquet({_lit(people)}) as known where known.{person[0]} = "
                 f"{side}.{_q(person[1])})")
        fallback = f"case when {known} then {_lit(missing_in_file)} else {_lit(missing)} end"
    else:
        fallback = _lit(missing)
    return (f"select {side}.__key, coalesce({_lit(rule_prefix)} || ruled.rules || {_lit(found)}, {fallback}) as reason "
            f"from {side} left join ({ruled}) as ruled on ruled.__key = {side}.__key")


def _key_text(keys: list[str], headers: dict[str, str], side: str) -> str:
    parts = [f"{_lit(headers.get(k, k) + '=')} || coalesce({side}.{_q(k)}, '')" for k in keys]
    return "concat_ws('; ', " + ", ".join(parts) + ")" if parts else "''"


def _same_records(old_entry: dict | None, new_entry: dict | None) -> bool:
    """Both runs recorded the same content fingerprint (history._content_hash) for files of the same columns and
    record key: nothing was added, removed or changed (a resubmission, or a file the new data left alone)."""
    if not old_entry or not new_entry or not old_entry.get("content_hash"):
        return False
    return all(old_entry.get(name) == new_entry.get(name) for name in ("content_hash", "rows", "columns", "record_key"))


def _file_diff(connection, file_name: str, older: RunRecord | None, newer: RunRecord) -> FileDiff:
    old_entry = older.files().get(file_name) if older is not None else None
    new_entry = newer.files().get(file_name)
    if _same_records(old_entry, new_entry):
        return FileDiff(file_name)
    spec = new_entry or old_entry
    columns = [c for c, _ in spec["columns"]]
    headers = {c: h for entry in (old_entry, new_entry) if entry for c, h in entry["columns"]}
    keys = [k for k in spec["record_key"] if k in columns]
    compared = [c for c in columns if c not in keys and c not in IGNORED_FIELDS]
    _records_view(connection, "old_records", older, old_entry, columns, keys, compared)
    _records_view(connection, "new_records", newer, new_entry, columns, keys, compared)
    match = spec.get("ledger_match") or {}
    _unmatched(connection, "old_rest", "old_records", "new_records")
    _unmatched(connection, "new_rest", "new_records", "old_records")
    connection.execute("create or replace temp table removed as select * from old_rest "
                       "where __key not in (select __key from new_rest)")
    connection.execute("create or replace temp table added as select * from new_rest "
                       "where __key not in (select __key from old_rest)")
    removed_reason = _reason_sql("removed", newer, file_name, match, columns, "", GONE, GONE_FROM_FILE,
                                 "excluded by ")
    added_reason = _reason_sql("added", older, file_name, match, columns, " (no longer applies)", NEW, NEW_IN_FILE,
                               "")
    quoted_file = _lit(file_name)
    connection.execute(
        f"insert into diff_rows select {quoted_file}, 'removed', {_key_text(keys, headers, 'removed')}, null, null, "
        f"null, reasons.reason from removed inner join ({removed_reason}) as reasons on reasons.__key = removed.__key")
    connection.execute(
        f"insert into diff_rows select {quoted_file}, 'added', {_key_text(keys, headers, 'added')}, null, null, "
        f"null, reasons.reason from added inner join ({added_reason}) as reasons on reasons.__key = added.__key")
    changed = 0
    fields = 0
    if compared:
        old_row = "row(" + ", ".join(f"o.{_q(c)}" for c in compared) + ")"
        new_row = "row(" + ", ".join(f"n.{_q(c)}" for c in compared) + ")"
        connection.execute(
            f"create or replace temp table changed as select {_key_text(keys, headers, 'n')} as key_text, "
            + ", ".join(f"o.{_q(c)} as {_q('old_' + c)}, n.{_q(c)} as {_q('new_' + c)}" for c in compared)
            + f" from old_rest as o inner join new_rest as n on o.__key = n.__key "
            f"where {old_row} is distinct from {new_row}")
        changed = connection.execute("select count(*) from changed").fetchone()[0]
        if changed:
            for column in compared:
                connection.execute(
                    f"insert into diff_rows select {quoted_file}, 'changed', key_text, {_lit(headers.get(column, column))}, "
                    f"{_q('old_' + column)}, {_q('new_' + column)}, null from changed "
                    f"where {_q('old_' + column)} is distinct from {_q('new_' + column)}")
            fields = connection.execute(f"select count(*) from diff_rows where file_name = {quoted_file} "
                                        "and change = 'changed'").fetchone()[0]
    counts = connection.execute(f"select count(*) filter (where change = 'added'), count(*) filter (where change = "
                                f"'removed') from diff_rows where file_name = {quoted_file}").fetchone()
    return FileDiff(file_name, added=counts[0], removed=counts[1], changed=changed, changed_fields=fields)


def compare(older: RunRecord | None, newer: RunRecord, out_dir: Path | None = None) -> DiffResult:
    """Diffs every export file of the two runs; with `out_dir`, writes Submission_Diff.csv and .html there."""
    result = DiffResult(older.run_id if older is not None else None, newer.run_id)
    if older is None and out_dir is None:
        # Nothing to compare with: every record is added, and the staged run already counted them (stage_run's
        # "rows"). Matching each record against an empty side cost 40 s of a first 70,000-student Kansas run.
        result.files = [FileDiff(name, added=int(entry["rows"])) for name, entry in sorted(newer.files().items())
                        if "rows" in entry]
        if len(result.files) == len(newer.files()):
            return result
        result.files = []
    connection = duckdb.connect()
    try:
        connection.execute("create temp table diff_rows (" + ", ".join(f"{c} varchar" for c in DIFF_COLUMNS) + ")")
        # A file only one of the runs wrote (`run --extract` picks extracts) is listed, not diffed: its records did
        # not change, the run's choice of files did.
        older_files = older.files() if older is not None else {}
        names = [name for name in newer.files() if older is None or name in older_files]
        result.not_compared = sorted(set(newer.files()) ^ set(older_files)) if older is not None else []
        for file_name in sorted(names):
            result.files.append(_file_diff(connection, file_name, older, newer))
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            query = ("select file_name as \"File\", change as \"Change\", record_key as \"Record Key\", field as "
                     "\"Field\", before as \"Before\", after as \"After\", reason as \"Reason\" from diff_rows "
                     "order by file_name, case change when 'removed' then 0 when 'added' then 1 else 2 end, "
                     "record_key, field")
            csv_path = out_dir / f"{DIFF_FILE}.csv"
            html_path = out_dir / f"{DIFF_FILE}.html"
            write_csv(connection, query, csv_path)
            write_html(connection, query, html_path, DIFF_FILE)
            result.csv_path, result.html_path = str(csv_path), str(html_path)
    finally:
        connection.close()
    return result


def summary_line(diff: dict) -> str:
    """The run summary's diff line, from `DiffResult.to_json`."""
    if not diff.get("from_run"):
        return "no earlier run in the history: every record is new"
    return (f"vs {diff.get('baseline', 'earlier')} run {diff['from_run']}: {diff['added']:,} added, "
            f"{diff['removed']:,} removed, {diff['changed']:,} changed ({diff['changed_fields']:,} fields)"
            + (f"; {Path(diff['csv']).name}" if diff.get("csv") else ""))


def stage_and_diff(database: Path, manifest, nodes: list, state: str, run_vars: Mapping, data_dir: Path | None,
                   warehouse: Path, out_dir: Path, *, submitted: bool = False):
    """For `statereport run`: stages this run in the history and diffs it against the last submitted run, else the
    previous one, writing Submission_Diff.csv/.html into the run's (partial) output folder. Returns (staged, diff
    JSON, with the files' names); the caller commits the staged run once the run's files are in place."""
    from statereport.history import resolve_pair, stage_run

    ledger = next((node for node in manifest.nodes.values()
                   if node.resource_type == "model" and node.name == "exclusion_ledger"), None)
    staged = stage_run(database, nodes, ledger, state, run_vars, data_dir, warehouse, submitted=submitted)
    try:
        current = staged.as_record()
        older, _ = resolve_pair(warehouse, state, None, None, latest=current)
        # A first run has nothing to compare with: no diff file (every record would be "added").
        result = compare(older, current, out_dir if older is not None else None)
    except BaseException:
        staged.discard()
        raise
    document = result.to_json()
    document["baseline"] = "submitted" if older is not None and older.submitted is not None else "previous"
    for kind in ("csv", "html"):
        document[kind] = Path(document[kind]).name if document[kind] else None
    return staged, document

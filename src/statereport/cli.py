"""The `statereport` command line: build the extracts for a state and write the export files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from statereport import PROJECT_ROOT
from statereport.dbt_runner import WAREHOUSE_DIR, DbtFailure, DbtSession, project_vars
from statereport.exports import ExportError, export_models
from statereport.kids_files import KidsFileOptions
from statereport.loader import InputError, load_district
from statereport.warehouse import WarehouseInUse, building_database, replacing_directory

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_BUILD_FAILED = 3
EXIT_WAREHOUSE_IN_USE = 4
EXIT_EXPORT_FAILED = 5
STATE_CHOICES = ("ky", "ks")


def _states(state: str) -> list[str]:
    return list(STATE_CHOICES) if state == "all" else [state]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """State-reporting extracts (Kentucky KECS LEAD and EL, Kansas KIDS) from a district's SIS tables."""


@main.command()
@click.option("--state", type=click.Choice(["all", *STATE_CHOICES]), default="all", show_default=True,
              help="Which state's extracts to build.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Folder with one CSV or Parquet file per contract table. Default: the bundled sample district.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=PROJECT_ROOT / "out", show_default=True,
              help="Where export files are written (one sub-folder per state).")
@click.option("--warehouse", type=click.Path(path_type=Path), default=WAREHOUSE_DIR, show_default=True,
              help="Folder for the DuckDB files (<state>.duckdb).")
@click.option("--run-date", default=None, help="Report run date (YYYY-MM-DD), what the specs call 'current date'.")
@click.option("--quiet", is_flag=True, help="Print only errors and the summary.")
@click.option("--kids-file-revision", type=click.IntRange(min=1), default=None,
              help="KIDS File Revision Number, part of the State Format file name; raise it for each resubmission "
                   "(dbt var kids_file_revision, default 1).")
@click.option("--kids-records-limit", type=click.IntRange(min=0), default=None,
              help="KIDS Records Limit Per File: fewer records than the extract has => a .zip of State Format parts "
                   "(dbt var kids_records_limit, default 0 = no limit).")
@click.option("--kids-file-version", default=None,
              help="KIDS header Version (H5) (dbt var kids_file_version, default 18.0).")
@click.option("--kids-transmission-id", default=None,
              help="KIDS header/footer Transmission ID, up to 10 characters (dbt var kids_transmission_id; "
                   "default: derived from the run's settings, the same for the same settings).")
def run(state: str, data_dir: Path | None, out_dir: Path, warehouse: Path, run_date: str | None, quiet: bool,
        kids_file_revision: int | None, kids_records_limit: int | None, kids_file_version: str | None,
        kids_transmission_id: str | None) -> None:
    """Load the district, build every extract, and write every export file."""
    dbt_vars = {}
    if run_date:
        dbt_vars["report_run_date"] = run_date
    kids_options = {
        "kids_file_revision": kids_file_revision,
        "kids_records_limit": kids_records_limit,
        "kids_file_version": kids_file_version,
        "kids_transmission_id": kids_transmission_id,
    }
    dbt_vars.update({name: value for name, value in kids_options.items() if value is not None})
    try:
        if "ks" in _states(state):  # a bad KIDS file option stops the run before the build, not after it
            KidsFileOptions.from_vars(project_vars({"state": "ks", **dbt_vars}))
        for one_state in _states(state):
            final_out = Path(out_dir) / one_state
            # The previous warehouse and files stay in place until this state's whole run has succeeded.
            with building_database(Path(warehouse) / f"{one_state}.duckdb") as database, replacing_directory(final_out) as partial_out:
                if data_dir is not None:
                    load_district(database, Path(data_dir), one_state)
                session = DbtSession(one_state, database, dbt_vars, quiet=quiet)
                if data_dir is None:
                    session.seed_sample()
                session.build(include_tests=False)
                written = export_models(database, session.export_models(), partial_out, session.run_vars())
            for file in written:
                click.echo(f"{one_state}: {file.model}: {file.rows} rows -> {final_out / file.path.name} ({file.size} bytes)")
                for note in file.notes:
                    click.echo(f"{one_state}: warning: {note}", err=True)
    except WarehouseInUse as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_WAREHOUSE_IN_USE)
    except InputError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except DbtFailure as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BUILD_FAILED)
    except ExportError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_EXPORT_FAILED)


@main.command("dbt-check")
@click.option("--state", type=click.Choice(["all", *STATE_CHOICES]), default="all", show_default=True)
def dbt_check(state: str) -> None:
    """dbt build on the sample districts: seeds, models, unit tests and data tests (used by scripts/test)."""
    try:
        for one_state in _states(state):
            database = WAREHOUSE_DIR / f"check_{one_state}.duckdb"
            if database.exists():
                database.unlink()
            session = DbtSession(one_state, database)
            session.seed_sample()
            session.build(include_tests=True)
    except DbtFailure as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BUILD_FAILED)


if __name__ == "__main__":
    main()

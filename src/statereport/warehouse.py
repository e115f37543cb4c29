"""The DuckDB warehouse and export folders of a run, replaced only when the run succeeds.

A run builds into `<state>.duckdb.building` and writes its files into `<out>/.<state>.partial/`; only when every step
has succeeded does it swap them into place. A failed or killed run leaves the previous warehouse and files untouched.
DuckDB allows one writer per file: a second run against a warehouse in use stops with one line saying so.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb


# DuckDB's own default is 80 % of the machine's memory per process. With a limit DuckDB spills to a temporary folder
# beside the warehouse instead of growing until the kernel kills it. STATEREPORT_MEMORY_LIMIT sets it for everything.
# Unset: the command line's own connections (loader, exporters) take 4GB, which they were measured to fit at 700,000
# students; the dbt build takes half the machine, because 4GB was measured too tight for Kansas at 700,000 students
# (an Out of Memory Error in int_ks_kids__attendance_days while another model ran beside it), while Kentucky at that
# size peaked at 4.9 GB with no limit at all. DbtSession passes the build's limit to the profile
# (STATEREPORT_BUILD_MEMORY_LIMIT, read by profiles/profiles.yml). Since the KIDS imports read more than once are
# `not materialized`, the build's default is capped at 5GB: at 700,000 Kansas students the whole run then peaked at
# 5.2 GiB (10.6 GB under half of a 24 GiB machine) and its build took 131 s (143 s under half the machine), spilling
# little. A larger district may need more: the build's out-of-memory error says which variable raises it.
MEMORY_LIMIT_VARIABLE = "STATEREPORT_MEMORY_LIMIT"
BUILD_MEMORY_LIMIT_VARIABLE = "STATEREPORT_BUILD_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "4GB"
BUILD_MEMORY_CAP_GB = 5


def build_memory_limit() -> str:
    """The dbt build's DuckDB memory limit: the user's, else half the machine's memory, at most BUILD_MEMORY_CAP_GB."""
    chosen = os.environ.get(MEMORY_LIMIT_VARIABLE)
    if chosen:
        return chosen
    try:
        machine_bytes = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return DEFAULT_MEMORY_LIMIT
    return f"{max(1, min(machine_bytes // 2 // 2**30, BUILD_MEMORY_CAP_GB))}GB"


def sql_text(value: object) -> str:
    """`value` as the inside of a single-quoted SQL literal (file paths in DuckDB's read_csv, COPY, ATTACH): its
    single quotes doubled. The one place the project escapes text it puts into SQL."""
    return str(value).replace("'", "''")


def duckdb_settings() -> dict:
    """Settings for every DuckDB connection the command line opens itself (loader, exporters, review page)."""
    return {"memory_limit": os.environ.get(MEMORY_LIMIT_VARIABLE) or DEFAULT_MEMORY_LIMIT}


class WarehouseInUse(Exception):
    """Another process holds the DuckDB file; the message is one line for the user."""


def _holder(message: str) -> str:
    found = re.search(r"PID (\d+)", message)
    return f" (process {found.group(1)})" if found else ""


def ensure_not_in_use(database: Path) -> None:
    for candidate in (database, database.with_name(database.name + ".building")):
        if not candidate.exists():
            continue
        try:
            duckdb.connect(str(candidate)).close()
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                if candidate != database:
                    # A run killed while DuckDB was creating its build file leaves one no process can open, so none
                    # holds it: building_database removes it.
                    continue
                raise
            raise WarehouseInUse(
                f"{candidate}: the warehouse is in use by another process{_holder(str(error))}; "
                "wait for that run to finish, or pass --warehouse with another folder"
            ) from None


def owner_only_folder(folder: Path) -> None:
    """Creates `folder` (and missing parents) owner-only: the warehouse holds every name and birth date. A folder
    that already exists keeps the mode its owner gave it."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)  # mkdir's mode is narrowed by the umask, never widened; chmod makes it exact


@contextmanager
def warehouse_lock(database: Path) -> Iterator[None]:
    """Holds `<state>.lock` beside the warehouse with an exclusive, non-blocking flock for the whole run. The lock is
    taken atomically by the kernel before the warehouse file is touched, so of two runs started at any offset exactly
    one proceeds; the kernel releases it when the process ends, however it ends (no stale lock after kill -9)."""
    owner_only_folder(database.parent)
    lock_path = database.with_name(database.name.removesuffix(".duckdb") + ".lock")
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
            raise WarehouseInUse(
                f"{database}: the warehouse is in use by another process"
                f"{f' (process {holder})' if holder.isdigit() else ''}; "
                "wait for that run to finish, or pass --warehouse with another folder"
            ) from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(descriptor)  # closing the descriptor releases the flock


def _remove_database(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        if leftover.exists():
            leftover.unlink()


@contextmanager
def building_database(database: Path) -> Iterator[Path]:
    """Yields a fresh path to build into; on success it replaces `database`, on failure it is removed. The run's lock
    (warehouse_lock) is held from before the first look at the folder until the new file is in place."""
    with warehouse_lock(database):
        ensure_not_in_use(database)  # a process that opened the DuckDB file without our lock (e.g. a notebook)
        building = database.with_name(database.name + ".building")
        _remove_database(building)
        try:
            yield building
        except BaseException:
            _remove_database(building)
            raise
        _install(building, database)


def _install(building: Path, database: Path) -> None:
    # Fold the write-ahead log into the file first, so the one file renamed below is the whole warehouse.
    connection = duckdb.connect(str(building))
    try:
        connection.execute("force checkpoint")
    finally:
        connection.close()
    os.chmod(building, 0o600)
    _remove_database(database)
    os.replace(building, database)


@contextmanager
def replacing_directory(final: Path) -> Iterator[Path]:
    """Yields an empty sibling folder to write into; on success it takes the place of `final` as a whole."""
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(f".{final.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(mode=0o700)
    try:
        yield partial
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    previous = final.with_name(f".{final.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        os.replace(final, previous)
    os.replace(partial, final)
    shutil.rmtree(previous, ignore_errors=True)

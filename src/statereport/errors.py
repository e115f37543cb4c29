"""The one mapping from an error to the exit code of every command (`run`, `validate`, `docs`, `dbt-check`,
`history`, `mark-submitted`, `diff`): the exit-code table of `--help` and the README. A command catches `RUN_ERRORS`
and exits with `exit_code_of(error)`, printing `error_line(error)`; no command picks a code of its own."""

from __future__ import annotations

from pathlib import Path

from statereport.dbt_runner import DbtFailure
from statereport.history import HistoryError
from statereport.loader import InputError
from statereport.options import OptionError
from statereport.summary import EXIT_BAD_INPUT, EXIT_BUILD_FAILED, EXIT_EXPORT_FAILED, EXIT_WAREHOUSE_IN_USE
from statereport.warehouse import WarehouseInUse
from statereport.writers import ExportError


class OutputUnwritable(Exception):
    """An output path cannot be written; `exit_code` says which stage owns it (3 warehouse, 5 exports)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# The first matching class wins; an OutputUnwritable carries its own code (the stage that owns the path). A bare OS
# error comes last: e.g. the disk filled up while the files were written; nothing was swapped in.
ERROR_EXIT_CODES: tuple[tuple[type[Exception], int], ...] = (
    (WarehouseInUse, EXIT_WAREHOUSE_IN_USE),
    (InputError, EXIT_BAD_INPUT),
    (OptionError, EXIT_BAD_INPUT),
    (HistoryError, EXIT_BAD_INPUT),  # a run id that is not in the history (history, mark-submitted, diff)
    (DbtFailure, EXIT_BUILD_FAILED),
    (ExportError, EXIT_EXPORT_FAILED),
    (OSError, EXIT_EXPORT_FAILED),
)
RUN_ERRORS = (OutputUnwritable, *(error_class for error_class, _ in ERROR_EXIT_CODES))
# The errors that carry their own line; a bare OS error gets one naming the path it could not write.
_OWN_LINE = tuple(error_class for error_class in RUN_ERRORS if error_class is not OSError)


def exit_code_of(error: Exception) -> int:
    if isinstance(error, OutputUnwritable):
        return error.exit_code
    return next(code for error_class, code in ERROR_EXIT_CODES if isinstance(error, error_class))


def bare_os_error(error: Exception) -> bool:
    """An OS error none of the project's errors wraps (a full disk, a read-only mount)."""
    return isinstance(error, OSError) and not isinstance(error, _OWN_LINE)


def error_line(error: Exception, out_dir: Path | None = None) -> str:
    """The one line a command prints for an error (an OS error names the path it could not write)."""
    if bare_os_error(error):
        return f"{error.filename or out_dir}: cannot write: {error.strerror or error}"
    return str(error)

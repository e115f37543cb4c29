"""dbt's node events (from dbtRunner callbacks) as a rich progress bar on stderr. dbt's own lines go to its log file."""

from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class DbtProgress:
    """Pass `callback` to DbtSession; wrap each dbt command in `phase(label)`. Disabled: every call is a no-op."""

    def __init__(self, enabled: bool, console: Console | None = None) -> None:
        self.enabled = enabled
        self.console = console or Console(stderr=True)
        self._progress: Progress | None = None
        self._task = None
        self._label = ""

    def __enter__(self) -> DbtProgress:
        if self.enabled:
            self._progress = Progress(
                TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=self.console, transient=False,
            )
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    @contextmanager
    def phase(self, label: str):
        if self._progress is None:
            yield
            return
        self._label = label
        self._task = self._progress.add_task(label, total=None)
        try:
            yield
            # done: nodes dbt counts but reports no NodeFinished for (e.g. skipped) still belong to a finished phase
            task = self._progress.tasks[-1]
            total = task.total if task.total is not None else (task.completed or 1)
            self._progress.update(self._task, total=total, completed=total)
        finally:
            self._progress.update(self._task, description=label)
            self._task = None

    def note(self, text: str) -> None:
        if self.enabled:
            self.console.print(text, highlight=False)

    def callback(self, event) -> None:
        if self._progress is None or self._task is None:
            return
        name = event.info.name
        if name == "LogStartLine":
            total = getattr(event.data, "total", 0)
            if total:
                self._progress.update(self._task, total=total)
            node = getattr(getattr(event.data, "node_info", None), "node_name", "") or ""
            self._progress.update(self._task, description=f"{self._label}: {node}"[:40])
        elif name == "NodeFinished":
            self._progress.advance(self._task)

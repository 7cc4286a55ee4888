"""What the terminal shows while a batch runs: a progress bar for a person watching, and stdout paced so
a CI log stays in input order."""

import io
import os
import sys
import time
from collections.abc import Iterable
from typing import IO, Any

from ..batch.run import Watcher


def write_wrapped(text: str, hanging: int | None = None) -> None:
    """Plain text (explain, criteria show) wrapped at the terminal's width: each line under its own
    indentation, or ``hanging`` columns in when given (a title in a table of ids)."""
    import shutil
    import textwrap

    width = max(40, shutil.get_terminal_size((80, 24)).columns)
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        under = " " * (hanging if hanging is not None and indent else indent)
        # Never inside a word or at its hyphens: a URL stays whole, so it can still be clicked or copied.
        wrapped = textwrap.wrap(line, width, subsequent_indent=under, break_long_words=False, break_on_hyphens=False)
        sys.stdout.write("\n".join(wrapped or [""]) + "\n")


def use_color(choice: str | None) -> None:
    """--color: ``always`` and ``never`` win over NO_COLOR / FORCE_COLOR (which rich reads when a console
    is made); ``auto`` (or none) leaves them and the terminal to decide."""
    if choice == "always":
        os.environ.pop("NO_COLOR", None)
        os.environ["FORCE_COLOR"] = "1"
    elif choice == "never":
        os.environ.pop("FORCE_COLOR", None)
        os.environ["NO_COLOR"] = "1"


class CurrentStderr:
    """``sys.stderr`` as it is when written to: while the progress bar is shown, rich replaces it with a
    proxy that prints above the bar, so an error line is never glued to the bar."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


STDERR: Any = CurrentStderr()


class TerminalWatcher(Watcher):
    """Paces stdout, and shows a transient progress bar on stderr only to a person watching a large batch.

    Batch output to a pipe or file is flushed every quarter second and before an error goes to stderr, so a
    CI log that merges both shows files in input order and moves while the batch runs; not one system call
    per line either, as PYTHONUNBUFFERED=1 (common in CI images) would otherwise make it.

    Discovery streams paths to the workers; for a watched batch they are counted first (a list of paths,
    not of results: a few MB for 50,000 files) so that the bar can say how far along it is.
    """

    SHOW_AFTER = 50  # files: a small batch is over before a bar would help

    def __init__(self, stdout: IO[str], quiet: bool) -> None:
        self.stdout = stdout
        self.last = time.monotonic()
        paced = isinstance(stdout, io.TextIOWrapper) and not stdout.isatty()
        if isinstance(stdout, io.TextIOWrapper) and paced and stdout.write_through:
            stdout.reconfigure(write_through=False)
        self.paced = paced
        # Only for a person: stderr is a terminal while the report goes elsewhere, outside CI, not --quiet.
        self.watched = sys.stderr.isatty() and not stdout.isatty() and not os.environ.get("CI") and not quiet
        self.count = 0
        self.total: int | None = None
        self.bar: Any = None

    def paths(self, paths: Iterable[str]) -> Iterable[str]:
        if not self.watched:
            return paths  # nobody is watching: keep streaming
        found = list(paths)
        self.total = len(found)
        return found

    def before_error(self) -> None:
        self._flush()  # what went to stdout before this file comes before its error on stderr

    def checked(self) -> None:
        if self.paced and time.monotonic() - self.last > 0.25:
            self._flush()
        if self.watched:
            self.count += 1
            self._advance()

    def stopped(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        self.watched = False

    def _flush(self) -> None:
        if self.paced:
            self.stdout.flush()
            self.last = time.monotonic()

    def _advance(self) -> None:
        if self.bar is None and self.count == self.SHOW_AFTER:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("ovopcheck", total=self.total, completed=self.count)
            self.bar.start()
        elif self.bar is not None:
            self.bar.update(self.task, completed=self.count)

"""The one run loop, shared by the CLI and the Python API: open the reporters, check the files (in workers
when asked), emit each file's payloads in input order, keep the batch summary, close the reporters, and
give back the summary, whose ``exit_code`` is the run's."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from functools import partial
from pathlib import Path
from typing import IO, Any

from ..frozen import record
from ..model.criteria import CriteriaSet, Waiver
from ..model.results import FileResult
from ..report.formats import ReportContext, Reporter, make_reporter
from ..report.prepare import Prepared, prepare_outputs
from ..report.summary import BatchSummary
from ..sets import Programmes
from .workers import WorkersFailing, check_many


@record
class Output:
    """One report a run writes: its format, its context, and where it goes."""

    format: str
    ctx: ReportContext
    stream: IO[str] | None = None  # None: the terminal (text)
    diagnostics: IO[str] | None = None  # where the text format writes the problems of files it cannot check


class Watcher:
    """What a caller may want to know while a run goes on; the CLI shows a progress bar and paces stdout.
    Every method does nothing here."""

    def paths(self, paths: Iterable[str]) -> Iterable[str]:
        """The paths about to be checked (a progress bar counts them first)."""
        return paths

    def before_error(self) -> None:
        """A file could not be checked: its problems are about to be written."""

    def checked(self) -> None:
        """One more file has been reported."""

    def stopped(self) -> None:
        """Checking is over, or was stopped (said again on the way out of an error: safe to repeat)."""


class NothingToCheck(LookupError):
    """The paths named no file to check."""


class CannotWrite(OSError):
    """An output file cannot be opened for writing."""

    def __init__(self, path: str, reason: str, code: int | None = None) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.code = code


class OutputIsInput(ValueError):
    """An output would be written over a file the run reads."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


@contextmanager
def open_outputs(
    main: Output,
    files: Sequence[tuple[str, ReportContext, str]],
    inputs: Sequence[str | Path] = (),
    failure: Callable[[Exception], str] | None = None,
) -> Iterator[list[Output]]:
    """The main output, then one per (format, context, path) to write.

    Nothing written may destroy an input: a path that is one of ``inputs`` (the same file, by device and
    inode, through links too), or a profile-like file inside a folder the run walks, is refused. Each
    file is written to a temporary file beside its target and moved into place only when the run has
    finished, so a run that stops early leaves the previous report as it was. A run that ends in a fatal
    error (nothing to check, workers that cannot run) still leaves each file a valid document saying why
    (``failure`` words it), never an empty one.
    """
    for _, _, path in files:
        if _reads(Path(path), inputs):
            raise OutputIsInput(path)
    with ExitStack() as stack:
        outputs = [main]
        pending: list[tuple[Any, Path, str, ReportContext]] = []
        for fmt, ctx, path in files:
            target = Path(path)
            try:
                stream = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, or discarded
                    "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", delete=False
                )
            except OSError as exc:
                raise CannotWrite(path, exc.strerror or str(exc), exc.errno) from None
            stack.callback(_discard, stream)
            outputs.append(Output(fmt, ctx, stream))
            pending.append((stream, target, fmt, ctx))
        try:
            yield outputs
        except (NothingToCheck, WorkersFailing) as exc:
            for stream, _, fmt, ctx in pending:  # a fresh document that records the error
                stream.seek(0)
                stream.truncate()
                fail = getattr(make_reporter(fmt, stream, ctx), "fail", None)
                if fail is not None:
                    fail(failure(exc) if failure is not None else str(exc))
            _move_into_place(pending)
            raise
        _move_into_place(pending)


def _move_into_place(pending: list[tuple[Any, Path, str, ReportContext]]) -> None:
    """Each finished temporary output replaces its target."""
    for stream, target, _, _ in pending:
        stream.close()
        try:
            Path(stream.name).chmod(_mode_for(target))  # as a report written directly would be
            Path(stream.name).replace(target)
        except OSError as exc:
            raise CannotWrite(str(target), exc.strerror or str(exc), exc.errno) from None


def _discard(stream: Any) -> None:
    """A temporary output not moved into place (the run stopped early): closed and removed."""
    stream.close()
    with suppress(FileNotFoundError):
        Path(stream.name).unlink()


def _mode_for(target: Path) -> int:
    """The old report's permissions, or those a new file gets (a temporary file is private to its owner)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reads(target: Path, inputs: Sequence[str | Path]) -> bool:
    """Whether the run reads ``target``: it is an input file, or a .yaml/.yml inside an input folder."""
    try:
        identity = target.stat()
    except OSError:
        identity = None
    parent = os.path.realpath(target.parent)
    for given in inputs:
        try:
            info = Path(given).stat()
        except OSError:
            continue
        if identity is not None and (info.st_dev, info.st_ino) == (identity.st_dev, identity.st_ino):
            return True
        if stat.S_ISDIR(info.st_mode) and target.suffix.lower() in (".yaml", ".yml"):
            root = os.path.realpath(given)
            if os.path.commonpath([root, parent]) == root:
                return True
    return False


def run(
    paths: Iterable[str],
    cset: CriteriaSet | Programmes,
    as_of: dt.date,
    outputs: Sequence[Output],
    *,
    fail_on: frozenset[str],
    waivers: tuple[Waiver, ...] = (),
    jobs: int = 1,
    errors: IO[str] | None = None,
    watcher: Watcher | None = None,
) -> BatchSummary:
    """Check ``paths`` and write every output; the summary's ``exit_code`` is the run's under ``fail_on``.

    ``errors``: where to write the first problem of each file that could not be checked, besides the
    reports (the CLI's stderr when stdout carries a machine format). Raises ``NothingToCheck`` when there
    was no file, before any report is finished, and ``WorkersFailing`` when worker processes cannot run.
    """
    watcher = watcher or Watcher()
    lang = outputs[0].ctx.lang
    prepare = partial(prepare_outputs, tuple((o.format, o.ctx) for o in outputs), fail_on, lang, waivers, as_of)
    try:
        prepared: Iterator[Prepared] = check_many(watcher.paths(paths), cset, as_of, jobs, prepare)
        return report(prepared, outputs, errors=errors, watcher=watcher, require_files=True)
    finally:
        watcher.stopped()


def report_results(
    results: Iterable[FileResult],
    outputs: Sequence[Output],
    *,
    fail_on: frozenset[str],
    waivers: tuple[Waiver, ...] = (),
) -> BatchSummary:
    """Write results a caller already has (from ``check_file``, say) as the CLI would."""
    first = outputs[0].ctx
    formats = tuple((o.format, o.ctx) for o in outputs)
    prepared = (prepare_outputs(formats, fail_on, first.lang, waivers, first.as_of, r) for r in results)
    return report(prepared, outputs)


def report(
    prepared: Iterable[Prepared],
    outputs: Sequence[Output],
    *,
    errors: IO[str] | None = None,
    watcher: Watcher | None = None,
    require_files: bool = False,
) -> BatchSummary:
    """Emit each file's payloads to its output's reporter in order, then close each with the summary."""
    watcher = watcher or Watcher()
    reporters: list[Reporter] = [make_reporter(o.format, o.stream, o.ctx, o.diagnostics) for o in outputs]
    summary = BatchSummary()
    for item in prepared:
        summary.add(item.summary)
        if item.summary.error is not None:
            watcher.before_error()
            if errors is not None:
                errors.write(item.summary.error + "\n")
                errors.flush()
        for reporter, payload in zip(reporters, item.payloads, strict=True):
            reporter.emit(payload)
        watcher.checked()
    watcher.stopped()  # before the reports end: a progress bar leaves the terminal to the batch summary
    if require_files and summary.files == 0:
        raise NothingToCheck
    for reporter in reporters:
        reporter.close(summary)
    return summary

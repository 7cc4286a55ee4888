"""Checking many files: in worker processes that each load the criteria once, results back in input order
as a stream, so memory does not grow with the number of files; a worker lost mid-batch costs only the file
it was checking."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..checker import check_file, check_row
from ..errors import Problem
from ..loading.sheet import SheetError, SheetRow
from ..model.criteria import CriteriaSet
from ..model.results import FileResult, failed
from ..rules.walk import iter_atoms
from ..sets import Programmes
from .discover import Named, Skipped

SMALL_BATCH = 24


# ---------------------------------------------------------------- parallel checking


def usable_cpus() -> int:
    """The CPUs this process may run on (a CI container is often given fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


_WORKER: dict[str, Any] = {}


def _init_worker(cset: CriteriaSet | Programmes, as_of: dt.date, transform: Callable[[FileResult], Any] | None) -> None:
    _WORKER.update(cset=cset, as_of=as_of, transform=transform)


def _check_in_worker(path: str) -> Any:
    transform = _WORKER["transform"]
    if isinstance(path, Skipped):  # found by the walk but not to be read (a link out of the folder)
        skipped = failed(path, Problem(path.reason))
        return skipped if transform is None else transform(skipped)
    if isinstance(path, SheetError):  # a spreadsheet or sheet that cannot be read: its problems
        unreadable = FileResult(str(path), problems=path.problems, profile_path=path.file)
        return unreadable if transform is None else transform(unreadable)
    try:
        result: FileResult
        if isinstance(path, SheetRow):  # one IKM of a spreadsheet
            result = check_row(path, _WORKER["cset"], _WORKER["as_of"])
        else:
            # A transformed result is reported and dropped here: positions are worked out only if asked.
            # Read from standard input (Named): the saved file, under the name given.
            read, shown = (path.path, str(path)) if isinstance(path, Named) else (path, None)
            result = check_file(
                read, _WORKER["cset"], _WORKER["as_of"], lazy_positions=transform is not None, source=shown
            )
    except Exception as exc:  # a bug must not stop the batch: the file is reported, the rest go on
        result = failed(str(path), Problem("internal_error", {"error": type(exc).__name__}))
    return result if transform is None else transform(result)


def shared_objects(cset: CriteriaSet | Programmes) -> Iterator[object]:
    """Every object of the criteria sets that results refer to (see sharing.py)."""
    for one in cset.sets.values() if isinstance(cset, Programmes) else (cset,):
        yield one
        for criterion in one.criteria:
            yield criterion
            yield from criterion.evidence
            for cond in criterion.conditions:
                yield from (atom for atom, _ in iter_atoms(cond))
        yield from one.classifications


def check_many(
    paths: Iterable[str],
    cset: CriteriaSet | Programmes,
    as_of: dt.date,
    jobs: int = 1,
    transform: Callable[[FileResult], Any] | None = None,
) -> Iterator[Any]:
    """Check each path, with ``jobs`` > 1 in that many worker processes; yield in input order.

    Each result goes through ``transform`` (in the worker) when given, so only what the caller needs
    crosses between processes (see ``prepare_outputs``).
    """
    paths = iter(paths)
    # Starting workers costs tens of milliseconds: a handful of files is checked right here.
    first = list(itertools.islice(paths, SMALL_BATCH))
    if jobs <= 1 or len(first) < SMALL_BATCH:
        _init_worker(cset, as_of, transform)
        for path in itertools.chain(first, paths):
            yield _check_in_worker(path)
        return
    yield from _in_workers(itertools.chain(first, paths), cset, as_of, jobs, transform)


CHUNK = 128  # files a worker checks per task: the cost of sending a task is spread over many files
AHEAD = 4  # tasks in flight per worker: enough to keep every worker busy, and memory bounded
LOST_IN_A_ROW = 3  # workers lost on this many files in a row: the cause is not in the files


class WorkersFailing(RuntimeError):
    """Worker processes end however the files are handed to them (they cannot start, say)."""

    def __init__(self, files: int) -> None:
        super().__init__(f"worker processes ended on {files} files in a row; try --jobs 1")
        self.files = files


def _check_chunk(paths: list[str]) -> list[Any]:
    return [_check_in_worker(path) for path in paths]


def _in_workers(
    paths: Iterator[str],
    cset: CriteriaSet | Programmes,
    as_of: dt.date,
    jobs: int,
    transform: Callable[[FileResult], Any] | None,
) -> Iterator[Any]:
    """Chunks of files checked by ``jobs`` processes, a bounded number ahead, yielded in input order.

    A worker killed from outside (the out-of-memory killer, say) breaks the pool; the lost chunks are
    then checked again in a new one, the chunk in hand a file at a time so that a file that kills its
    worker is reported as such, and the batch goes on.
    """
    from collections import deque
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from ..sharing import share

    share(shared_objects(cset))
    start = _pool_starter(cset, as_of, jobs, transform)
    chunks = iter(lambda: list(itertools.islice(paths, CHUNK)), [])
    pool = start()
    pending: deque[tuple[list[str], Future[list[Any]]]] = deque()
    try:
        while True:
            while len(pending) < jobs * AHEAD and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, pool.submit(_check_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = start()
                lost_in_a_row = 0
                for path in chunk:  # one by one: find the file that breaks its worker, if it is here
                    try:
                        yield pool.submit(_check_chunk, [path]).result()[0]
                        lost_in_a_row = 0
                    except BrokenProcessPool:
                        lost_in_a_row += 1
                        if lost_in_a_row == LOST_IN_A_ROW:  # not one file's doing: workers cannot run here
                            raise WorkersFailing(LOST_IN_A_ROW) from None
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = start()
                        lost = failed(path, Problem("worker_lost"))
                        yield lost if transform is None else transform(lost)
                pending = deque((c, pool.submit(_check_chunk, c)) for c, _ in pending)
                continue
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool_starter(
    cset: CriteriaSet | Programmes, as_of: dt.date, jobs: int, transform: Callable[[FileResult], Any] | None
) -> Callable[[], Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # Build the precise (slow-path) validator once, before forking, rather than once per worker
        # when each meets its first invalid file.
        from ..loading.schema import validator

        validator("profile")
    context = multiprocessing.get_context(method)

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_init_worker, initargs=(cset, as_of, transform)
        )

    return start

"""The public Python API: what the CLI uses, and what other tools may call.

>>> from ovopcheck import load_programme, check_file
>>> cset = load_programme("ovop")
>>> result = check_file("examples/batik-eligible.yaml", cset, as_of=datetime.date(2026, 11, 28))
>>> result.verdict
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import IO

from .checker import check_dossier, check_file, evaluate_data
from .model.criteria import CriteriaSet
from .model.results import FailedFile, ProfileResult, Result, VariantResult
from .sets import NoSetInForce, load_programme, load_sets


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    cset: CriteriaSet,
    as_of: dt.date,
    jobs: int = 1,
    exclude: Iterable[str] = (),
) -> Iterator[Result]:
    """Check files and folders (walked as the CLI walks them), one result per profile or dossier, in order.

    One bad file never stops the others: it comes back as a FailedFile. With ``jobs`` > 1, files are
    checked in that many worker processes.
    """
    from .batch.discover import discover
    from .batch.workers import check_many

    yield from check_many(discover(paths, exclude), cset, as_of, jobs)


def write_report(
    results: Iterable[Result],
    fmt: str,
    stream: IO[str],
    cset: CriteriaSet,
    as_of: dt.date,
    lang: str = "id",
    fail_on: frozenset[str] | None = None,
) -> int:
    """Render results in a format of the CLI (text, json, jsonl, junit, sarif, github, markdown, csv,
    html) to ``stream``; returns the exit code the CLI would give."""
    from .policy import DEFAULT_FAIL_ON, result_exit_code
    from .report.formats import ReportContext, make_reporter, preparer
    from .report.summary import BatchSummary, summary_item

    policy = DEFAULT_FAIL_ON if fail_on is None else fail_on
    ctx = ReportContext(lang, policy, cset, as_of)
    reporter = make_reporter(fmt, stream, ctx)
    prepare = preparer(fmt)
    summary = BatchSummary()
    for result in results:
        summary.add(summary_item(result, lang, result_exit_code(result, policy)))
        reporter.emit(prepare(result, ctx))
    reporter.close(summary)
    return summary.exit_code


def exit_code(results: Iterable[Result]) -> int:
    """0 all eligible, 1 gaps or missing information, 2 any file could not be checked."""
    from .policy import run_exit_code

    return run_exit_code(results)


__all__ = [
    "FailedFile",
    "NoSetInForce",
    "ProfileResult",
    "VariantResult",
    "check_dossier",
    "check_file",
    "check_paths",
    "evaluate_data",
    "exit_code",
    "load_programme",
    "load_sets",
    "write_report",
]

"""The public Python API: what the CLI is built on, for other tools to call.

>>> import datetime
>>> from ovopcheck import load_programme, check_file
>>> cset = load_programme("ovop", datetime.date(2026, 11, 28))
>>> result = check_file("examples/batik-eligible.yaml", cset, datetime.date(2026, 11, 28))
>>> result.verdict
<Verdict.ELIGIBLE: 'eligible'>

Checking lives in ``checker`` (one file) and ``batch`` (many); this module adds the two calls that take
paths or results and give a report or an exit code, through the same run loop as the CLI.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import IO

from .batch.discover import discover
from .batch.run import Output, report_results
from .batch.workers import check_many
from .model.criteria import CriteriaSet
from .model.results import FileResult
from .policy import DEFAULT_FAIL_ON, run_exit_code
from .report.formats import ReportContext


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    cset: CriteriaSet,
    as_of: dt.date,
    jobs: int = 1,
    exclude: Iterable[str] = (),
) -> Iterator[FileResult]:
    """Check files and folders (walked as the CLI walks them), one result per profile or dossier, in order.

    One bad file never stops the others: its result carries the problems. With ``jobs`` > 1, files are
    checked in that many worker processes.
    """
    yield from check_many(discover(paths, exclude), cset, as_of, jobs)


def write_report(
    results: Iterable[FileResult],
    fmt: str,
    stream: IO[str],
    cset: CriteriaSet,
    as_of: dt.date,
    lang: str = "id",
    fail_on: frozenset[str] | None = None,
) -> int:
    """Render results in a format of the CLI (text, json, jsonl, junit, sarif, github, markdown, csv,
    html) to ``stream``; returns the exit code the CLI would give."""
    policy = DEFAULT_FAIL_ON if fail_on is None else fail_on
    output = Output(fmt, ReportContext(lang, policy, cset, as_of), stream)
    return report_results(results, [output], fail_on=policy).exit_code


def exit_code(results: Iterable[FileResult], fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> int:
    """0 all eligible, 1 gaps or missing information, 2 any file could not be checked (the default policy)."""
    return run_exit_code(results, fail_on)


__all__ = ["check_paths", "exit_code", "write_report"]

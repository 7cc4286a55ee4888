"""The public Python API: what the CLI uses, and what other tools may call.

>>> from ovopcheck import load_programme, check_file
>>> cset = load_programme("ovop")
>>> result = check_file("examples/batik-eligible.yaml", cset, as_of=datetime.date(2026, 11, 28))
>>> result.verdict
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .conditions import MISSING, lookup
from .criteria_tools import NoSetInForce, merge_sets, select_set
from .documents import DocumentCheck, inspect_all, judge, locate
from .errors import InputError, Problem
from .evaluate import evaluate_profile
from .loading import LoadedProfile, criteria_files, load_bundled_sets, load_criteria_file, load_profile
from .model import CriteriaSet, FailedFile, ProfileResult, Result, VariantResult


def load_sets(extra: Iterable[str | os.PathLike[str]] = ()) -> list[CriteriaSet]:
    """The bundled criteria sets plus those in ``extra`` files or folders (same set id: replaced)."""
    added = [load_criteria_file(p) for path in extra for p in criteria_files(Path(path))]
    return merge_sets(load_bundled_sets(), added)


def load_programme(
    programme: str = "ovop", as_of: dt.date | None = None, sets: list[CriteriaSet] | None = None
) -> CriteriaSet:
    """The criteria set for ``programme`` in force on ``as_of`` (default: today)."""
    return select_set(sets if sets is not None else load_sets(), programme, as_of or dt.date.today())


PROFILE_NAMES = ("profile.yaml", "profile.yml")


def check_file(
    path: str | os.PathLike[str], cset: CriteriaSet, as_of: dt.date, *, lazy_positions: bool = False
) -> Result:
    """Check a profile file, or a dossier folder (its profile.yaml plus the documents it lists).

    Never raises for bad input: returns FailedFile with located problems. ``lazy_positions``: see
    ``load_profile`` (for a caller that reports each result and drops it).
    """
    source = os.fspath(path)
    try:
        loaded = load_profile(path, source, lazy_positions=lazy_positions)
    except InputError as exc:
        if [p.message_key for p in exc.problems] == ["is_directory"]:
            # Found by the open itself: no separate stat per file to tell a dossier from a profile.
            return check_dossier(Path(path), cset, as_of, lazy_positions=lazy_positions)
        return FailedFile(exc.source, tuple(exc.problems))
    return evaluate_data(cset, loaded.data, as_of, source, loaded=loaded)


def check_dossier(folder: Path, cset: CriteriaSet, as_of: dt.date, *, lazy_positions: bool = False) -> Result:
    """A dossier: the folder's profile.yaml, with every listed document inspected inside the folder."""
    source = os.fspath(folder)
    name = next((n for n in PROFILE_NAMES if (folder / n).exists() or (folder / n).is_symlink()), None)
    if name is None:
        return FailedFile(source, (Problem("dossier_without_profile"),))
    profile_source = os.fspath(folder / name)
    real, problem = locate(folder, name)
    if real is None:
        return FailedFile(profile_source, (Problem("profile_outside_dossier", {"reason": problem}),))
    try:
        loaded = load_profile(real, profile_source, lazy_positions=lazy_positions)
    except InputError as exc:
        return FailedFile(exc.source, tuple(exc.problems))
    listed = list(loaded.data.get("documents", []))
    checks = judge(listed, inspect_all(folder, listed), loaded.data, as_of)
    return evaluate_data(cset, loaded.data, as_of, source, documents=checks, loaded=loaded)


def evaluate_data(
    cset: CriteriaSet,
    data: Mapping[str, Any],
    as_of: dt.date,
    source: str = "<profile>",
    documents: tuple[DocumentCheck, ...] | None = None,
    loaded: LoadedProfile | None = None,
) -> Result:
    """Evaluate already-loaded profile data; once per variant when the profile leaves the variant field out."""
    variants = cset.variants
    if variants is None or lookup(data, variants.field) is not MISSING:
        return evaluate_profile(cset, data, as_of, source, documents, loaded)
    results = []
    for option in variants.values:
        assumed = _with_value(data, variants.field.split("."), option.value)
        results.append(evaluate_profile(cset, assumed, as_of, source, documents, loaded, assumed=option))
    return VariantResult(source, tuple(results))


def _with_value(data: Mapping[str, Any], path: list[str], value: str) -> dict[str, Any]:
    out = dict(data)
    head = path[0]
    if len(path) == 1:
        out[head] = value
    else:
        inner = out.get(head)
        out[head] = _with_value(inner if isinstance(inner, dict) else {}, path[1:], value)
    return out


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
    from .run import check_many, discover

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
    from .reporters import ReportContext, make_reporter, preparer
    from .summary import BatchSummary, summary_item

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

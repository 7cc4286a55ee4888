"""One path -> one result: a profile file, or a dossier folder (its profile.yaml and the documents it lists),
checked against a criteria set on a date; once per variant when the profile leaves the variant field out."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .documents import DocumentCheck, inspect_all, judge, locate
from .errors import InputError, Problem
from .evaluate import evaluate_profile
from .loading.profile import LoadedProfile, load_profile
from .loading.row import load_row, row_partial
from .loading.sheet import SheetRow
from .model.criteria import CriteriaSet
from .model.results import Evaluation, FileResult, failed
from .rules.compare import MISSING, lookup
from .sets import ProgrammeAsleep, Programmes

PROFILE_NAMES = ("profile.yaml", "profile.yml")


def check_file(
    path: str | os.PathLike[str],
    cset: CriteriaSet | Programmes,
    as_of: dt.date,
    *,
    lazy_positions: bool = False,
    source: str | None = None,
) -> FileResult:
    """Check a profile file, or a dossier folder (its profile.yaml plus the documents it lists).

    Never raises for bad input: the result then carries located problems instead of evaluations. ``lazy_positions``: see
    ``load_profile`` (for a caller that reports each result and drops it). ``source``: the name to report the
    file under (a profile read from standard input), else its path.
    """
    source = os.fspath(path) if source is None else str(source)
    try:
        loaded = load_profile(path, source, lazy_positions=lazy_positions)
    except InputError as exc:
        if [p.message_key for p in exc.problems] == ["is_directory"]:
            # Found by the open itself: no separate stat per file to tell a dossier from a profile.
            return check_dossier(Path(path), cset, as_of, lazy_positions=lazy_positions)
        return failed(exc.source, *exc.problems, partial=exc.partial)
    return evaluate_data(cset, loaded.data, as_of, source, loaded=loaded)


def check_row(row: SheetRow, cset: CriteriaSet | Programmes, as_of: dt.date) -> FileResult:
    """One row of a spreadsheet of IKM, checked as the profile it holds; reported as ``rekap.xlsx:Sheet1!A7``."""
    try:
        loaded = load_row(row)
    except InputError as exc:
        return FileResult(row.source, problems=tuple(exc.problems), profile_path=row.layout.file,
                          partial=row_partial(row), sheet_row=True)  # fmt: skip
    return evaluate_data(cset, loaded.data, as_of, row.source, loaded=loaded, sheet_row=True)


def check_dossier(
    folder: Path, cset: CriteriaSet | Programmes, as_of: dt.date, *, lazy_positions: bool = False
) -> FileResult:
    """A dossier: the folder's profile.yaml, with every listed document inspected inside the folder."""
    source = os.fspath(folder)
    try:
        loaded = load_dossier_profile(folder, lazy_positions=lazy_positions)
    except InputError as exc:
        return failed(exc.source, *exc.problems, partial=exc.partial)
    listed = list(loaded.data.get("documents", []))
    checks = judge(listed, inspect_all(folder, listed), loaded.data, as_of)
    return evaluate_data(cset, loaded.data, as_of, source, documents=checks, loaded=loaded)


def load_dossier_profile(folder: Path, *, lazy_positions: bool = False) -> LoadedProfile:
    """A dossier folder's profile.yaml, read only from inside the folder (never through a link out of it);
    InputError when there is none, it points outside, or it is not a valid profile."""
    name = next((n for n in PROFILE_NAMES if (folder / n).exists() or (folder / n).is_symlink()), None)
    if name is None:
        raise InputError(os.fspath(folder), [Problem("dossier_without_profile")])
    profile_source = os.fspath(folder / name)
    real, problem = locate(folder, name)
    if real is None:
        raise InputError(profile_source, [Problem("profile_outside_dossier", {"reason": problem})])
    return load_profile(real, profile_source, lazy_positions=lazy_positions)


def evaluate_data(
    cset: CriteriaSet | Programmes,
    data: Mapping[str, Any],
    as_of: dt.date,
    source: str = "<profile>",
    documents: tuple[DocumentCheck, ...] | None = None,
    loaded: LoadedProfile | None = None,
    sheet_row: bool = False,
) -> FileResult:
    """Evaluate already-loaded profile data; ``loaded`` (when it came from a file) gives the file's SHA-256
    and where each field was written, for the reports that point at lines. Given the programmes in force,
    the profile is checked against the one it is for (see ``Programmes.for_profile``)."""
    try:
        chosen, programme_from = cset.for_profile(data) if isinstance(cset, Programmes) else (cset, None)
    except ProgrammeAsleep as exc:
        params: dict[str, object] = {"programme": exc.programme, "date": as_of.isoformat(), "starts": exc.starts or ""}
        key = "programme_not_yet_in_force" if exc.starts else "programme_no_longer_in_force"
        return FileResult(
            source,
            problems=(Problem(key, params),),
            profile_path=loaded.source if loaded else None,
            sha256=(loaded.sha256 or None) if loaded else None,
            documents=documents,
            sheet_row=sheet_row,
        )
    return FileResult(
        source,
        evaluate_variants(chosen, data, as_of, documents),
        programme_from=programme_from,
        profile_path=loaded.source if loaded else None,
        sha256=(loaded.sha256 or None) if loaded else None,
        documents=documents,
        positions=loaded.positions if loaded else {},
        readings=loaded.readings if loaded else (),
        sheet_row=sheet_row,
    )


def evaluate_variants(
    cset: CriteriaSet, data: Mapping[str, Any], as_of: dt.date, documents: tuple[DocumentCheck, ...] | None = None
) -> tuple[Evaluation, ...]:
    """One evaluation, or one per value of the set's variant field when the profile leaves that field out."""
    variants = cset.variants
    if variants is None or lookup(data, variants.field) is not MISSING:
        return (evaluate_profile(cset, data, as_of, documents),)
    return tuple(
        evaluate_profile(cset, _with_value(data, variants.field.split("."), option.value), as_of, documents, option)
        for option in variants.values
    )


def _with_value(data: Mapping[str, Any], path: list[str], value: str) -> dict[str, Any]:
    out = dict(data)
    head = path[0]
    if len(path) == 1:
        out[head] = value
    else:
        inner = out.get(head)
        out[head] = _with_value(inner if isinstance(inner, dict) else {}, path[1:], value)
    return out

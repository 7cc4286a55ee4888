"""Evaluate a criteria set against profile data "as of" a date. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .conditions import Context, Truth, evaluate
from .documents import DocumentCheck
from .model import (
    ClassResult,
    CriteriaSet,
    Criterion,
    Evidence,
    EvidenceResult,
    Finding,
    Kind,
    ProfileResult,
    Status,
    VariantValue,
)

if TYPE_CHECKING:  # a type only: evaluation itself reads no files
    from .loading import LoadedProfile


def make_context(
    cset: CriteriaSet,
    data: Mapping[str, Any],
    as_of: dt.date,
    documents: tuple[DocumentCheck, ...] | None = None,
) -> Context:
    """A context whose classifications are computed on first use, once per profile."""
    cache: dict[str, tuple[str | None, list[str]]] = {}
    ctx: Context

    def classify(cid: str) -> tuple[str | None, list[str]]:
        if cid in cache:
            return cache[cid]
        cache[cid] = (None, [f"classification:{cid}"])  # guards against a classification using itself
        definition = cset.classification(cid)
        value: str | None = None
        missing: list[str] = []
        for option in definition.classes if definition is not None else ():
            outcome = evaluate(option.when, ctx)
            if outcome.truth is Truth.UNKNOWN:
                missing.extend(outcome.missing)  # an earlier class might apply once this is known
            elif outcome.truth is Truth.TRUE:
                value = None if missing else option.value
                break
        result = (value, [] if value else list(dict.fromkeys(missing)) or [f"classification:{cid}"])
        cache[cid] = result
        return result

    ctx = Context(data, as_of, classify, documents)
    return ctx


def evaluate_criterion(criterion: Criterion, ctx: Context) -> Finding:
    if not criterion.in_force.contains(ctx.as_of):
        return Finding(criterion, Status.NOT_APPLICABLE, not_in_force=True)
    if criterion.applies_when is not None:
        applies = evaluate(criterion.applies_when, ctx)
        if applies.truth is Truth.FALSE:
            return Finding(criterion, Status.NOT_APPLICABLE)
        if applies.truth is Truth.UNKNOWN:
            return Finding(criterion, Status.UNKNOWN, missing=tuple(applies.missing))
    if criterion.kind is Kind.SCORED:
        return _score(criterion, ctx)
    assert criterion.requires is not None
    outcome = evaluate(criterion.requires, ctx)
    if outcome.truth is Truth.TRUE:
        return _with_evidence(criterion, ctx)
    if outcome.truth is Truth.FALSE:
        return Finding(criterion, Status.GAP, failed=tuple(outcome.failed))
    return Finding(criterion, Status.UNKNOWN, missing=tuple(outcome.missing))


def _with_evidence(criterion: Criterion, ctx: Context) -> Finding:
    """The claim holds; in a dossier it is met only when valid documents back it.

    A lone profile is judged on its claims: its evidence is reported as unknown without blocking.
    """
    results: list[EvidenceResult] = []
    missing: list[str] = []
    for evidence in criterion.evidence:
        if evidence.when is not None:
            applies = evaluate(evidence.when, ctx)
            if applies.truth is Truth.FALSE:
                continue
            if applies.truth is Truth.UNKNOWN:
                missing.extend(applies.missing)
                continue
        results.append(_evidence_result(evidence, ctx.documents))
    evidence_results = tuple(results)
    if ctx.documents is not None:
        if any(r.status is Status.GAP for r in evidence_results):
            return Finding(criterion, Status.GAP, evidence=evidence_results)
        if missing:
            return Finding(criterion, Status.UNKNOWN, missing=tuple(missing), evidence=evidence_results)
    return Finding(criterion, Status.MET, evidence=evidence_results)


def _evidence_result(evidence: Evidence, documents: tuple[DocumentCheck, ...] | None) -> EvidenceResult:
    if documents is None:
        return EvidenceResult(evidence, Status.UNKNOWN)
    candidates = [d for d in documents if d.type in evidence.types]
    valid = next((d for d in candidates if d.valid), None)
    if valid is not None:
        return EvidenceResult(evidence, Status.MET, valid)
    return EvidenceResult(evidence, Status.GAP, candidates[0] if candidates else None)


def _score(criterion: Criterion, ctx: Context) -> Finding:
    # Levels are listed best first; the first that holds gives the points. An unknown level above
    # it means the score could be higher, so the finding stays unknown.
    missing: list[str] = []
    for level in criterion.scores:
        outcome = evaluate(level.when, ctx)
        if outcome.truth is Truth.UNKNOWN:
            missing.extend(outcome.missing)
            continue
        if outcome.truth is Truth.TRUE:
            if missing:
                break
            status = Status.MET if level.points == criterion.max_points else Status.GAP
            return Finding(criterion, status, points=level.points)
    if missing:
        return Finding(criterion, Status.UNKNOWN, missing=tuple(dict.fromkeys(missing)))
    return Finding(criterion, Status.GAP, points=0)


def evaluate_profile(
    cset: CriteriaSet,
    data: Mapping[str, Any],
    as_of: dt.date,
    source: str = "<profile>",
    documents: tuple[DocumentCheck, ...] | None = None,
    loaded: LoadedProfile | None = None,
    assumed: VariantValue | None = None,
) -> ProfileResult:
    """Every criterion of ``cset`` against ``data``: exactly one finding per criterion, in order.

    ``loaded`` (when the data came from a file) records the file's SHA-256 and where each field was
    written, for the reports that point at lines; ``assumed`` names the variant value filled in.
    """
    ctx = make_context(cset, data, as_of, documents)
    findings = tuple(evaluate_criterion(c, ctx) for c in cset.criteria)
    classes = []
    for definition in cset.classifications:
        value, missing = ctx.classification(definition.id)
        classes.append(ClassResult(definition, value, tuple(missing)))
    return ProfileResult(
        source,
        data,
        cset,
        as_of,
        findings,
        tuple(classes),
        assumed=assumed,
        documents=documents,
        sha256=loaded.sha256 if loaded else None,
        positions=loaded.positions if loaded else {},
        profile_path=loaded.source if loaded else None,
    )

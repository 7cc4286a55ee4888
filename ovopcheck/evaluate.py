"""Evaluate a criteria set against profile data "as of" a date. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .conditions import Context, Truth, evaluate
from .model import (
    ClassResult,
    CriteriaSet,
    Criterion,
    Finding,
    Kind,
    ProfileResult,
    Status,
)


def make_context(cset: CriteriaSet, data: Mapping[str, Any], as_of: dt.date) -> Context:
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

    ctx = Context(data, as_of, classify)
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
        return Finding(criterion, Status.MET)
    if outcome.truth is Truth.FALSE:
        return Finding(criterion, Status.GAP, failed=tuple(outcome.failed))
    return Finding(criterion, Status.UNKNOWN, missing=tuple(outcome.missing))


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
    cset: CriteriaSet, data: Mapping[str, Any], as_of: dt.date, source: str = "<profile>"
) -> ProfileResult:
    """Every criterion of ``cset`` against ``data``: exactly one finding per criterion, in order."""
    ctx = make_context(cset, data, as_of)
    findings = tuple(evaluate_criterion(c, ctx) for c in cset.criteria)
    classes = []
    for definition in cset.classifications:
        value, missing = ctx.classification(definition.id)
        classes.append(ClassResult(definition, value, tuple(missing)))
    return ProfileResult(source, data, cset, as_of, findings, tuple(classes))

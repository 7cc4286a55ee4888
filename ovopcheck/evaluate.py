"""Evaluate a criteria set against profile data "as of" a date. Pure: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from .documents import DocumentCheck
from .model.criteria import CriteriaSet, Criterion, Evidence, VariantValue
from .model.enums import Kind, Status
from .model.results import ClassResult, Evaluation, EvidenceResult, Finding
from .rules.compare import MISSING, Truth
from .rules.engine import Context, deciding_runner, evaluate


def make_context(
    cset: CriteriaSet,
    data: Mapping[str, Any],
    as_of: dt.date,
    documents: tuple[DocumentCheck, ...] | None = None,
) -> Context:
    """A context whose classifications are computed on first use, once per profile."""
    return _ProfileContext(cset, data, as_of, documents)


class _ProfileContext(Context):
    # A subclass rather than a closure over the context: a closure the context holds would make a
    # reference cycle, and each profile's data would then wait for the garbage collector to be freed.
    def __init__(
        self, cset: CriteriaSet, data: Mapping[str, Any], as_of: dt.date, documents: tuple[DocumentCheck, ...] | None
    ) -> None:
        super().__init__(data, as_of, None, documents)
        self._cset = cset
        self._cache: dict[str, tuple[str | None, list[str], tuple[str, ...]]] = {}

    def classification(self, cid: str) -> tuple[str | None, list[str]]:
        return self._classes(cid)[:2]

    def possible_classes(self, cid: str) -> tuple[str, ...]:
        return self._classes(cid)[2]

    def classification_definition(self, cid: str) -> Any:
        return self._cset.classification(cid)

    def _classes(self, cid: str) -> tuple[str | None, list[str], tuple[str, ...]]:
        """The class (None when the figures do not tell), the fields that would tell, and the classes still
        possible given the figures that are known (empty when none can be ruled out)."""
        cache = self._cache
        if cid in cache:
            return cache[cid]
        cache[cid] = (None, [f"classification:{cid}"], ())  # guards against a classification using itself
        definition = self._cset.classification(cid)
        if definition is None:
            return cache[cid]
        if not definition.in_force.contains(self.as_of):
            # Its instrument was not in force that day: no figure can tell, the assessor decides.
            cache[cid] = (None, [f"{ASSESSOR}{cid}"], ())
            return cache[cid]
        value: str | None = None
        missing: list[str] = []
        possible: list[str] = []
        for option in definition.classes:
            outcome = evaluate(option.when, self)
            if outcome.truth is Truth.UNKNOWN:
                missing.extend(outcome.missing)  # an earlier class might apply once this is known
                possible.append(option.value)
            elif outcome.truth is Truth.TRUE:
                value = None if missing else option.value
                possible.append(option.value)
                break
        found = value is not None or (definition.exhaustive and bool(possible))
        result = (
            value,
            [] if value else list(dict.fromkeys(missing)) or [f"classification:{cid}"],
            tuple(possible) if found else (),
        )
        cache[cid] = result
        return result


Step = Callable[[Context], Finding]

# A missing "field" that is a classification not in force on the date: ``assessor:industri_64_2016``.
ASSESSOR = "assessor:"

_T, _F, _U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def evaluate_criterion(criterion: Criterion, ctx: Context) -> Finding:
    """One criterion against one profile (see ``evaluate_profile`` for a whole set)."""
    return _compile(criterion, ctx.as_of)(ctx)


def _compile(criterion: Criterion, as_of: dt.date) -> Step:
    """A criterion as a closure for one "as of" date.

    Findings that do not depend on the profile (not in force, not applicable, met without documents,
    a scored level) are built here once and shared by every profile that reaches them: findings are
    frozen, and most of a batch's findings are of these kinds.
    """
    if not criterion.in_force.contains(as_of):
        off = Finding(criterion, Status.NOT_APPLICABLE, not_in_force=True)
        return lambda ctx: off
    decide = _scored(criterion) if criterion.kind is Kind.SCORED else _required(criterion)
    if criterion.applies_when is None:
        return decide
    applies = deciding_runner(criterion.applies_when)
    not_applicable = Finding(criterion, Status.NOT_APPLICABLE)

    def step(ctx: Context) -> Finding:
        outcome = applies(ctx, MISSING, "")
        truth = outcome.truth
        if truth is _F:
            return not_applicable
        if truth is _U:
            return _unknown(criterion, ctx, outcome.missing)
        return decide(ctx)

    return step


def _required(criterion: Criterion) -> Step:
    assert criterion.requires is not None
    requires = criterion.requires.run
    met = Finding(criterion, Status.MET)
    evidence = criterion.evidence
    lone: dict[tuple[Evidence, ...], Finding] = {}  # met, documents not checked: by the evidence that applies

    def step(ctx: Context) -> Finding:
        outcome = requires(ctx, MISSING, "")
        truth = outcome.truth
        if truth is _T:
            return _with_evidence(criterion, ctx, lone) if evidence else met
        if truth is _F:
            return Finding(criterion, Status.GAP, failed=tuple(outcome.failed))
        return _unknown(criterion, ctx, outcome.missing)

    return step


def _unknown(
    criterion: Criterion, ctx: Context, missing: list[str], evidence: tuple[EvidenceResult, ...] = ()
) -> Finding:
    """Unknown: the fields to fill in, apart from the classifications whose rule was not in force on the
    date (those no figure can decide: they are for the assessor)."""
    fields = tuple(dict.fromkeys(m for m in missing if not m.startswith(ASSESSOR)))
    if len(fields) == len(missing):
        return Finding(criterion, Status.UNKNOWN, missing=fields, evidence=evidence)
    found = (ctx.classification_definition(m[len(ASSESSOR) :]) for m in missing if m.startswith(ASSESSOR))
    assessor = tuple(dict.fromkeys(c for c in found if c is not None))
    return Finding(criterion, Status.UNKNOWN, missing=fields, evidence=evidence, assessor=assessor)


def _with_evidence(criterion: Criterion, ctx: Context, lone: dict[tuple[Evidence, ...], Finding]) -> Finding:
    """The claim holds; in a dossier it is met only when valid documents back it.

    A lone profile is judged on its claims: its evidence is reported as unknown without blocking.
    """
    applicable: list[Evidence] = []
    missing: list[str] = []
    for evidence in criterion.evidence:
        if evidence.when is not None:
            applies = evidence.when.run(ctx, MISSING, "")
            if applies.truth is _F:
                continue
            if applies.truth is _U:
                missing.extend(applies.missing)
                continue
        applicable.append(evidence)
    if ctx.documents is None:
        key = tuple(applicable)
        found = lone.get(key)
        if found is None:
            found = lone[key] = Finding(
                criterion, Status.MET, evidence=tuple(EvidenceResult(e, Status.UNKNOWN) for e in key)
            )
        return found
    evidence_results = tuple(_evidence_result(e, ctx.documents) for e in applicable)
    if any(r.status is Status.GAP for r in evidence_results):
        return Finding(criterion, Status.GAP, evidence=evidence_results)
    if missing:
        return _unknown(criterion, ctx, missing, evidence_results)
    return Finding(criterion, Status.MET, evidence=evidence_results)


def _evidence_result(evidence: Evidence, documents: tuple[DocumentCheck, ...] | None) -> EvidenceResult:
    if documents is None:
        return EvidenceResult(evidence, Status.UNKNOWN)
    candidates = [d for d in documents if d.type in evidence.types]
    valid = next((d for d in candidates if d.valid), None)
    if valid is not None:
        return EvidenceResult(evidence, Status.MET, valid)
    return EvidenceResult(evidence, Status.GAP, candidates[0] if candidates else None)


def _scored(criterion: Criterion) -> Step:
    # Levels are listed best first; the first that holds gives the points. An unknown level above
    # it means the score could be higher, so the finding stays unknown.
    levels = tuple(
        (
            level.when.run,
            Finding(criterion, Status.MET if level.points == criterion.max_points else Status.GAP, points=level.points),
        )
        for level in criterion.scores
    )
    nothing = Finding(criterion, Status.GAP, points=0)

    def step(ctx: Context) -> Finding:
        missing: list[str] = []
        for run, finding in levels:
            outcome = run(ctx, MISSING, "")
            truth = outcome.truth
            if truth is _U:
                missing.extend(outcome.missing)
                continue
            if truth is _T:
                if missing:
                    break
                return finding
        if missing:
            return _unknown(criterion, ctx, missing)
        return nothing

    return step


# Compiled steps per criteria set and "as of" date: a batch compiles them once. Weak keys: a set that is
# no longer used takes its steps with it; only the latest few dates are kept per set.
_STEPS: weakref.WeakKeyDictionary[CriteriaSet, dict[dt.date, tuple[Step, ...]]] = weakref.WeakKeyDictionary()
_DAYS_KEPT = 8


def _steps(cset: CriteriaSet, as_of: dt.date) -> tuple[Step, ...]:
    by_day = _STEPS.get(cset)
    if by_day is None:
        by_day = _STEPS[cset] = {}
    steps = by_day.get(as_of)
    if steps is None:
        if len(by_day) >= _DAYS_KEPT:  # a caller stepping through many dates: keep the latest few
            del by_day[next(iter(by_day))]
        steps = by_day[as_of] = tuple(_compile(c, as_of) for c in cset.criteria)
    return steps


def evaluate_profile(
    cset: CriteriaSet,
    data: Mapping[str, Any],
    as_of: dt.date,
    documents: tuple[DocumentCheck, ...] | None = None,
    assumed: VariantValue | None = None,
) -> Evaluation:
    """Every criterion of ``cset`` against ``data``: exactly one finding per criterion, in order.

    ``documents``: a dossier's judged documents (None for a lone profile, judged on its claims);
    ``assumed``: the variant value filled in, when the profile left the set's variant field out.
    """
    ctx = make_context(cset, data, as_of, documents)
    findings = tuple(step(ctx) for step in _steps(cset, as_of))
    classes = []
    for definition in cset.classifications:
        if not definition.in_force.contains(as_of):
            continue  # e.g. PP 7/2021 classes for a date before 2 Feb 2021: not shown, not used
        value, missing = ctx.classification(definition.id)
        classes.append(ClassResult(definition, value, tuple(missing), ctx.possible_classes(definition.id)))
    return Evaluation(data, cset, as_of, findings, tuple(classes), assumed=assumed)

"""What checking gives: findings per criterion, evaluations of a profile, and one result per file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from ..documents import DocumentCheck
from ..errors import Problem
from ..frozen import record
from ..rules.engine import AtomResult
from .criteria import Classification, CriteriaSet, Criterion, Evidence, Text, VariantValue, Waiver
from .enums import EXIT_CODES, Kind, Status, Verdict


@record
class EvidenceResult:
    """Whether a dossier's documents back one piece of a criterion's evidence."""

    evidence: Evidence
    status: Status  # met: a valid document; gap: none (see ``document``); unknown: lone profile
    document: DocumentCheck | None = None  # the valid one, or the best failing candidate


@record
class Finding:
    """The result of one criterion for one profile: met, gap, unknown or not applicable."""

    criterion: Criterion
    status: Status
    failed: tuple[AtomResult, ...] = ()  # for a gap: what was seen against what is required
    missing: tuple[str, ...] = ()  # for unknown: the profile fields to fill in
    points: int | None = None  # scored criteria only
    not_in_force: bool = False  # not applicable because the criterion is not in force on as_of
    evidence: tuple[EvidenceResult, ...] = ()
    waiver: Waiver | None = None  # applies: the gap or unknown is waived (reported, never silently met)
    expired_waiver: Waiver | None = None  # existed but expired before as_of: no longer applies

    # Whether this finding keeps the profile from being eligible. Derived once, at construction (reports
    # ask it many times; a cached_property would take a lock on every read).
    blocks: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        blocking = self.criterion.kind is Kind.GATE and self.status in (Status.GAP, Status.UNKNOWN)
        object.__setattr__(self, "blocks", blocking and self.waiver is None)


@record
class ClassResult:
    """The class a profile falls in for one classification, or the fields needed to tell."""

    classification: Classification
    value: str | None  # None: the profile lacks the figures
    missing: tuple[str, ...] = ()


@record
class AspectScore:
    """Readiness points of one aspect: the points reached, the most possible, indicators unknown."""

    aspect_id: str
    title: Text
    points: int
    max_points: int
    unknown: int  # indicators that could not be scored for lack of information


@record
class ProfileResult:
    """One profile checked against one criteria set: every finding, and the verdict they give."""

    source: str
    profile: Mapping[str, Any]
    criteria_set: CriteriaSet
    as_of: dt.date
    findings: tuple[Finding, ...]
    classifications: tuple[ClassResult, ...] = ()
    assumed: VariantValue | None = None  # set when the profile left the set's variant field out
    documents: tuple[DocumentCheck, ...] | None = None  # None: a lone profile, documents not checked
    sha256: str | None = None  # of the profile file as read
    profile_path: str | None = None  # the profile file (for a dossier: its profile.yaml)
    positions: Mapping[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict, compare=False)

    @property
    def readiness(self) -> tuple[AspectScore, ...]:
        """Points of the scored criteria, per aspect, in the order the aspects first appear."""
        order: dict[str, AspectScore] = {}
        for f in self.findings:
            c = f.criterion
            if c.kind is not Kind.SCORED or c.aspect_id is None or f.status is Status.NOT_APPLICABLE:
                continue
            prev = order.get(c.aspect_id) or AspectScore(
                c.aspect_id, c.aspect or Text(c.aspect_id, c.aspect_id), 0, 0, 0
            )
            order[c.aspect_id] = AspectScore(
                prev.aspect_id,
                prev.title,
                prev.points + (f.points or 0),
                prev.max_points + c.max_points,
                prev.unknown + (1 if f.status is Status.UNKNOWN else 0),
            )
        return tuple(order.values())

    @property
    def stars(self) -> int | None:
        """Stars from the set's star bands; None when it defines none or some indicator is unknown."""
        bands = self.criteria_set.star_bands
        scores = self.readiness
        if bands is None or not scores or any(a.unknown for a in scores):
            return None
        return bands.stars(sum(a.points for a in scores))

    def count(self, status: Status, kind: Kind | None = None, waived: bool = False) -> int:
        """Findings with ``status`` (of ``kind``), counting only waived ones when ``waived``."""
        return sum(
            1
            for f in self.findings
            if f.status is status and (kind is None or f.criterion.kind is kind) and (f.waiver is not None) == waived
        )

    @property
    def verdict(self) -> Verdict:
        return self._verdict

    def __post_init__(self) -> None:
        blocking = [f for f in self.findings if f.blocks]
        if any(f.status is Status.GAP for f in blocking):
            verdict = Verdict.NOT_ELIGIBLE
        elif blocking:
            verdict = Verdict.INCOMPLETE
        else:
            verdict = Verdict.ELIGIBLE
        object.__setattr__(self, "_verdict", verdict)  # derived once: results are frozen

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]


@record
class FailedFile:
    """A file that could not be checked at all (unreadable, not YAML, not a valid profile)."""

    source: str
    problems: tuple[Problem, ...]

    verdict = Verdict.INVALID
    exit_code = EXIT_CODES[Verdict.INVALID]


@record
class VariantResult:
    """One profile evaluated under each value of the set's variant field (e.g. both Upakarti categories).

    The file is as eligible as its best variant: a nominee fit for one category may be proposed for it.
    """

    source: str
    results: tuple[ProfileResult, ...]

    @property
    def verdict(self) -> Verdict:
        rank = [Verdict.ELIGIBLE, Verdict.INCOMPLETE, Verdict.NOT_ELIGIBLE, Verdict.INVALID]
        return min((r.verdict for r in self.results), key=rank.index)

    @property
    def exit_code(self) -> int:
        return min(r.exit_code for r in self.results)


Result = ProfileResult | VariantResult | FailedFile


def evaluations(result: ProfileResult | VariantResult) -> tuple[ProfileResult, ...]:
    """The evaluations of one checked file: itself, or one per value of the set's variant field."""
    return result.results if isinstance(result, VariantResult) else (result,)

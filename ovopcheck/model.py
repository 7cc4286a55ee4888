"""The values that flow through ovopcheck: criteria, findings and results. All frozen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from enum import StrEnum
from typing import Any

from .conditions import AtomResult, Condition
from .documents import DocumentCheck
from .errors import Problem
from .records import record
from .sharing import reduce as _reduce_shared


class Status(StrEnum):
    MET = "met"
    GAP = "gap"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class Kind(StrEnum):
    GATE = "gate"
    SCORED = "scored"
    ADVISORY = "advisory"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"  # at least one gate has a gap
    INCOMPLETE = "incomplete"  # no gate gap, but some gate lacks information
    INVALID = "invalid"  # the file could not be checked


EXIT_CODES: Mapping[Verdict, int] = {
    Verdict.ELIGIBLE: 0,
    Verdict.NOT_ELIGIBLE: 1,
    Verdict.INCOMPLETE: 1,
    Verdict.INVALID: 2,
}


@record
class Text:
    """A text in Indonesian and English."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@record
class Basis:
    """The legal or other basis of a criterion, with its tag (legal, official, practice, ...) and source."""

    instrument: str
    tag: str  # legal | official | practice | historic-form | inferred
    source_url: str
    article: str | None = None
    note: str | None = None


@record
class Period:
    """When a criterion or set is in force; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@record
class ScoreLevel:
    """One level of a scored criterion: the points given when its condition holds."""

    points: int
    when: Condition
    label: Text | None = None


@record
class TestCase:
    """A criterion's own test: a small profile and the status it must get."""

    expect: Status
    profile: Mapping[str, Any]
    name: str | None = None
    as_of: dt.date | None = None
    points: int | None = None


@record
class Evidence:
    """A criterion's claim must be backed, in a dossier, by one valid document of one of ``types``."""

    types: tuple[str, ...]
    when: Condition | None = None

    def __reduce_ex__(self, protocol: Any) -> Any:  # see sharing.py
        return _reduce_shared(self, protocol)


@record
class EvidenceResult:
    """Whether a dossier's documents back one piece of a criterion's evidence."""

    evidence: Evidence
    status: Status  # met: a valid document; gap: none (see ``document``); unknown: lone profile
    document: DocumentCheck | None = None  # the valid one, or the best failing candidate


@record
class Criterion:
    """One criterion of a set: a gate, an advisory or a scored indicator, with its basis and advice."""

    id: str
    kind: Kind
    title: Text
    explanation: Text
    basis: tuple[Basis, ...]
    advice: Text
    requires: Condition | None = None
    gap: Text | None = None
    applies_when: Condition | None = None
    scores: tuple[ScoreLevel, ...] = ()
    assessor_judgment: bool = False
    in_force: Period = field(default_factory=Period)
    aspect_id: str | None = None  # scored criteria: the aspect their points count towards
    aspect: Text | None = None
    evidence: tuple[Evidence, ...] = ()
    tests: tuple[TestCase, ...] = ()

    @property
    def max_points(self) -> int:
        return max((level.points for level in self.scores), default=0)

    def __reduce_ex__(self, protocol: Any) -> Any:  # see sharing.py
        return _reduce_shared(self, protocol)


@record
class ClassDef:
    """One class of a classification (e.g. ``kecil``) and the condition that puts a profile in it."""

    value: str
    label: Text
    when: Condition


@record
class Classification:
    """A classification of profiles, e.g. business size by workforce and investment."""

    id: str
    title: Text
    basis: tuple[Basis, ...]
    classes: tuple[ClassDef, ...]

    def label(self, value: str) -> Text:
        for c in self.classes:
            if c.value == value:
                return c.label
        return Text(value, value)

    def __reduce_ex__(self, protocol: Any) -> Any:  # see sharing.py
        return _reduce_shared(self, protocol)


@record
class VariantValue:
    """One value of a set's variant field, e.g. one Upakarti category."""

    value: str
    label: Text


@record
class Variants:
    """Evaluate once per value when the profile leaves ``field`` out (e.g. both Upakarti categories)."""

    field: str
    values: tuple[VariantValue, ...]


@record
class StarBands:
    """Stars from the readiness total; only custom criteria files define them (no official bands exist)."""

    note: Text
    bands: tuple[tuple[int, int], ...]  # (stars, min_points), any order

    def stars(self, points: int) -> int:
        return max((stars for stars, minimum in self.bands if points >= minimum), default=0)


@record
class CriteriaSet:
    """A programme's criteria for one period, from one criteria file (and any it extends)."""

    id: str
    programme: str
    version: str
    title: Text
    regime: Text
    criteria: tuple[Criterion, ...]
    classifications: tuple[Classification, ...] = ()
    in_force: Period = field(default_factory=Period)
    source: str = ""
    sha256: str = ""
    extends: str | None = None
    variants: Variants | None = None
    star_bands: StarBands | None = None
    # Other files this set's evaluation depends on (a base it extends, shared classifications):
    # (set id, version, sha256), so a decision record names every file it rests on.
    includes: tuple[tuple[str, str, str], ...] = ()

    def classification(self, cid: str) -> Classification | None:
        for c in self.classifications:
            if c.id == cid:
                return c
        return None

    def criterion(self, cid: str) -> Criterion | None:
        for c in self.criteria:
            if c.id == cid:
                return c
        return None

    def __reduce_ex__(self, protocol: Any) -> Any:  # see sharing.py
        return _reduce_shared(self, protocol)


@record
class Waiver:
    """An approved exception: the criterion's gap or unknown no longer blocks, and says so."""

    criterion: str
    justification: str
    approved_by: str
    expires: dt.date
    profile: str | None = None  # a path or glob; None: every profile
    source: str = ""  # where it was written (file:line)


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

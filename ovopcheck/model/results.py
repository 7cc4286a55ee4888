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
from .enums import Kind, Status, Verdict


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
    # Unknown because a classification it needs was not in force on as_of (e.g. Permenperin 64/2016 before
    # July 2016): no figure can decide it, the assessor does.
    assessor: tuple[Classification, ...] = ()

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
    possible: tuple[str, ...] = ()  # value None: the classes the known figures leave open (exhaustive ones)


@record
class AspectScore:
    """Readiness points of one aspect: the points reached, the most possible, indicators unknown."""

    aspect_id: str
    title: Text
    points: int
    max_points: int
    unknown: int  # indicators that could not be scored for lack of information
    indicators: int = 0  # indicators in this aspect (all unknown: not scored yet, which is not zero points)

    @property
    def scored(self) -> bool:
        """Whether any indicator of the aspect could be scored (else it shows "not scored yet", not 0)."""
        return self.unknown < self.indicators


@record
class Reading:
    """A value written the officer's way (``Rp 320.000.000``, ``ya``, ``17-08-2024``) and read as its
    canonical value; the text as written is kept, for the decision record."""

    path: tuple[str | int, ...]
    written: str
    value: Any
    line: int
    column: int


@record
class Evaluation:
    """One profile evaluated against one criteria set on a date: every finding, and the verdict they give.

    A file has one, or one per value of the set's variant field (``assumed``) when the profile leaves that
    field out: both Upakarti categories, say.
    """

    profile: Mapping[str, Any]
    criteria_set: CriteriaSet
    as_of: dt.date
    findings: tuple[Finding, ...]
    classifications: tuple[ClassResult, ...] = ()
    assumed: VariantValue | None = None  # set when the profile left the set's variant field out
    # Derived once, at construction (results are frozen; reports ask many times).
    verdict: Verdict = field(init=False, repr=False)
    blocking: tuple[Finding, ...] = field(init=False, repr=False)  # the findings that keep it from eligible

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
                prev.indicators + 1,
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

    def __post_init__(self) -> None:
        blocking = tuple(f for f in self.findings if f.blocks)
        if any(f.status is Status.GAP for f in blocking):
            verdict = Verdict.NOT_ELIGIBLE
        elif blocking:
            verdict = Verdict.INCOMPLETE
        else:
            verdict = Verdict.ELIGIBLE
        object.__setattr__(self, "verdict", verdict)
        object.__setattr__(self, "blocking", blocking)


# Which evaluation of a file stands for it: the best verdict (a nominee fit for one Upakarti category may be
# proposed for it), then the fewest blocking findings (the least to do).
_RANK = {Verdict.ELIGIBLE: 0, Verdict.INCOMPLETE: 1, Verdict.NOT_ELIGIBLE: 2, Verdict.INVALID: 3}


@record
class FileResult:
    """One checked file (a profile, or a dossier folder): its evaluations, or the problems that kept it from
    being checked. The one result type a checker, a batch and every report deal in.
    """

    source: str  # the path as given: a profile file or a dossier folder
    evaluations: tuple[Evaluation, ...] = ()  # empty when the file could not be checked
    problems: tuple[Problem, ...] = ()  # why it could not be checked (located where known)
    profile_path: str | None = None  # the profile file read (for a dossier: its profile.yaml)
    sha256: str | None = None  # of the profile file as read
    documents: tuple[DocumentCheck, ...] | None = None  # a dossier's judged documents; None: a lone profile
    positions: Mapping[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict, compare=False)
    readings: tuple[Reading, ...] = ()  # values written the officer's way, and what they were read as
    # Why the profile was checked against another programme than the run's: "declared" (its programme:
    # field) or "nominee" (a nominee section: an Upakarti nomination); None: the run's programme.
    programme_from: str | None = None
    # Of an input that could not be checked, what it says of who and where the IKM is, as written (a
    # spreadsheet row's name and kabupaten/kota), so that summaries still count it where it belongs.
    partial: Mapping[str, Any] = field(default_factory=dict, compare=False)
    sheet_row: bool = False  # one row of a spreadsheet: positions are (row, column) of its cells
    verdict: Verdict = field(init=False, repr=False)
    best: Evaluation | None = field(init=False, repr=False)  # the evaluation that stands for the file

    def __post_init__(self) -> None:
        best = min(self.evaluations, key=lambda e: (_RANK[e.verdict], len(e.blocking)), default=None)
        object.__setattr__(self, "best", None if self.problems else best)
        object.__setattr__(self, "verdict", Verdict.INVALID if best is None or self.problems else best.verdict)

    @property
    def checked(self) -> bool:
        """Whether the file could be checked at all (it then has at least one evaluation)."""
        return self.best is not None

    @property
    def profile(self) -> Mapping[str, Any]:
        """The profile data ({} when the file could not be checked); with several evaluations, the first's."""
        return self.evaluations[0].profile if self.evaluations else {}


def failed(source: str, *problems: Problem, partial: Mapping[str, Any] | None = None) -> FileResult:
    """A file that could not be checked (``partial``: what could be read of who and where it is about)."""
    return FileResult(source, problems=problems, partial=partial or {})


WHO_AND_WHERE = ("business.name", "business.nib", "business.address", "nominee.name", "nominee.address",
                 "product.commodity_group")  # fmt: skip


def who_and_where(data: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of profile data that name and place the IKM (kept for a file that could not be checked)."""
    out: dict[str, Any] = {}
    for dotted in WHO_AND_WHERE:
        section, key = dotted.split(".")
        inner = data.get(section)
        if isinstance(inner, Mapping) and key in inner:
            out.setdefault(section, {})[key] = inner[key]
    return out

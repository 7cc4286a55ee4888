"""The values that flow through ovopcheck: criteria, findings and results. All frozen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from ..frozen import record
from ..rules.engine import Condition
from ..sharing import shared
from .enums import Kind, Status


@record
class Text:
    """A text in Indonesian and English."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@record
class Period:
    """When a criterion or set is in force; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None
    note: Text | None = None
    inferred: bool = False  # a day the sources do not give (the note says how it was taken)

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@record
class Basis:
    """The legal or other basis of a criterion, with its tag (legal, official, practice, ...) and source."""

    instrument: Text  # a name (PP 29/2018) is the same text in both languages
    tag: str  # legal | official | practice | historic-form | inferred
    source_url: str
    article: Text | None = None
    note: Text | None = None
    in_force: Period = field(default_factory=Period)  # when this is the basis to cite (PP 39/2021 until revoked)


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


@shared  # see sharing.py
@record
class Evidence:
    """A criterion's claim must be backed, in a dossier, by one valid document of one of ``types``."""

    types: tuple[str, ...]
    when: Condition | None = None


@shared  # see sharing.py
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
    checklist: Text | None = None  # a line for the dossier checklist: something to bring that is no document

    def bases_on(self, day: dt.date) -> tuple[Basis, ...]:
        """The bases to cite on ``day``: a dated basis (PP 39/2021 until it was revoked) only in its period."""
        return tuple(b for b in self.basis if b.in_force.contains(day)) or self.basis

    @property
    def max_points(self) -> int:
        return max((level.points for level in self.scores), default=0)

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Every condition of the criterion: what it requires, when it applies, and each score level's."""
        return tuple(c for c in (self.requires, self.applies_when, *(s.when for s in self.scores)) if c is not None)


@record
class ClassDef:
    """One class of a classification (e.g. ``kecil``) and the condition that puts a profile in it."""

    value: str
    label: Text
    when: Condition


@shared  # see sharing.py
@record
class Classification:
    """A classification of profiles, e.g. business size by workforce and investment."""

    id: str
    title: Text
    basis: tuple[Basis, ...]
    classes: tuple[ClassDef, ...]
    in_force: Period = field(default_factory=Period)
    # Every profile with all figures known is in exactly one class: a class the known figures rule out is
    # then out for good, and partial figures can decide (19 workers is never industri besar).
    exhaustive: bool = False

    def label(self, value: str) -> Text:
        for c in self.classes:
            if c.value == value:
                return c.label
        return Text(value, value)


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
class Fact:
    """A fact about the programme, shown as information and never checked (a past round's dates)."""

    text: Text
    tag: str  # legal | official | practice | historic-form | inferred
    source_url: str


@record
class StarBands:
    """Stars from the readiness total; only custom criteria files define them (no official bands exist)."""

    note: Text
    bands: tuple[tuple[int, int], ...]  # (stars, min_points), any order

    def stars(self, points: int) -> int:
        return max((stars for stars, minimum in self.bands if points >= minimum), default=0)


@shared  # see sharing.py
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
    readiness_note: Text | None = None  # what the readiness score is and is not (shown with its total)
    facts: tuple[Fact, ...] = ()  # programme facts, shown as information, never gates
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


@record
class Waiver:
    """An approved exception: the criterion's gap or unknown no longer blocks, and says so."""

    criterion: str
    justification: str
    approved_by: str
    expires: dt.date
    profile: str | None = None  # a path or glob; None: every profile
    source: str = ""  # where it was written (file:line)

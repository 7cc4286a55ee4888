"""Which criteria apply: the bundled and added sets (merged, extended), the set of a programme in force on
a date, and for each profile the programme it is for."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from .frozen import record
from .loading.criteria import criteria_files, load_bundled_sets, load_criteria_file
from .model.criteria import Classification, CriteriaSet
from .rules.walk import classifications_read


def load_sets(extra: Iterable[str | os.PathLike[str]] = ()) -> list[CriteriaSet]:
    """The bundled criteria sets plus those in ``extra`` files or folders (same set id: replaced)."""
    added = [load_criteria_file(p) for path in extra for p in criteria_files(Path(path))]
    return merge_sets(load_bundled_sets(), added)


def load_programme(
    programme: str = "ovop", as_of: dt.date | None = None, sets: list[CriteriaSet] | None = None
) -> CriteriaSet:
    """The criteria set for ``programme`` in force on ``as_of`` (default: today)."""
    return select_set(sets if sets is not None else load_sets(), programme, as_of or dt.date.today())


class NoSetInForce(LookupError):
    def __init__(self, programme: str, as_of: dt.date, known: list[str]) -> None:
        super().__init__(programme)
        self.programme = programme
        self.as_of = as_of
        self.known = known


class ProgrammeAsleep(LookupError):
    """A profile is for a programme that had no rules in force on the date (e.g. Upakarti before 2020)."""

    def __init__(self, programme: str, starts: dt.date | None) -> None:
        super().__init__(programme)
        self.programme = programme
        self.starts = starts


class UnknownBase(LookupError):
    def __init__(self, cset: CriteriaSet) -> None:
        super().__init__(cset.extends)
        self.cset = cset


def merge_sets(bundled: Iterable[CriteriaSet], extra: Iterable[CriteriaSet]) -> list[CriteriaSet]:
    """Extra sets (``--criteria``) add to the bundled ones; one with the same set id replaces it.

    A set that ``extends`` another takes its place: the base's criteria and classifications, with the
    extension's added (or replaced, by id), and the extension's star bands and identity.
    """
    by_id = {cset.id: cset for cset in bundled}
    for cset in extra:
        if cset.extends is None:
            by_id[cset.id] = cset
            continue
        base = by_id.pop(cset.extends, None)
        if base is None:
            raise UnknownBase(cset)
        by_id[cset.id] = extend(base, cset)
    return share_classifications(list(by_id.values()))


class UnknownClassification(LookupError):
    def __init__(self, cset: CriteriaSet, cid: str) -> None:
        super().__init__(cid)
        self.cset = cset
        self.cid = cid


def share_classifications(sets: list[CriteriaSet]) -> list[CriteriaSet]:
    """Give every set every classification defined anywhere (its own definitions win), so size classes
    are computed and shown for every programme; a criterion naming an undefined one is an error."""
    shared: dict[str, Classification] = {}
    owner: dict[str, CriteriaSet] = {}
    for cset in sets:
        for cls in cset.classifications:
            shared.setdefault(cls.id, cls)
            owner.setdefault(cls.id, cset)
    out = []
    for cset in sets:
        own = {c.id for c in cset.classifications}
        borrowed = [k for k in shared if k not in own]
        includes = dict.fromkeys(
            (*cset.includes, *((owner[k].id, owner[k].version, owner[k].sha256) for k in borrowed))
        )
        merged = replace(
            cset,
            classifications=cset.classifications + tuple(shared[k] for k in borrowed),
            includes=tuple(includes),
        )
        known = {c.id for c in merged.classifications}
        for criterion in merged.criteria:
            for cond in criterion.conditions:
                for cid in classifications_read(cond):
                    if cid not in known:
                        raise UnknownClassification(cset, cid)
        out.append(merged)
    return out


def extend(base: CriteriaSet, extension: CriteriaSet) -> CriteriaSet:
    replaced = {c.id: c for c in extension.criteria}
    base_ids = {c.id for c in base.criteria}
    own_classes = {c.id for c in extension.classifications}
    return replace(
        extension,
        programme=base.programme,
        # A criterion replaced by id keeps its place; new ones come after the base's.
        criteria=tuple(replaced.get(c.id, c) for c in base.criteria)
        + tuple(c for c in extension.criteria if c.id not in base_ids),
        classifications=tuple(c for c in base.classifications if c.id not in own_classes) + extension.classifications,
        variants=extension.variants or base.variants,
        star_bands=extension.star_bands or base.star_bands,
        readiness_note=extension.readiness_note or base.readiness_note,
        facts=extension.facts or base.facts,
        in_force=extension.in_force if (extension.in_force.start or extension.in_force.end) else base.in_force,
        includes=(*base.includes, (base.id, base.version, base.sha256)),
    )


def select_set(sets: Iterable[CriteriaSet], programme: str, as_of: dt.date) -> CriteriaSet:
    """The set for ``programme`` in force on ``as_of``; the latest-starting one when several are."""
    candidates = [c for c in sets if c.programme == programme and c.criteria]
    in_force = [c for c in candidates if c.in_force.contains(as_of)]
    if not in_force:
        # Programmes an officer can choose: those with criteria (a set of shared classifications is not one).
        known = sorted({c.programme for c in sets if c.criteria}) if not candidates else [c.id for c in candidates]
        raise NoSetInForce(programme, as_of, known)
    return max(in_force, key=lambda c: (c.in_force.start or dt.date.min, c.id))


@record
class Programmes:
    """The criteria set of each programme in force on a date, and the programme a profile is checked
    against when it does not say (``--program``, else ovop)."""

    sets: Mapping[str, CriteriaSet]
    default: str
    # Programmes that have sets, none in force on the date, with the first day any of them starts
    # (None: they had all ended): a profile for one of them cannot be checked that day.
    asleep: Mapping[str, dt.date | None] = field(default_factory=dict)

    @property
    def default_set(self) -> CriteriaSet:
        return self.sets[self.default]

    def for_profile(self, data: Mapping[str, Any]) -> tuple[CriteriaSet, str | None]:
        """The set a profile is checked against, and why when not the default: "declared" (its
        ``programme:``) or "nominee" (it has a nominee section, so it is an Upakarti nomination).
        ProgrammeAsleep when the programme it is for had no rules in force on the date."""
        programme, reason = programme_of(data)
        if programme is not None and programme in self.asleep:
            raise ProgrammeAsleep(programme, self.asleep[programme])
        if programme is None or programme == self.default or programme not in self.sets:
            return self.default_set, None
        return self.sets[programme], reason


def programme_of(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The programme a profile is for, and how that is known; (None, None) when it does not say."""
    declared = data.get("programme")
    if isinstance(declared, str):
        return declared, "declared"
    if isinstance(data.get("nominee"), Mapping):
        return "upakarti", "nominee"
    return None, None


def programmes_in_force(sets: Iterable[CriteriaSet], default: str, as_of: dt.date) -> Programmes:
    """Every programme with a set in force on ``as_of``; NoSetInForce when ``default`` has none."""
    sets = list(sets)
    chosen = {default: select_set(sets, default, as_of)}
    asleep: dict[str, dt.date | None] = {}
    for programme in sorted({c.programme for c in sets if c.criteria} - {default}):
        try:
            chosen[programme] = select_set(sets, programme, as_of)
        except NoSetInForce:
            asleep[programme] = first_start(sets, programme, as_of)
    return Programmes(chosen, default, asleep)


def first_start(sets: Iterable[CriteriaSet], programme: str, after: dt.date) -> dt.date | None:
    """The first day after ``after`` on which a set of ``programme`` starts (None: none does)."""
    starts = [c.in_force.start for c in sets if c.programme == programme and c.criteria and c.in_force.start]
    return min((day for day in starts if day > after), default=None)

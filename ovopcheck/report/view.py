"""One view of each checked file, built once and read by every format and by the batch summary.

Who (the business, or the Upakarti nominee; NIB exactly as written), where (desa … provinsi, from the
business's address or the nominee's), what (programme, commodity group), which evaluation stands for the
file, its blocking findings, how much attention each finding needs and where in the profile it points.
No format derives any of these again, so no two formats can disagree about them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any

from ..frozen import record
from ..loading.schema import position
from ..model.enums import Kind, Status, Verdict
from ..model.results import Evaluation, FileResult, Finding
from ..regions import Placed, place
from ..rules.walk import fields_read

# The order verdicts are listed in for people: totals, tables and charts.
VERDICT_ORDER: tuple[Verdict, ...] = (Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.INCOMPLETE, Verdict.INVALID)
PLACE_PARTS = ("desa", "kecamatan", "kabupaten_kota", "provinsi")


@record
class Subject:
    """Who and where a profile is about, as written in it (None where it does not say)."""

    name: str | None = None
    nib: str | None = None
    desa: str | None = None
    kecamatan: str | None = None
    kabupaten_kota: str | None = None
    provinsi: str | None = None
    commodity_group: str | None = None

    @property
    def place(self) -> str:
        """``desa, kecamatan, kabupaten/kota, provinsi``, as much of it as the profile gives."""
        return ", ".join(getattr(self, part) for part in PLACE_PARTS if getattr(self, part))

    @property
    def region(self) -> str:
        """``kabupaten/kota, provinsi``: what offices count and report by."""
        return ", ".join(part for part in (self.kabupaten_kota, self.provinsi) if part)

    @property
    def label(self) -> str:
        """One line naming the IKM: ``name (NIB …) — kabupaten/kota, provinsi``; "" when nothing is known."""
        text = self.name or ""
        if self.nib:
            text += f" (NIB {self.nib})"
        if self.region:
            text += f" — {self.region}"
        return text.strip()

    def record(self) -> dict[str, str | None]:
        """As JSON data: every field, null where the profile does not say."""
        return {
            "name": self.name,
            "nib": self.nib,
            "commodity_group": self.commodity_group,
            **{part: getattr(self, part) for part in PLACE_PARTS},
        }


def subject_of(profile: Mapping[str, Any]) -> Subject:
    """The business, or for an Upakarti nominee without one, the nominee: name, NIB, address, commodity."""
    business = _mapping(profile.get("business"))
    nominee = _mapping(profile.get("nominee"))
    address = _mapping(business.get("address")) or _mapping(nominee.get("address"))
    product = _mapping(profile.get("product"))
    return Subject(
        name=_text(business.get("name")) or _text(nominee.get("name")),
        nib=_text(business.get("nib")),
        **{part: _text(address.get(part)) for part in PLACE_PARTS},
        commodity_group=_text(product.get("commodity_group")),
    )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


class Attention(StrEnum):
    """How much attention a finding needs from whoever reads a CI log or a code-scanning alert."""

    ERROR = "error"  # a gate that is not met
    WARNING = "warning"  # a gate that lacks information
    NOTE = "note"  # an advisory that is not met or lacks information


def attention(finding: Finding) -> Attention | None:
    """None for what needs none: met, not applicable, and scored indicators (shown as points)."""
    if finding.status not in (Status.GAP, Status.UNKNOWN) or finding.criterion.kind is Kind.SCORED:
        return None
    if finding.criterion.kind is Kind.GATE:
        return Attention.ERROR if finding.status is Status.GAP else Attention.WARNING
    return Attention.NOTE


@record
class FileView:
    """What every report shows of one file, derived once from its result."""

    result: FileResult
    subject: Subject
    programme: str | None  # the programme of the criteria set it was checked against

    @property
    def source(self) -> str:
        return self.result.source

    @property
    def placed(self) -> Placed:
        """The kabupaten/kota and provinsi on the Kemendagri list (``Kab. Garut`` is Kabupaten Garut, 32.05)."""
        return place(self.subject.kabupaten_kota, self.subject.provinsi)

    @property
    def region_names(self) -> tuple[str | None, str | None]:
        """(kabupaten/kota, provinsi) as offices count them: the Kemendagri names where the list has them
        (``GARUT`` is Kabupaten Garut), else as written."""
        placed, subject = self.placed, self.subject
        kabupaten = placed.kabupaten_kota.name if placed.kabupaten_kota else subject.kabupaten_kota
        return kabupaten, placed.provinsi.name if placed.provinsi else subject.provinsi

    def region_note(self, lang: str) -> str | None:
        """What to say of a kabupaten/kota or provinsi that is on no list, ambiguous or in another provinsi."""
        placed = self.placed
        if not placed.problem:
            return None
        from .messages import message
        from .safe import safe_line
        from .sentences import did_you_mean

        subject = self.subject
        name = safe_line(subject.kabupaten_kota or "") if placed.problem.endswith("kabupaten") else ""
        params = {"name": name or safe_line(subject.provinsi or ""), "suggestion": placed.suggestion}
        params["hint"] = did_you_mean(placed.suggestion or None, lang)
        params["kabupaten"] = placed.kabupaten_kota.name if placed.kabupaten_kota else ""
        return message(f"region.{placed.problem}", lang, **params)

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict

    @property
    def best(self) -> Evaluation | None:
        """The evaluation that stands for the file (its best category, for a file with several)."""
        return self.result.best

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The findings that keep the file from being eligible, in the best evaluation."""
        return self.result.best.blocking if self.result.best is not None else ()

    @property
    def gaps(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.blocking if f.status is Status.GAP)

    @property
    def unknowns(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.blocking if f.status is Status.UNKNOWN)

    def needing_attention(self) -> Iterator[tuple[Evaluation, Finding, Attention]]:
        """Every finding that needs attention, evaluation by evaluation, with how much."""
        for evaluation in self.result.evaluations:
            for finding in evaluation.findings:
                level = attention(finding)
                if level is not None:
                    yield evaluation, finding, level

    @property
    def who(self) -> str:
        """``label: `` to put before a message that stands alone (an annotation, an alert); "" if unknown."""
        return f"{self.subject.label}: " if self.subject.label else ""

    def location(self, finding: Finding) -> tuple[int, int]:
        """Line and column in the profile for a finding: the field involved, or its nearest written parent."""
        positions = self.result.positions
        for dotted in finding_fields(finding):
            path = tuple(p for p in dotted.replace("[]", "").replace("]", "").replace("[", ".").split(".") if p)
            found = position(positions, tuple(int(p) if p.isdigit() else p for p in path))
            if found != (0, 0):
                return found
        return (1, 1)

    @property
    def uri(self) -> str:
        """The file a finding's line refers to: the profile read (a dossier's profile.yaml), else the source."""
        return self.result.profile_path or self.result.source


def view_of(result: FileResult) -> FileView:
    best = result.best
    # A file that could not be checked is still named and placed by what could be read of it.
    who = result.profile or result.partial
    return FileView(result, subject_of(who), best.criteria_set.programme if best else None)


def finding_fields(finding: Finding) -> list[str]:
    """The profile fields a finding is about: what failed, what is missing, else what it reads."""
    if finding.failed:
        return [r.atom.of or r.atom.target for r in finding.failed]
    if finding.missing:
        return [m for m in finding.missing if not m.startswith("classification:")]
    return [f for cond in finding.criterion.conditions for f in fields_read(cond)]

"""Results as plain, JSON-ready data: the decision record behind the json, jsonl and other reporters.

Deterministic: no clock, no machine names; keys are sorted when dumped. Text meant for people
(titles, messages) is in the chosen language; everything else is language-neutral.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._version import __version__
from ..documents import DocumentCheck
from ..errors import format_path
from ..loading.schema import position
from ..model.criteria import Basis, CriteriaSet, Waiver
from ..model.results import FailedFile, Finding, ProfileResult, Result
from ..model.results import evaluations as model_evaluations
from ..policy import result_exit_code
from ..rules.compare import MISSING
from ..rules.engine import AtomResult
from ..rules.walk import fields_read
from .sentences import evidence_sentence, finding_sentence, problem_sentence

RECORD_FORMAT_VERSION = 1


def plain(value: Any) -> Any:
    """A value as JSON data: dates as ISO text, missing as null, tuples as lists."""
    if value is MISSING or value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def finding_fields(finding: Finding) -> list[str]:
    """The profile fields a finding is about: what failed, what is missing, else what it reads."""
    if finding.failed:
        return [r.atom.of or r.atom.target for r in finding.failed]
    if finding.missing:
        return [m for m in finding.missing if not m.startswith("classification:")]
    criterion = finding.criterion
    conds = [criterion.requires, criterion.applies_when, *(s.when for s in criterion.scores)]
    return [f for c in conds if c is not None for f in fields_read(c)]


def finding_location(result: ProfileResult, finding: Finding) -> tuple[int, int]:
    """Line and column in the profile for a finding: the field involved, or its nearest written parent."""
    for dotted in finding_fields(finding):
        path = tuple(p for p in dotted.replace("[]", "").replace("]", "").replace("[", ".").split(".") if p)
        typed: tuple[str | int, ...] = tuple(int(p) if p.isdigit() else p for p in path)
        found = position(result.positions, typed)
        if found != (0, 0):
            return found
    return (1, 1)


def _basis(basis: Basis) -> dict[str, Any]:
    return {
        "instrument": basis.instrument,
        "article": basis.article,
        "tag": basis.tag,
        "source_url": basis.source_url,
        "note": basis.note,
    }


def _atom(result: AtomResult) -> dict[str, Any]:
    atom = result.atom
    return {
        "subject": atom.subject,
        "field": atom.target,
        "of": atom.of,
        "operator": "not " + atom.op if result.negated else atom.op,
        "actual": plain(result.actual),
        "required": plain(result.required),
    }


def _waiver(waiver: Waiver | None) -> dict[str, Any] | None:
    if waiver is None:
        return None
    return {
        "criterion": waiver.criterion,
        "profile": waiver.profile,
        "justification": waiver.justification,
        "approved_by": waiver.approved_by,
        "expires": waiver.expires.isoformat(),
        "source": waiver.source,
    }


def _document(check: DocumentCheck) -> dict[str, Any]:
    return {
        "index": check.index,
        "type": check.type,
        "path": check.path,
        "valid": check.valid,
        "problem": check.problem,
        "detail": check.detail or None,
    }


def finding_record(result: ProfileResult, finding: Finding, lang: str) -> dict[str, Any]:
    criterion = finding.criterion
    line, column = finding_location(result, finding)
    return {
        "criterion": criterion.id,
        "kind": criterion.kind.value,
        "title": criterion.title.get(lang),
        "status": finding.status.value,
        "blocks": finding.blocks,
        "message": finding_sentence(finding, lang),
        "checks": [_atom(r) for r in finding.failed],
        "missing": list(finding.missing),
        "points": finding.points,
        "max_points": criterion.max_points if criterion.scores else None,
        "assessor_judgment": criterion.assessor_judgment,
        "not_in_force": finding.not_in_force,
        "basis": [_basis(b) for b in criterion.basis],
        "evidence": [
            {
                "types": list(e.evidence.types),
                "status": e.status.value,
                "document": e.document.path if e.document else None,
                "message": evidence_sentence(e, lang),
            }
            for e in finding.evidence
        ],
        "waiver": _waiver(finding.waiver),
        "expired_waiver": _waiver(finding.expired_waiver),
        "advice": criterion.advice.get(lang),
        "location": {"line": line, "column": column},
    }


def evaluation_record(result: ProfileResult, lang: str, fail_on: frozenset[str]) -> dict[str, Any]:
    return {
        "variant": {"value": result.assumed.value, "label": result.assumed.label.get(lang)} if result.assumed else None,
        "verdict": result.verdict.value,
        "exit_code": result_exit_code(result, fail_on),
        "classifications": [
            {"id": c.classification.id, "value": c.value, "missing": list(c.missing)} for c in result.classifications
        ],
        "findings": [finding_record(result, f, lang) for f in result.findings],
        "readiness": [
            {
                "aspect": a.aspect_id,
                "title": a.title.get(lang),
                "points": a.points,
                "max_points": a.max_points,
                "unscored": a.unknown,
            }
            for a in result.readiness
        ],
        "stars": result.stars,
    }


def file_record(result: Result, lang: str, fail_on: frozenset[str]) -> dict[str, Any]:
    """One checked file (profile or dossier) with every evaluation of it."""
    if isinstance(result, FailedFile):
        return {
            "path": result.source,
            "kind": "invalid",
            "sha256": None,
            "verdict": result.verdict.value,
            "exit_code": result_exit_code(result, fail_on),
            "problems": [
                {
                    "line": p.line,
                    "column": p.column,
                    "field": format_path(p.path),
                    "code": p.message_key,
                    "message": problem_sentence(p, lang),
                }
                for p in result.problems
            ],
            "evaluations": [],
        }
    evaluations = list(model_evaluations(result))
    first = evaluations[0]
    profile = first.profile
    business = profile.get("business", {})
    address = business.get("address", {})
    return {
        "path": result.source,
        "kind": "dossier" if first.documents is not None else "profile",
        "profile_path": first.profile_path,
        "sha256": first.sha256,
        "verdict": result.verdict.value,
        "exit_code": result_exit_code(result, fail_on),
        "subject": {
            "name": business.get("name") or profile.get("nominee", {}).get("name"),
            "nib": business.get("nib"),
            "commodity_group": profile.get("product", {}).get("commodity_group"),
            "kabupaten_kota": address.get("kabupaten_kota"),
            "provinsi": address.get("provinsi"),
        },
        "documents": [_document(d) for d in first.documents] if first.documents is not None else None,
        "problems": [],
        "evaluations": [evaluation_record(r, lang, fail_on) for r in evaluations],
    }


def set_record(cset: CriteriaSet, lang: str) -> dict[str, Any]:
    return {
        "id": cset.id,
        "programme": cset.programme,
        "version": cset.version,
        "title": cset.title.get(lang),
        "regime": cset.regime.get(lang),
        "sha256": cset.sha256,
        "source": display_source(cset.source),
        "in_force": {
            "from": cset.in_force.start.isoformat() if cset.in_force.start else None,
            "until": cset.in_force.end.isoformat() if cset.in_force.end else None,
        },
        "includes": [{"id": i, "version": v, "sha256": h} for i, v, h in cset.includes],
    }


def display_source(source: str) -> str:
    """Bundled criteria are named by package, not by where it is installed, so records are comparable."""
    from pathlib import Path

    from ..loading.resources import bundled_criteria_dir

    try:
        return "ovopcheck:criteria/" + Path(source).resolve().relative_to(bundled_criteria_dir().resolve()).as_posix()
    except ValueError:
        return source


def run_header(cset: CriteriaSet, as_of: dt.date, lang: str, fail_on: frozenset[str]) -> dict[str, Any]:
    return {
        "format_version": RECORD_FORMAT_VERSION,
        "ovopcheck_version": __version__,
        "as_of": as_of.isoformat(),
        "language": lang,
        "programme": cset.programme,
        "criteria_set": set_record(cset, lang),
        "fail_on": sorted(fail_on),
    }

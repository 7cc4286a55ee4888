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
from ..model.criteria import Basis, CriteriaSet, Waiver
from ..model.results import Evaluation, Finding
from ..policy import evaluation_exit_code, exit_code
from ..rules.compare import MISSING
from ..rules.engine import AtomResult
from .sentences import evidence_sentence, finding_sentence, problem_sentence, weakest_tag
from .view import FileView

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


def _basis(basis: Basis, lang: str) -> dict[str, Any]:
    return {
        "instrument": basis.instrument.get(lang),
        "article": basis.article.get(lang) if basis.article else None,
        "tag": basis.tag,
        "source_url": basis.source_url,
        "note": basis.note.get(lang) if basis.note else None,
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


def finding_record(view: FileView, finding: Finding, lang: str) -> dict[str, Any]:
    criterion = finding.criterion
    line, column = view.location(finding)
    return {
        "criterion": criterion.id,
        "kind": criterion.kind.value,
        "title": criterion.title.get(lang),
        "status": finding.status.value,
        "blocks": finding.blocks,
        "message": finding_sentence(finding, lang),
        "checks": [_atom(r) for r in finding.failed],
        "missing": list(finding.missing),
        "for_assessor": [c.id for c in finding.assessor],
        "points": finding.points,
        "max_points": criterion.max_points if criterion.scores else None,
        "assessor_judgment": criterion.assessor_judgment,
        "not_in_force": finding.not_in_force,
        "basis": [_basis(b, lang) for b in criterion.bases_on(view.result.evaluations[0].as_of)],
        "weakest_tag": weakest_tag(criterion.bases_on(view.result.evaluations[0].as_of)),
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


def evaluation_record(view: FileView, result: Evaluation, lang: str, fail_on: frozenset[str]) -> dict[str, Any]:
    return {
        "variant": {"value": result.assumed.value, "label": result.assumed.label.get(lang)} if result.assumed else None,
        "criteria_set": f"{result.criteria_set.id}@{result.criteria_set.version}",
        "verdict": result.verdict.value,
        "exit_code": evaluation_exit_code(result, fail_on),
        "classifications": [
            {"id": c.classification.id, "value": c.value, "missing": list(c.missing)} for c in result.classifications
        ],
        "findings": [finding_record(view, f, lang) for f in result.findings],
        "readiness": [
            {
                "aspect": a.aspect_id,
                "title": a.title.get(lang),
                "points": a.points,
                "max_points": a.max_points,
                "unscored": a.unknown,
                "indicators": a.indicators,
            }
            for a in result.readiness
        ],
        "readiness_note": result.criteria_set.readiness_note.get(lang) if result.criteria_set.readiness_note else None,
        "programme_facts": [
            {"text": f.text.get(lang), "tag": f.tag, "source_url": f.source_url} for f in result.criteria_set.facts
        ],
        "stars": result.stars,
    }


def file_record(view: FileView, lang: str, fail_on: frozenset[str]) -> dict[str, Any]:
    """One checked file (profile or dossier) with every evaluation of it."""
    result = view.result
    if not result.checked:
        return {
            "path": result.source,
            "kind": "invalid",
            "sha256": None,
            "verdict": result.verdict.value,
            "exit_code": exit_code(result, fail_on),
            "problems": [
                {
                    "line": p.line,
                    "column": p.column,
                    "cell": p.cell or None,
                    "field": format_path(p.path),
                    "code": p.message_key,
                    "message": problem_sentence(p, lang),
                }
                for p in result.problems
            ],
            "evaluations": [],
        }
    return {
        "path": result.source,
        "kind": "row" if result.sheet_row else "dossier" if result.documents is not None else "profile",
        "profile_path": result.profile_path,
        "sha256": result.sha256,
        "programme_from": result.programme_from,
        "verdict": result.verdict.value,
        "exit_code": exit_code(result, fail_on),
        "subject": view.subject.record(),
        "region": region_record(view, lang),
        "documents": [_document(d) for d in result.documents] if result.documents is not None else None,
        "readings": [
            {
                "field": format_path(r.path),
                "line": r.line,
                "column": r.column,
                "written": r.written,
                "read_as": plain(r.value),
            }
            for r in result.readings
        ],
        "problems": [],
        "evaluations": [evaluation_record(view, e, lang, fail_on) for e in result.evaluations],
    }


def region_record(view: FileView, lang: str) -> dict[str, Any]:
    """The kabupaten/kota and provinsi on the Kemendagri list (code and name, null where not placed), and
    what to say when a name is on no list."""
    placed = view.placed
    kabupaten, provinsi = placed.kabupaten_kota, placed.provinsi
    return {
        "kabupaten_kota": {"code": kabupaten.code, "name": kabupaten.name} if kabupaten else None,
        "provinsi": {"code": provinsi.code, "name": provinsi.name} if provinsi else None,
        "note": view.region_note(lang),
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

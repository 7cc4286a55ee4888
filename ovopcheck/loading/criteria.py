"""Criteria files -> ``CriteriaSet`` values: read like profiles (same limits), compiled once, cached as JSON."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..model.criteria import (
    Basis,
    ClassDef,
    Classification,
    CriteriaSet,
    Criterion,
    Evidence,
    Fact,
    Period,
    ScoreLevel,
    StarBands,
    TestCase,
    Text,
    Variants,
    VariantValue,
)
from ..model.enums import Kind, Status
from ..rules.compile import ConditionError, compile_condition
from ..rules.walk import iter_atoms
from . import read
from .operands import operand_type_problems
from .profile import parse_document
from .resources import bundled_criteria_dir
from .schema import position
from .tree import Positions

# ---------------------------------------------------------------- criteria


# Evaluation budgets of a criteria file, checked when it is loaded: the bundled sets use at most 101
# conditions and 3 inside one ``where``. Evaluation is linear in both (``not`` is pushed to the atoms),
# and a ``where`` runs once per list item, so these bound the work per profile whatever the file says.
MAX_SET_ATOMS = 2_000
MAX_WHERE_ATOMS = 50


def load_criteria_file(path: str | os.PathLike[str]) -> CriteriaSet:
    from . import cache

    source = os.fspath(path)
    text = read.read_text(path, source)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cache_key = cache.key(text)
    cached = cache.get(cache_key)
    if cached is not None:
        try:
            return build_criteria_set(cached, {}, source, digest)
        except (InputError, KeyError, TypeError, ValueError):
            pass  # a stale or damaged entry: load the file itself
    data, positions = parse_document(text, source, "criteria")
    built = build_criteria_set(data, positions, source, digest)
    cache.put(cache_key, data)
    return built


def build_criteria_set(data: Mapping[str, Any], positions: Positions, source: str, digest: str) -> CriteriaSet:
    found: list[Problem] = []

    atoms = 0

    def cond(raw: Any, path: tuple[str | int, ...]) -> Any:
        nonlocal atoms
        try:
            compiled = compile_condition(raw)
        except ConditionError as exc:
            line, column = position(positions, path)
            found.append(Problem("criteria_condition", {"reason": str(exc)}, line, column, path))
            return None
        for reason in operand_type_problems(compiled):  # a threshold no value of the field can ever meet
            line, column = position(positions, path)
            found.append(Problem("criteria_operand_type", {"reason": reason}, line, column, path))
        # Budgets (criteria files are untrusted: their evaluation must stay quick for every profile).
        for atom, _ in iter_atoms(compiled):
            atoms += 1
            inner = sum(1 for _ in iter_atoms(atom.where)) if atom.where is not None else 0
            if inner > MAX_WHERE_ATOMS:  # run once per list item: a list may hold thousands
                line, column = position(positions, path)
                found.append(
                    Problem("criteria_where_too_large", {"n": inner, "limit": MAX_WHERE_ATOMS}, line, column, path)
                )
        if atoms > MAX_SET_ATOMS and not any(p.message_key == "criteria_too_many_atoms" for p in found):
            line, column = position(positions, path)
            found.append(Problem("criteria_too_many_atoms", {"limit": MAX_SET_ATOMS}, line, column, path))
        return compiled

    classifications = []
    for ci, raw in enumerate(data.get("classifications", [])):
        classes = tuple(
            ClassDef(c["value"], _text(c["label"]), cond(c["when"], ("classifications", ci, "classes", k, "when")))
            for k, c in enumerate(raw["classes"])
        )
        classifications.append(
            Classification(
                raw["id"],
                _text(raw["title"]),
                _bases(raw["basis"]),
                classes,
                _period(raw.get("in_force")),
                bool(raw.get("exhaustive", False)),
            )
        )
    criteria = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data["criteria"]):
        here = ("criteria", i)
        cid = raw["id"]
        if cid in seen:
            line, column = position(positions, (*here, "id"))
            found.append(Problem("criteria_duplicate_id", {"id": cid}, line, column, (*here, "id")))
        seen[cid] = i
        requires = cond(raw["requires"], (*here, "requires")) if "requires" in raw else None
        applies = cond(raw["applies_when"], (*here, "applies_when")) if "applies_when" in raw else None
        scores = tuple(
            ScoreLevel(
                s["points"], cond(s["when"], (*here, "scores", k, "when")), _text(s["label"]) if "label" in s else None
            )
            for k, s in enumerate(raw.get("scores", []))
        )
        tests = tuple(
            TestCase(
                Status(t["expect"]),
                t["profile"],
                t.get("name"),
                dt.date.fromisoformat(t["as_of"]) if "as_of" in t else None,
                t.get("points"),
            )
            for t in raw["tests"]
        )
        criteria.append(
            Criterion(
                id=cid,
                kind=Kind(raw["kind"]),
                title=_text(raw["title"]),
                explanation=_text(raw["explanation"]),
                basis=_bases(raw["basis"]),
                advice=_text(raw["advice"]),
                requires=requires,
                gap=_text(raw["gap"]) if "gap" in raw else None,
                applies_when=applies,
                scores=scores,
                assessor_judgment=bool(raw.get("assessor_judgment", False)),
                in_force=_period(raw.get("in_force")),
                aspect_id=raw.get("aspect_id"),
                aspect=_text(raw["aspect"]) if "aspect" in raw else None,
                evidence=tuple(
                    Evidence(
                        tuple(e["types"]), cond(e["when"], (*here, "evidence", k, "when")) if "when" in e else None
                    )
                    for k, e in enumerate(raw.get("evidence", []))
                ),
                tests=tests,
                checklist=_text(raw["checklist"]) if "checklist" in raw else None,
            )
        )
    if found:
        raise InputError(source, found)
    meta = data["set"]
    return CriteriaSet(
        id=meta["id"],
        programme=meta["programme"],
        version=meta["version"],
        title=_text(meta["title"]),
        regime=_text(meta["regime"]),
        criteria=tuple(criteria),
        classifications=tuple(classifications),
        in_force=_period(meta.get("in_force")),
        source=source,
        sha256=digest,
        extends=meta.get("extends"),
        variants=_variants(meta.get("variants")),
        star_bands=_star_bands(meta.get("star_bands")),
        readiness_note=_text(meta["readiness_note"]) if "readiness_note" in meta else None,
        facts=tuple(Fact(_text(f["text"]), f["tag"], f["source_url"]) for f in meta.get("facts", ())),
    )


def _variants(raw: Mapping[str, Any] | None) -> Variants | None:
    if not raw:
        return None
    return Variants(raw["field"], tuple(VariantValue(v["value"], _text(v["label"])) for v in raw["values"]))


def _star_bands(raw: Mapping[str, Any] | None) -> StarBands | None:
    if not raw:
        return None
    return StarBands(_text(raw["note"]), tuple((b["stars"], b["min_points"]) for b in raw["bands"]))


def _text(raw: Mapping[str, str]) -> Text:
    return Text(raw["id"], raw["en"])


def _either(raw: str | Mapping[str, str] | None) -> Text | None:
    """A text given once for both languages (a name: ``PP 29/2018``) or as ``{id, en}``."""
    return None if raw is None else _text_of(raw)


def _text_of(raw: str | Mapping[str, str]) -> Text:
    return Text(raw, raw) if isinstance(raw, str) else _text(raw)


def _bases(raw: Iterable[Mapping[str, Any]]) -> tuple[Basis, ...]:
    return tuple(
        Basis(
            _either(b["instrument"]) or Text("", ""),
            b["tag"],
            b["source_url"],
            _either(b.get("article")),
            _either(b.get("note")),
            _period(b.get("in_force")),
        )
        for b in raw
    )


def _period(raw: Mapping[str, str] | None) -> Period:
    if not raw:
        return Period()
    start = dt.date.fromisoformat(raw["from"]) if "from" in raw else None
    end = dt.date.fromisoformat(raw["until"]) if "until" in raw else None
    return Period(start, end, _either(raw.get("note")), bool(raw.get("inferred", False)))


def criteria_files(root: Path) -> list[Path]:
    """The criteria files in a folder, sorted. Anything else stands for itself: reading it then says what
    is wrong (not found, a FIFO, a device, too large) like for any input."""
    if not root.is_dir():
        return [root]
    return sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_bundled_sets() -> list[CriteriaSet]:
    return [load_criteria_file(p) for p in criteria_files(bundled_criteria_dir())]

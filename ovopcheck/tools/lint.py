"""``criteria lint``: checks beyond the schema (ids, known fields, periods, operand types) and each
criterion's own test cases."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from ..evaluate import evaluate_criterion, make_context
from ..loading.operands import operand_type_problems
from ..loading.schema import problems as schema_problems
from ..loading.schema import schema_index
from ..model.criteria import CriteriaSet, Criterion
from ..report.messages import message
from ..rules.walk import fields_read
from ..sets import UnknownBase, UnknownClassification, merge_sets

DEFAULT_CASE_DATE = dt.date(2026, 1, 1)  # test cases without as_of are evaluated on a fixed day


@dataclass(frozen=True)
class LintProblem:
    """One problem ``criteria lint`` found in a criteria file, with the criterion it is about."""

    source: str
    criterion: str | None
    message: str


def profile_field_paths() -> set[str]:
    """Every field path the profile schema defines; list elements are written ``list[]``."""
    index = schema_index("profile")
    out: set[str] = set()

    def walk(node: dict[str, Any], prefix: str) -> None:
        node = index.resolve(node) or {}
        for key, sub in node.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            out.add(path)
            walk(sub, path)
        if "items" in node and isinstance(node["items"], dict):
            out.add(f"{prefix}[]")
            walk(node["items"], f"{prefix}[]")

    walk(index.root, "")
    return out


def prepare_for_lint(
    sets: list[CriteriaSet], bundled: list[CriteriaSet]
) -> tuple[list[CriteriaSet], list[LintProblem]]:
    """Resolve shared classifications (and extensions) against the bundled sets, as a real run would."""
    ids = {c.id for c in sets}
    try:
        merged = merge_sets([b for b in bundled if b.id not in ids], sets)
    except UnknownClassification as exc:
        return sets, [LintProblem(exc.cset.source, None, f"classification {exc.cid} is not defined anywhere")]
    except UnknownBase as exc:
        return sets, [LintProblem(exc.cset.source, None, f"extends unknown set {exc.cset.extends}")]
    return [m for m in merged if m.id in ids], []


def lint_sets(sets: list[CriteriaSet]) -> list[LintProblem]:
    """Checks beyond the schema: unique ids, known fields, coherent periods, and every test case."""
    found: list[LintProblem] = []
    known_fields = profile_field_paths()
    owners: dict[str, str] = {}
    for cset in sets:
        if cset.in_force.start and cset.in_force.end and cset.in_force.start > cset.in_force.end:
            found.append(LintProblem(cset.source, None, f"set {cset.id}: in_force.from is after in_force.until"))
        for criterion in cset.criteria:
            if criterion.id in owners and owners[criterion.id] != cset.id:
                found.append(LintProblem(cset.source, criterion.id, f"id also used in set {owners[criterion.id]}"))
            owners.setdefault(criterion.id, cset.id)
            found.extend(_lint_criterion(cset, criterion, known_fields))
        for cls in cset.classifications:
            for option in cls.classes:
                for path in fields_read(option.when):
                    if path not in known_fields:
                        found.append(LintProblem(cset.source, cls.id, f"reads unknown profile field {path}"))
    _check_overlaps(sets, found)
    return found


def _lint_criterion(cset: CriteriaSet, criterion: Criterion, known_fields: set[str]) -> list[LintProblem]:
    found: list[LintProblem] = []
    period = criterion.in_force
    if period.start and period.end and period.start > period.end:
        found.append(LintProblem(cset.source, criterion.id, "in_force.from is after in_force.until"))
    for cond in criterion.conditions:
        for path in fields_read(cond):
            if path not in known_fields:
                found.append(LintProblem(cset.source, criterion.id, f"reads unknown profile field {path}"))
        for message_text in operand_type_problems(cond):
            found.append(LintProblem(cset.source, criterion.id, message_text))
    for number, case in enumerate(criterion.tests, 1):
        bad = [p for p in schema_problems("profile", dict(case.profile), {}) if p.message_key != "schema_required"]
        for problem in bad:
            found.append(
                LintProblem(
                    cset.source,
                    criterion.id,
                    f"test {number}: profile is not valid: {problem.field_path} "
                    f"{message(problem.message_key, 'en', **problem.params)}",
                )
            )
        finding = evaluate_criterion(criterion, make_context(cset, case.profile, case.as_of or DEFAULT_CASE_DATE))
        if finding.status is not case.expect:
            name = f" ({case.name})" if case.name else ""
            found.append(
                LintProblem(
                    cset.source, criterion.id, f"test {number}{name}: expected {case.expect}, got {finding.status}"
                )
            )
        elif case.points is not None and finding.points != case.points:
            found.append(
                LintProblem(
                    cset.source, criterion.id, f"test {number}: expected {case.points} points, got {finding.points}"
                )
            )
    return found


def _check_overlaps(sets: list[CriteriaSet], found: list[LintProblem]) -> None:
    """Two sets of one programme may not both be in force on the same day (which one would apply?)."""
    by_programme: dict[str, list[CriteriaSet]] = {}
    for cset in sets:
        by_programme.setdefault(cset.programme, []).append(cset)
    for group in by_programme.values():
        ordered = sorted(group, key=lambda c: c.in_force.start or dt.date.min)
        for earlier, later in itertools.pairwise(ordered):
            end = earlier.in_force.end or dt.date.max
            start = later.in_force.start or dt.date.min
            if start <= end:
                found.append(
                    LintProblem(
                        later.source,
                        None,
                        f"set {later.id} overlaps set {earlier.id} in time for programme {later.programme}",
                    )
                )

"""Tooling for those who maintain criteria: selecting sets, linting them, explaining and documenting them."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from .conditions import classifications_read, fields_read
from .evaluate import evaluate_criterion, make_context
from .i18n import message
from .model import Classification, CriteriaSet, Criterion, Kind
from .validation import problems as schema_problems
from .validation import schema_index

DEFAULT_CASE_DATE = dt.date(2026, 1, 1)  # test cases without as_of are evaluated on a fixed day


class NoSetInForce(LookupError):
    def __init__(self, programme: str, as_of: dt.date, known: list[str]) -> None:
        super().__init__(programme)
        self.programme = programme
        self.as_of = as_of
        self.known = known


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
            conditions = [criterion.requires, criterion.applies_when, *(s.when for s in criterion.scores)]
            for cond in filter(None, conditions):
                for cid in classifications_read(cond):
                    if cid not in known:
                        raise UnknownClassification(cset, cid)
        out.append(merged)
    return out


def extend(base: CriteriaSet, extension: CriteriaSet) -> CriteriaSet:
    own = {c.id for c in extension.criteria}
    own_classes = {c.id for c in extension.classifications}
    return replace(
        extension,
        programme=base.programme,
        criteria=tuple(c for c in base.criteria if c.id not in own) + extension.criteria,
        classifications=tuple(c for c in base.classifications if c.id not in own_classes) + extension.classifications,
        variants=extension.variants or base.variants,
        star_bands=extension.star_bands or base.star_bands,
        in_force=extension.in_force if (extension.in_force.start or extension.in_force.end) else base.in_force,
        includes=(*base.includes, (base.id, base.version, base.sha256)),
    )


def select_set(sets: Iterable[CriteriaSet], programme: str, as_of: dt.date) -> CriteriaSet:
    """The set for ``programme`` in force on ``as_of``; the latest-starting one when several are."""
    candidates = [c for c in sets if c.programme == programme and c.criteria]
    in_force = [c for c in candidates if c.in_force.contains(as_of)]
    if not in_force:
        known = sorted({c.programme for c in sets}) if not candidates else [c.id for c in candidates]
        raise NoSetInForce(programme, as_of, known)
    return max(in_force, key=lambda c: (c.in_force.start or dt.date.min, c.id))


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

    def walk(node: dict, prefix: str) -> None:  # type: ignore[type-arg]
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
    conditions = [criterion.requires, criterion.applies_when, *(s.when for s in criterion.scores)]
    for cond in filter(None, conditions):
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


def field_types(path: str) -> frozenset[str] | None:
    """The JSON types the profile schema allows at ``path`` (``[]`` steps into a list), None if unknown."""
    index = schema_index("profile")
    node = index.resolve(index.root)
    for part in path.replace("[]", ".[]").split("."):
        if not part:
            continue
        node = index.child(node, 0 if part == "[]" else part)
        if node is None:
            return None
    types = set(index.types(node))
    if node.get("format") == "date" or node.get("$ref") == "#/$defs/date":
        types.add("date")
    return frozenset(types)


def _operand_kind(value: object) -> str:
    from .conditions import AsOfOffset

    if isinstance(value, AsOfOffset):
        return "date"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string"


def operand_type_problems(cond: Any, prefix: str = "") -> list[str]:
    """Thresholds whose type the field can never have (``ge: "5"`` on a number): always false, so a bug."""
    from .conditions import All, AnyOf, Atom, Not

    if isinstance(cond, All | AnyOf):
        return [p for part in cond.parts for p in operand_type_problems(part, prefix)]
    if isinstance(cond, Not):
        return operand_type_problems(cond.part, prefix)
    assert isinstance(cond, Atom)
    out: list[str] = []
    if cond.subject in ("count", "sum"):
        if cond.op not in ("present",) and _operand_kind(cond.operand) != "number":
            out.append(f"{cond.subject} of {cond.target} compared with a non-number {cond.operand!r}")
        if cond.where is not None:
            out += operand_type_problems(cond.where, f"{prefix}{cond.target}[].")
        return out
    if cond.subject != "field" or cond.op == "present":
        return out
    path = (prefix + cond.target) if cond.target != "." else prefix.rstrip(".")
    allowed = field_types(path)
    if not allowed:
        return out
    operands = cond.operand if cond.op in ("in", "not_in", "starts_with") else (cond.operand,)
    for operand in operands:
        kind = _operand_kind(operand)
        if cond.op == "starts_with":
            kind = "string"
        fits = (
            (kind == "number" and allowed & {"integer", "number"})
            or (kind == "boolean" and "boolean" in allowed)
            or (kind == "string" and "string" in allowed)
            or (kind == "date" and "date" in allowed)
        )
        if not fits:
            out.append(f"{path} ({'/'.join(sorted(allowed))}) compared with {operand!r} ({kind})")
    return out


def explain(criterion: Criterion, lang: str, cset: CriteriaSet | None = None) -> str:
    """Plain text: title, explanation, kind, basis, period, fields the profile must contain, advice."""
    lines = [f"{criterion.id}: {criterion.title.get(lang)}", "", criterion.explanation.get(lang), ""]
    lines.append(f"{message('report.kind', lang)}: {message('kind.' + criterion.kind, lang)}")
    for basis in criterion.basis:
        article = basis.article or message("report.article_unknown", lang)
        lines.append(f"{message('report.basis', lang)}: {basis.instrument}, {article} [{basis.tag}]")
        lines.append(f"  {basis.source_url}")
        if basis.note:
            lines.append(f"  {basis.note}")
    if cset is not None:
        lines.append(f"{message('report.regime', lang)}: {cset.regime.get(lang)} ({cset.id} v{cset.version})")
    own, whole = criterion.in_force, cset.in_force if cset is not None else criterion.in_force
    start = max(filter(None, (own.start, whole.start)), default=None)
    end = min(filter(None, (own.end, whole.end)), default=None)
    lines.append(f"{message('report.in_force', lang)}: {start or '…'} – {end or '…'}")
    for note in filter(None, (own.note, whole.note if whole is not own else None)):
        lines.append(f"  {note}")
    conditions = [criterion.applies_when, criterion.requires, *(s.when for s in criterion.scores)]
    fields = sorted({f for cond in filter(None, conditions) for f in fields_read(cond)})
    if fields:
        lines.append(f"{message('report.fields', lang)}: {', '.join(fields)}")
    classes = sorted({c for cond in filter(None, conditions) for c in classifications_read(cond)})
    for cid in classes:
        definition = cset.classification(cid) if cset is not None else None
        read = sorted({f for option in definition.classes for f in fields_read(option.when)}) if definition else []
        lines.append(f"{message('report.class', lang)}: {cid} ({', '.join(read)})")
    if criterion.assessor_judgment:
        lines.append(message("report.assessor", lang))
    lines += ["", f"{message('report.advice', lang)}: {criterion.advice.get(lang)}"]
    return "\n".join(lines) + "\n"


def docs_markdown(sets: list[CriteriaSet], lang: str) -> str:
    """A Markdown reference of every set and criterion."""
    out: list[str] = []
    for cset in sorted(sets, key=lambda c: c.id):
        out.append(f"## {cset.title.get(lang)} (`{cset.id}` v{cset.version})\n")
        out.append(f"{message('report.regime', lang)}: {cset.regime.get(lang)}\n")
        for kind in Kind:
            members = [c for c in cset.criteria if c.kind is kind]
            if not members:
                continue
            out.append(f"### {message('kind.' + kind, lang)}\n")
            for c in members:
                out.append(f"#### `{c.id}` — {c.title.get(lang)}\n")
                out.append(c.explanation.get(lang) + "\n")
                for b in c.basis:
                    article = b.article or message("report.article_unknown", lang)
                    out.append(
                        f"- {message('report.basis', lang)}: {b.instrument}, {article} [{b.tag}] <{b.source_url}>"
                    )
                out.append(f"- {message('report.advice', lang)}: {c.advice.get(lang)}\n")
    return "\n".join(out)

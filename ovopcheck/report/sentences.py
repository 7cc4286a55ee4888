"""Turn findings into sentences and values into safe display text. Shared by every reporter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..documents import DocumentCheck
from ..errors import Problem, format_path
from ..model.criteria import Basis, Classification, CriteriaSet, Period, Waiver
from ..model.enums import Status
from ..model.results import AspectScore, Evaluation, EvidenceResult, Finding
from ..rules.compare import MISSING, OPERATORS
from ..rules.engine import All, AnyOf, Atom, AtomResult, Condition, Not
from .messages import MESSAGES, fill, message
from .safe import safe_line


def show_value(value: Any, lang: str, field: str = "") -> str:
    if value is MISSING or value is None:
        return message("value.missing", lang)
    if isinstance(value, bool):
        return message("value.true" if value else "value.false", lang)
    if isinstance(value, int | float):
        if field.endswith("_idr"):
            return "Rp " + _thousands(value, lang)
        return _thousands(value, lang) if abs(value) >= 10000 else _plain_number(value, lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ", ".join(show_value(v, lang, field) for v in value)
    if isinstance(value, str) and field and _is_choice(field):
        # A choice by its label ("pejabat lain", never the code "lainnya"); a field may name its own.
        for key in (f"choice.{field.rsplit('.', 1)[-1]}.{value}", f"choice.{value}"):
            if key in MESSAGES:
                return message(key, lang)
    return safe_line(str(value))


@cache
def _is_choice(path: str) -> bool:
    """Whether a profile field takes one of a closed set of values (its schema has an enum)."""
    from ..loading.schema import schema_index

    index = schema_index("profile")
    node = index.resolve(index.root)
    for part in path.split("."):
        if node is None:
            return False
        node = index.child(node, part)
    return node is not None and "enum" in node


def _plain_number(value: float, lang: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "id" else text


def _thousands(value: float, lang: str) -> str:
    # An integer is formatted as an integer: through a float, figures above 2**53 would be rounded.
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def criterion_named(sets: Iterable[CriteriaSet], cid: str, lang: str) -> str:
    """``id — title`` for people (a batch summary lists criteria by how often they fail)."""
    criterion = next((c for cset in sets if (c := cset.criterion(cid)) is not None), None)
    return f"{cid} — {safe_line(criterion.title.get(lang))}" if criterion is not None else cid


def atom_rule(result: AtomResult, lang: str) -> str:
    atom = result.atom
    op = atom.op
    key = OPERATORS[op].message_key(result.required)
    return message(key, lang, required=show_value(result.required, lang, atom.of or atom.target))


def atom_detail(result: AtomResult, lang: str) -> str:
    """A plain statement of what was seen and what is required, e.g. ``sentra.business_units = 4; at least 5``."""
    atom = result.atom
    if atom.subject == "count":
        subject = message("detail.count", lang, subject=atom.target)
    elif atom.subject == "sum":
        subject = message("detail.sum", lang, subject=atom.target, of=atom.of or "")
    else:
        subject = atom.target
    rule = atom_rule(result, lang)
    if result.negated:
        rule = message("detail.not", lang, rule=rule)
    return message("detail", lang, subject=subject, actual=show_value(result.actual, lang, atom.target), rule=rule)


def shown_checks(finding: Finding) -> list[AtomResult]:
    """The failed checks worth showing: not the alternatives of an ``any`` that only say a value is given
    (``expires must not be given`` would read as "remove the expiry date", which is never the advice)."""
    return [r for r in finding.failed if not (r.atom.op == "present" and r.atom.operand is False)]


def gap_sentence(finding: Finding, lang: str) -> str:
    """The gap in plain words: the first failing atom's own message (the first that has one), else the
    criterion's."""
    criterion = finding.criterion
    first = next((r for r in finding.failed if r.atom.gap is not None), finding.failed[0] if finding.failed else None)
    values: dict[str, str] = {}
    if first is not None:
        field = first.atom.of or first.atom.target
        values["actual"] = show_value(first.actual, lang, field)
        values["required"] = show_value(first.required, lang, field)
        if first.atom.gap is not None:
            return fill(first.atom.gap.get(lang) or first.atom.gap["id"], values)
    if criterion.gap is None:
        return ""
    return fill(criterion.gap.get(lang), values)


def doc_label(types: tuple[str, ...], lang: str) -> str:
    joiner = " atau " if lang == "id" else " or "
    return joiner.join(message(f"doc.{t}", lang) for t in types)


def doc_problem(check: DocumentCheck, lang: str) -> str:
    return message(f"docproblem.{check.problem}", lang, detail=safe_line(check.detail))


def evidence_sentence(result: EvidenceResult, lang: str) -> str:
    """Which document to bring and why, e.g. "bring the halal certificate: expired on 2025-06-30"."""
    label = doc_label(result.evidence.types, lang)
    if result.status is Status.MET and result.document is not None:
        return message("report.evidence_ok", lang, path=safe_line(result.document.path))
    if result.status is Status.UNKNOWN:
        return message("report.evidence_unknown", lang, doc=label)
    if result.document is None:
        return message("report.evidence_gap", lang, doc=label, reason=message("docproblem.missing", lang))
    return message(
        "report.evidence_bad",
        lang,
        doc=label,
        path=safe_line(result.document.path),
        reason=doc_problem(result.document, lang),
    )


def finding_sentence(finding: Finding, lang: str) -> str:
    """One line saying why a finding is what it is."""
    if finding.status is Status.GAP:
        bad_evidence = [r for r in finding.evidence if r.status is Status.GAP]
        if bad_evidence and not finding.failed:
            return evidence_sentence(bad_evidence[0], lang)
        if finding.points is not None:
            return message("report.points", lang, points=finding.points, max=finding.criterion.max_points)
        return gap_sentence(finding, lang)
    if finding.status is Status.UNKNOWN:
        parts = [assessor_sentence(c, lang) for c in finding.assessor]
        if finding.missing or not parts:
            parts.append(message("report.fill_in", lang, fields=", ".join(finding.missing)))
        return "; ".join(parts)
    if finding.status is Status.NOT_APPLICABLE:
        return message("report.not_in_force" if finding.not_in_force else "report.does_not_apply", lang)
    if finding.points is not None:
        return message("report.points", lang, points=finding.points, max=finding.criterion.max_points)
    return message("report.assessor", lang) if finding.criterion.assessor_judgment else ""


def counted(key: str, lang: str, n: int, /, **params: object) -> str:
    """``key`` with the number ``n``, in its singular form (``key.one``) when n is 1: "1 indicator"."""
    one = f"{key}.one"
    return message(one if n == 1 and one in MESSAGES else key, lang, n=n, **params)


def aspect_points(aspect: AspectScore) -> str | None:
    """``1/15``, or None when no indicator of the aspect could be scored (not scored yet is not 0 points)."""
    return f"{aspect.points}/{aspect.max_points}" if aspect.scored else None


def readiness_total(evaluation: Evaluation, lang: str) -> str:
    """``16 dari 21 poin yang terpulihkan``, or that nothing could be scored yet; never a bare "0 of 21"."""
    scores = evaluation.readiness
    if not any(a.scored for a in scores):
        return counted("report.total_not_scored", lang, sum(a.unknown for a in scores))
    key = "report.total_recovered" if evaluation.criteria_set.readiness_note is not None else "report.points"
    text = message(key, lang, points=sum(a.points for a in scores), max=sum(a.max_points for a in scores))
    unknown = sum(a.unknown for a in scores)
    return f"{text} {counted('report.unscored', lang, unknown)}" if unknown else text


def period_text(period: Period, lang: str) -> str:
    """``2021-07-15 – … (tanggal mulai disimpulkan)``: when a set or classification is in force."""
    start = period.start.isoformat() if period.start else "…"
    end = period.end.isoformat() if period.end else "…"
    return f"{start} – {end}" + (message("report.period_inferred", lang) if period.inferred else "")


def assessor_sentence(classification: Classification, lang: str) -> str:
    """Why a classification cannot decide on the date: its rule was not (or no longer) in force."""
    period = classification.in_force
    title = classification.title.get(lang)
    if period.start is None and period.end is not None:
        return message("report.for_assessor_ended", lang, title=title, end=period.end.isoformat())
    inferred = message("report.inferred_day", lang) if period.inferred else ""
    start = period.start.isoformat() if period.start else ""
    return message("report.for_assessor", lang, title=title, start=start, inferred=inferred)


def with_counts(verdict: str, counts: str) -> str:
    """``BELUM LAYAK (2 kekurangan, …)``; a verdict already in parentheses takes the counts inside them:
    ``BELUM LAYAK (informasi belum lengkap; 0 kekurangan, 7 belum diketahui)``."""
    return f"{verdict[:-1]}; {counts})" if verdict.endswith(")") else f"{verdict} ({counts})"


# How sure each kind of source is, surest first: a criterion is as sure as its weakest basis.
TAG_STRENGTH = ("legal", "official", "practice", "historic-form", "inferred")


def weakest_tag(bases: Iterable[Basis]) -> str:
    return max((b.tag for b in bases), key=TAG_STRENGTH.index, default="inferred")


def basis_line(basis: Basis, lang: str) -> str:
    """``PP 29/2018, Pasal 1 angka 4 [peraturan]``: the instrument, the article, how sure the source is, and
    for a dated basis when it is the one to cite."""
    article = basis.article.get(lang) if basis.article else message("report.article_unknown", lang)
    line = f"{basis.instrument.get(lang)}, {article} [{message('tag.' + basis.tag, lang)}]"
    period = basis.in_force
    if period.start and period.end:
        line += message("report.basis_between", lang, start=period.start.isoformat(), end=period.end.isoformat())
    elif period.start:
        line += message("report.basis_from", lang, start=period.start.isoformat())
    elif period.end:
        line += message("report.basis_until", lang, end=period.end.isoformat())
    return line


def basis_summary(bases: tuple[Basis, ...], lang: str) -> str:
    """The first basis in full, then every other one by instrument and tag, so no tag is hidden: "is an IKM"
    reads as an [inferred] requirement with [legal] and [practice] parts."""
    line = basis_line(bases[0], lang)
    others = [f"{b.instrument.get(lang)} [{message('tag.' + b.tag, lang)}]" for b in bases[1:]]
    return line + (message("report.basis_also", lang, others="; ".join(others)) if others else "")


def problem_sentence(problem: Problem, lang: str) -> str:
    params = {k: safe_line(str(v)) for k, v in problem.params.items()}
    params["hint"] = did_you_mean(params.pop("suggestion", None), lang)
    if "options" in params and problem.message_key == "form_choice":  # each choice with its label
        params["options"] = ", ".join(choice_label(v.strip(), lang) for v in str(problem.params["options"]).split(","))
    if "errno" in params:  # an OS error: in the report language where the catalog knows it
        params["reason"] = os_reason(params.pop("errno"), params.get("reason", ""), lang)
    text = message(problem.message_key, lang, **params)
    if problem.params.get("numeric_cell"):  # a spreadsheet cell holding an identifier as a number
        text += message("sheet.numeric_cell", lang)
    return text


def choice_label(value: str, lang: str) -> str:
    """``ud (UD)``: a choice with its label in the report language (a document type by its name)."""
    for key in (f"choice.{value}", f"doc.{value}"):
        if key in MESSAGES:
            label = message(key, lang)
            return value if label == value else f"{value} ({label})"
    return value


def os_reason(name: str, fallback: str, lang: str) -> str:
    """``ENOENT`` -> "folder atau berkas tidak ada"; the system's words for an error the catalog lacks."""
    key = f"oserror.{name}"
    return message(key, lang) if key in MESSAGES else fallback


def os_error(exc: OSError, lang: str) -> str:
    """An OSError's reason in ``lang`` (the system's own words when the catalog lacks it)."""
    import errno

    return os_reason(errno.errorcode.get(exc.errno or 0, ""), exc.strerror or str(exc), lang)


def did_you_mean(name: str | None, lang: str) -> str:
    """``; maksudnya 'workforce'?`` after a message, or "" when there is nothing to suggest."""
    return message("hint.did_you_mean", lang, name=safe_line(name)) if name else ""


def idle_waiver_line(waiver: Waiver, lang: str, known: Iterable[str] | None = None) -> str:
    """A waiver that waives nothing, in the report language: given the ``known`` criterion ids, one naming
    none of them (with the nearest id); else one whose profile pattern matched no file checked."""
    where, criterion = waiver.source, waiver.criterion
    if known is None:
        text = message("cli.waiver_matches_nothing", lang, where=where, criterion=criterion, pattern=waiver.profile)
        return safe_line(text)
    from ..spelling import closest

    hint = did_you_mean(closest(criterion, known), lang)
    return safe_line(message("cli.waiver_unknown_criterion", lang, where=where, criterion=criterion, hint=hint))


def problem_line(source: str, problem: Problem, lang: str) -> str:
    """``file:line:column: field.path: message`` — the one-line form every error takes."""
    where = safe_line(source)
    if problem.cell:  # a spreadsheet cell, with its column's heading and the row's business name
        where = safe_line(problem.cell)
        heading, name = problem.params.get("cell_heading"), problem.params.get("row_name")
        context = [message("sheet.column", lang, heading=safe_line(str(heading)))] if heading else []
        context += [safe_line(str(name))] if name else []
        where += f" ({'; '.join(context)})" if context else ""
    elif problem.line:
        where += f":{problem.line}:{problem.column}"
    text = problem_sentence(problem, lang)
    path = format_path(problem.path)
    return f"{where}: {safe_line(path)}: {text}" if path else f"{where}: {text}"


def problem_excerpt(problem: Problem) -> list[str]:
    """The line a problem is on, as written, with a caret under its column (tabs shown as →)."""
    if not problem.excerpt or not problem.column:
        return []
    shown = safe_line(problem.excerpt.replace("\t", "→"))
    return [f"    {shown}", "    " + " " * (problem.column - 1) + "^"]


def describe_condition(cond: Condition, lang: str) -> str:
    """A condition as a short formula, e.g. ``size.workforce ≤ 19 dan size.investment_idr < Rp 1.000.000.000``."""
    if isinstance(cond, All | AnyOf):
        joiner = (
            (" dan " if lang == "id" else " and ") if isinstance(cond, All) else (" atau " if lang == "id" else " or ")
        )
        parts = [describe_condition(p, lang) for p in cond.parts]
        return joiner.join(
            f"({p})" if isinstance(q, All | AnyOf) else p for p, q in zip(parts, cond.parts, strict=True)
        )
    if isinstance(cond, Not):
        return ("bukan " if lang == "id" else "not ") + f"({describe_condition(cond.part, lang)})"
    assert isinstance(cond, Atom)
    subject = cond.target if cond.subject != "count" else message("detail.count", lang, subject=cond.target)
    if cond.subject == "sum":
        subject = message("detail.sum", lang, subject=cond.target, of=cond.of or "")
    symbol = OPERATORS[cond.op].symbol
    if symbol is not None:
        value = cond.operand
        shown = (
            f"{message('report.as_of', lang).lower()}"
            if hasattr(value, "resolve")
            else show_value(value, lang, cond.of or cond.target)
        )
        return f"{subject} {symbol} {shown}"
    required = show_value(cond.operand, lang, cond.target)
    key = OPERATORS[cond.op].message_key(cond.operand)
    return f"{subject} {message(key, lang, required=required)}"

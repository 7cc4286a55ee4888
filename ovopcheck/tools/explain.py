"""``explain`` and ``criteria docs``: a criterion, or every set, in words with its legal basis."""

from __future__ import annotations

from ..model.criteria import CriteriaSet, Criterion
from ..model.enums import Kind
from ..report.messages import message
from ..report.sentences import basis_line
from ..rules.walk import classifications_read, fields_read


def explain(criterion: Criterion, lang: str, cset: CriteriaSet | None = None) -> str:
    """Plain text: title, explanation, kind, basis, period, fields the profile must contain, advice."""
    lines = [f"{criterion.id}: {criterion.title.get(lang)}", "", criterion.explanation.get(lang), ""]
    lines.append(f"{message('report.kind', lang)}: {message('kind.' + criterion.kind, lang)}")
    for basis in criterion.basis:
        lines.append(f"{message('report.basis', lang)}: {basis_line(basis, lang)}")
        lines.append(f"  {basis.source_url}")
        if basis.note:
            lines.append(f"  {basis.note.get(lang)}")
    if cset is not None:
        lines.append(f"{message('report.regime', lang)}: {cset.regime.get(lang)} ({cset.id} v{cset.version})")
    own, whole = criterion.in_force, cset.in_force if cset is not None else criterion.in_force
    start = max(filter(None, (own.start, whole.start)), default=None)
    end = min(filter(None, (own.end, whole.end)), default=None)
    lines.append(f"{message('report.in_force', lang)}: {start or '…'} – {end or '…'}")
    for note in filter(None, (own.note, whole.note if whole is not own else None)):
        lines.append(f"  {note.get(lang)}")
    conditions = criterion.conditions
    fields = sorted({f for cond in conditions for f in fields_read(cond)})
    if fields:
        lines.append(f"{message('report.fields', lang)}: {', '.join(fields)}")
    classes = sorted({c for cond in conditions for c in classifications_read(cond)})
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
                    out.append(f"- {message('report.basis', lang)}: {basis_line(b, lang)} <{b.source_url}>")
                out.append(f"- {message('report.advice', lang)}: {c.advice.get(lang)}\n")
    return "\n".join(out)

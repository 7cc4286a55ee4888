"""What to do next, as actions an officer can take, grouped: documents to bring, information to fill in
(each field by its label in the report language and its line in the file), things to fix, advice, and
the readiness points there are to gain."""

from __future__ import annotations

import re
from functools import cache

from ..frozen import record
from ..loading.schema import position, schema_index
from ..model.enums import Kind, Status
from ..model.results import Evaluation
from .messages import message
from .safe import safe_line
from .sentences import assessor_sentence, counted, evidence_sentence, gap_sentence
from .view import FileView

# The groups, in the order an officer works through them.
GROUPS = ("documents", "fill", "fix", "assessor", "advice", "points")


@record
class Steps:
    """One group of next steps: its kind (one of GROUPS) and its steps, in order."""

    kind: str
    steps: tuple[str, ...]

    def title(self, lang: str) -> str:
        return message(f"steps.{self.kind}", lang)


def plan(view: FileView, evaluation: Evaluation, lang: str) -> list[Steps]:
    """The next steps for one evaluation of a file, grouped; empty groups are left out."""
    documents: dict[tuple[str, ...], str] = {}
    fix: list[str] = []
    for finding in evaluation.blocking:
        if finding.status is not Status.GAP:
            continue
        title = finding.criterion.title.get(lang)
        bad = [r for r in finding.evidence if r.status is Status.GAP]
        if bad and not finding.failed:
            for result in bad:
                documents.setdefault(result.evidence.types, f"{title}: {evidence_sentence(result, lang)}")
        else:
            fix.append(f"{title}: {gap_sentence(finding, lang)} — {finding.criterion.advice.get(lang)}")
    fields = [m for f in evaluation.blocking if f.status is Status.UNKNOWN for m in f.missing]
    if view.subject.name is None:
        fields.insert(0, "business.name")
    fill = [field_to_fill(view, path, lang) for path in dict.fromkeys(fields)]
    advice = [
        f"{f.criterion.title.get(lang)}: {f.criterion.advice.get(lang)}"
        for f in evaluation.findings
        if f.criterion.kind is Kind.ADVISORY and f.status is Status.GAP and f.waiver is None
    ]
    points = []
    scored = [
        (f.criterion.max_points - (f.points or 0), f)
        for f in evaluation.findings
        if f.criterion.kind is Kind.SCORED and f.status in (Status.GAP, Status.UNKNOWN)
    ]
    for gain, finding in sorted(scored, key=lambda pair: -pair[0]):
        if gain <= 0:
            continue
        if finding.status is Status.UNKNOWN:
            action = message(
                "report.fill_in", lang, fields="; ".join(field_to_fill(view, m, lang) for m in finding.missing)
            )
        else:
            action = finding.criterion.advice.get(lang)
        key = "report.gain_up_to" if finding.status is Status.UNKNOWN else "report.gain"
        points.append(f"({counted(key, lang, gain)}) {finding.criterion.title.get(lang)}: {action}")
    assessor = [
        f"{f.criterion.title.get(lang)}: {assessor_sentence(c, lang)}" for f in evaluation.blocking for c in f.assessor
    ]
    groups = {"documents": list(documents.values()), "fill": fill, "fix": fix, "assessor": assessor}
    groups |= {"advice": advice, "points": points}
    return [Steps(kind, tuple(groups[kind])) for kind in GROUPS if groups[kind]]


def field_to_fill(view: FileView, path: str, lang: str) -> str:
    """``Jumlah tenaga kerja (size.workforce, baris 17)``: the field's label, its path, and the line where
    it is (or where its section is) written; a classification stands for the fields it is decided by."""
    if path.startswith("classification:"):
        return message("steps.classification", lang, name=path.split(":", 1)[1])
    parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", path) if p)
    line, _ = position(view.result.positions, parts)
    label = field_label(path, lang)
    where = message("steps.where_line", lang, path=path, line=line) if line else path
    if view.result.sheet_row and line:  # a spreadsheet row: the cell to fill, or the column to add
        where = _where_in_sheet(view, path, parts, line, lang)
    text = f"{label} ({where})" if label else where
    item = _named_item(view, parts)
    return f"{text} — {safe_line(item)}" if item else text


def _where_in_sheet(view: FileView, path: str, parts: tuple[str | int, ...], row: int, lang: str) -> str:
    """``sentra.decree.number, sel K7`` when the sheet has the field's column; else the column to add."""
    from ..loading.columns import column_of
    from ..loading.sheet import column_letter

    column = column_of(parts)
    if column is None:
        return message("steps.where_line", lang, path=path, line=row)
    cell = view.result.positions.get(column.keys)  # the sheet's cell of that column, filled or not
    if cell is not None:
        return message("steps.where_cell", lang, path=path, cell=f"{column_letter(cell[1])}{cell[0]}")
    return message("steps.where_add_column", lang, path=path, line=row, heading=column.label(lang))


def _named_item(view: FileView, parts: tuple[str | int, ...]) -> str | None:
    """The name of the list item a path is inside (``fostered_ikm[2].since`` -> "Koperasi Mekar"), so a
    list entry to complete is named, not only numbered."""
    last = max((i for i, p in enumerate(parts) if isinstance(p, int)), default=None)
    best = view.result.best
    if last is None or best is None:
        return None
    node: object = best.profile
    for part in parts[: last + 1]:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    name = node.get("name") if isinstance(node, dict) else None
    return name if isinstance(name, str) else None


@cache
def field_label(path: str, lang: str) -> str:
    """A short label for a profile field, from its own schema description in the report language ("" when
    there is no short one: then the path alone names it)."""
    index = schema_index("profile")
    node = index.resolve(index.root)
    described: dict[str, object] | None = None
    for part in re.split(r"[.\[\]]+", path):
        if not part or node is None:
            continue
        # The description stands beside a $ref (a date field), so read it before resolving.
        raw = node.get("properties", {}).get(part) if not part.isdigit() else node.get("items")
        described = raw if isinstance(raw, dict) else None
        node = index.child(node, 0 if part.isdigit() else part)
    if node is None or described is None:
        return ""
    text = str(described.get("x-description-id" if lang == "id" else "description", ""))
    label = re.split(r"\. |: |; | \(|\.$", text, maxsplit=1)[0].strip().rstrip(".")
    if len(label) > 60:
        label = label.split(", ")[0]
    enum = [str(v) for v in node.get("enum", [])]
    if not label or len(label) > 60 or label.split()[0].strip(",;") in enum:  # "ignored (…), controlled (…)"
        return ""
    return label


__all__ = ["GROUPS", "Steps", "field_label", "field_to_fill", "plan"]

"""``markdown``: a compact summary for a pull-request comment or a CI job summary."""

from __future__ import annotations

import html
from typing import IO

from ...model.criteria import CriteriaSet
from ..messages import message
from ..safe import safe_line
from ..sentences import criterion_named, finding_sentence, period_text
from ..summary import BatchSummary, group_label
from ..view import VERDICT_ORDER, FileView
from .base import ReportContext

MAX_ROWS = 200  # a pull-request comment has a size limit; the counts below always cover every file
MAX_INVALID = 50  # files that could not be checked, listed by their first problem


def cell(text: str) -> str:
    """Inert in Markdown and HTML: escaped, one line, no table breaks."""
    return html.escape(safe_line(text)).replace("|", "\\|").replace("`", "\\`").replace("[", "\\[")


def prepare(view: FileView, ctx: ReportContext) -> tuple[str, list[str]]:
    """One table row, and the details of what blocks (if anything)."""
    lang = ctx.lang
    result = view.result
    verdict = message(f"verdict.{result.verdict}", lang)
    if not result.checked:
        first = result.problems[0] if result.problems else None
        reason = message(first.message_key, lang, **{k: str(v) for k, v in first.params.items()}) if first else ""
        return f"| `{cell(result.source)}` | – | ❌ {cell(verdict)} | – | – | {cell(reason)} |", []
    blocking = view.blocking
    gaps = len(view.gaps)
    icon = "✅" if not blocking else "❌" if gaps else "⚠️"
    names = ", ".join(f"`{cell(f.criterion.id)}`" for f in blocking) or "–"
    ikm = cell(view.subject.label) or "–"
    row = f"| `{cell(result.source)}` | {ikm} | {icon} {cell(verdict)} | {gaps} | {len(blocking) - gaps} | {names} |"
    details = []
    if blocking:
        details.append(f"**{cell(result.source)}** {ikm}")
        details += [f"- `{cell(f.criterion.id)}` {cell(finding_sentence(f, lang))}" for f in blocking[:20]]
        details.append("")
    return row, details


class MarkdownReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream
        self.ctx = ctx
        self.rows: list[str] = []
        self.details: list[str] = []

    def emit(self, payload: tuple[str, list[str]]) -> None:
        row, details = payload
        if len(self.rows) < MAX_ROWS:
            self.rows.append(row)
            self.details.extend(details)

    def fail(self, reason: str) -> None:
        self.stream.write(f"### ovopcheck\n\n{cell(reason)}\n")
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        ctx = self.ctx
        lang = ctx.lang
        cset = ctx.criteria_set
        out = [
            f"### ovopcheck — {cell(cset.title.get(lang))}",
            "",
            f"{cell(cset.regime.get(lang))} · `{cell(cset.id)}` v{cell(cset.version)} · "
            f"{message('report.in_force', lang)} {cell(period_text(cset.in_force, lang))} · "
            f"{message('report.as_of', lang)} {ctx.as_of.isoformat()}",
            "",
            "| "
            + " | ".join(
                message(key, lang)
                for key in (
                    "report.file",
                    "report.col_ikm",
                    "report.verdict",
                    "report.col_gaps",
                    "report.col_unknown",
                    "report.col_criteria",
                )
            )
            + " |",
            "|---|---|---|---|---|---|",
            *self.rows,
            "",
        ]
        if summary.files > len(self.rows):
            out += [message("summary.more_rows", lang, n=summary.files - len(self.rows)), ""]
        if summary.files > 1:
            out += _summary(summary, lang, ctx.all_sets)
        if self.details:
            out += [
                "<details><summary>" + cell(message("report.next_steps", lang)) + "</summary>",
                "",
                *self.details,
                "</details>",
                "",
            ]
        out.append(message("report.exit_code", lang, code=summary.exit_code))
        self.stream.write("\n".join(out) + "\n")


def _summary(summary: BatchSummary, lang: str, sets: tuple[CriteriaSet, ...]) -> list[str]:
    verdicts = VERDICT_ORDER
    head = " | ".join(cell(message(f"summary.col.{v}", lang)) for v in verdicts)
    head += " | " + cell(message("summary.total", lang))
    out = [f"#### {cell(message('summary.title', lang, n=summary.files))}", ""]
    for key, groups in (
        ("summary.by_kabupaten", summary.by_kabupaten),
        ("summary.by_provinsi", summary.by_provinsi),
        ("summary.by_commodity", summary.by_commodity),
    ):
        out += [f"| {cell(message(key, lang))} | {head} |", "|---" * (len(verdicts) + 2) + "|"]
        for name, counts in sorted(groups.items()):
            numbers = " | ".join(str(counts.get(v, 0)) for v in verdicts)
            out.append(f"| {cell(group_label(name, lang))} | {numbers} | {sum(counts.values())} |")
        totals = " | ".join(f"**{summary.verdicts.get(v, 0)}**" for v in verdicts)
        out += [f"| **{cell(message('summary.total', lang))}** | {totals} | **{summary.files}** |", ""]
    if summary.region_notes:
        out += [f"**{cell(message('summary.region_notes', lang, n=len(summary.region_notes)))}**", ""]
        out += [f"- {n} × {cell(note)}" for note, n in sorted(summary.region_notes.items())]
    out.append("")
    for key, items in (("summary.top_gaps", summary.top_gaps()), ("summary.top_unknowns", summary.top_unknowns())):
        if items:
            out += [f"**{cell(message(key, lang))}**", ""]
            out += [f"- {n} × {cell(criterion_named(sets, c, lang))}" for c, n in items]
            out.append("")
    if summary.invalid:
        out += [f"**{cell(message('summary.invalid', lang, n=len(summary.invalid)))}**", ""]
        out += [f"- {cell(line)}" for line in summary.invalid[:MAX_INVALID]]
        if len(summary.invalid) > MAX_INVALID:  # never cut silently: say how many and where they all are
            out.append(message("summary.more_rows", lang, n=len(summary.invalid) - MAX_INVALID))
        out.append("")
    return out

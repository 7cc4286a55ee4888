"""``markdown``: a compact summary for a pull-request comment or a CI job summary."""

from __future__ import annotations

import html
from typing import IO

from ..describe import finding_sentence, safe_line
from ..i18n import message
from ..model import FailedFile, Result, Status, VariantResult
from ..policy import run_exit_code
from .base import ReportContext


def cell(text: str) -> str:
    """Inert in Markdown and HTML: escaped, one line, no table breaks."""
    return html.escape(safe_line(text)).replace("|", "\\|").replace("`", "\\`").replace("[", "\\[")


class MarkdownReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream
        self.ctx = ctx
        self.rows: list[str] = []
        self.details: list[str] = []
        self.results: list[Result] = []

    def add(self, result: Result) -> None:
        lang = self.ctx.lang
        self.results.append(result)
        verdict = message(f"verdict.{result.verdict}", lang)
        if isinstance(result, FailedFile):
            first = result.problems[0] if result.problems else None
            reason = message(first.message_key, lang, **{k: str(v) for k, v in first.params.items()}) if first else ""
            self.rows.append(f"| `{cell(result.source)}` | ❌ {cell(verdict)} | – | – | {cell(reason)} |")
            return
        evaluations = result.results if isinstance(result, VariantResult) else (result,)
        best = min(evaluations, key=lambda r: sum(1 for f in r.findings if f.blocks))
        blocking = [f for f in best.findings if f.blocks]
        gaps = sum(1 for f in blocking if f.status is Status.GAP)
        unknown = len(blocking) - gaps
        icon = "✅" if not blocking else "❌" if gaps else "⚠️"
        names = ", ".join(f"`{cell(f.criterion.id)}`" for f in blocking) or "–"
        self.rows.append(f"| `{cell(result.source)}` | {icon} {cell(verdict)} | {gaps} | {unknown} | {names} |")
        if blocking:
            self.details.append(f"**{cell(result.source)}**")
            for f in blocking[:20]:
                self.details.append(f"- `{cell(f.criterion.id)}` {cell(finding_sentence(f, lang))}")
            self.details.append("")

    def close(self) -> None:
        ctx = self.ctx
        lang = ctx.lang
        cset = ctx.criteria_set
        out = [
            f"### ovopcheck — {cell(cset.title.get(lang))}",
            "",
            f"{cell(cset.regime.get(lang))} · `{cell(cset.id)}` v{cell(cset.version)} · "
            f"{message('report.as_of', lang)} {ctx.as_of.isoformat()}",
            "",
            f"| file | {message('report.verdict', lang)} | gaps | unknown | criteria |",
            "|---|---|---|---|---|",
            *self.rows,
            "",
        ]
        if self.details:
            out += [
                "<details><summary>" + cell(message("report.next_steps", lang)) + "</summary>",
                "",
                *self.details,
                "</details>",
                "",
            ]
        out.append(f"exit code {run_exit_code(self.results, ctx.fail_on)}")
        self.stream.write("\n".join(out) + "\n")

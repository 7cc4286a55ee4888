"""``html-summary``: the batch summary alone, for a provincial office to print (300 IKM on a few A4 pages).

Verdict totals; kabupaten/kota and commodity group tables with a bar per row whose every part carries its
number (colour is never alone); the blocking gaps and the missing information met most often, by title;
one line per IKM. ``html`` puts the same summary before its sections (``htmlpage.summary_section``).
"""

from __future__ import annotations

from typing import IO

from ..messages import message
from ..summary import BatchSummary, group_label
from ..view import FileView
from .base import ReportContext
from .html import HtmlReporter
from .htmlpage import CSS, SUMMARY_CSS, e, summary_section

Line = tuple[str, str, str, str, str, str]  # source, verdict, name, kabupaten/kota, commodity, first obstacle


def prepare_line(view: FileView, ctx: ReportContext) -> Line:
    """One IKM as the summary lists it: who, where, what, the verdict and what holds it back first."""
    lang = ctx.lang
    subject = view.subject
    first = next(iter(view.gaps), None) or next(iter(view.unknowns), None)
    obstacle = first.criterion.title.get(lang) if first is not None else ""
    result = view.result
    commodity = group_label(subject.commodity_group, lang) if subject.commodity_group else ""
    name = subject.name or ""
    return result.source, result.verdict.value, name, subject.kabupaten_kota or "", commodity, obstacle


class HtmlSummaryReporter(HtmlReporter):
    """The summary page alone: the lines wait in memory (a few short texts per IKM), the page is written
    when the summary is known."""

    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        # No spool of sections (the page has none): only the heading and fail() are the html reporter's.
        self.stream = stream
        self.ctx = ctx
        self.lines: list[Line] = []

    def emit(self, payload: Line) -> None:  # type: ignore[override]
        self.lines.append(payload)

    def close(self, summary: BatchSummary) -> None:
        ctx = self.ctx
        lang = ctx.lang
        head = (
            "report.col_ikm", "report.col_kabupaten", "report.col_commodity", "report.verdict",
            "report.col_first_obstacle",
        )  # fmt: skip
        rows = "".join(
            f"<tr><td class='n'>{n}</td><td>{e(name or source)}</td><td>{e(kab)}</td><td>{e(com)}</td>"
            f"<td>{e(message('verdict.' + verdict, lang))}</td><td>{e(obstacle)}</td></tr>"
            for n, (source, verdict, name, kab, com, obstacle) in enumerate(self.lines, 1)
        )
        cells = "".join(f"<th>{e(message(key, lang))}</th>" for key in head)
        page = [
            "<!DOCTYPE html>",
            f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            f"<title>{e(message('summary.title', lang, n=summary.files))} — ovopcheck</title>",
            f"<style>{CSS}{SUMMARY_CSS}</style></head><body>",
            self.title_lines(),
            f"<section>{summary_section(summary, ctx)}",
            f"<h3>{e(message('summary.files', lang))}</h3><table class='ikm'><tr><th></th>{cells}</tr>{rows}</table>",
            "</section>",
            "</body></html>",
        ]
        self.stream.write("\n".join(page) + "\n")
        self.stream.flush()

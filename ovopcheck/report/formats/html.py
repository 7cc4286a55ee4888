"""``html``: one self-contained page for officers to read, print on A4 and attach to letters.

No script, no font, no image is fetched: styles are inline, charts are inline SVG, and a Content
Security Policy forbids any other load. Every value from input is HTML-escaped after control and
invisible characters are made visible. A batch gets a summary page with charts first, then a section
per file.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import IO

from ..._version import __version__
from ...model.enums import Kind, Status, Verdict
from ...model.results import Evaluation
from ..messages import message
from ..sentences import (
    aspect_points,
    basis_summary,
    describe_condition,
    doc_problem,
    finding_sentence,
    period_text,
    problem_line,
    readiness_total,
    with_counts,
)
from ..steps import plan
from ..summary import BatchSummary
from ..view import FileView
from .base import ReportContext
from .htmlpage import CSS, SUMMARY_CSS, e, summary_section


def _bar_chart(rows: list[tuple[str, int, int, str]], title: str, width: int = 520) -> str:
    """A horizontal bar chart as inline SVG: (label, value, maximum, the number written on the bar) per row
    (the written number says "not scored yet" where nothing could be scored: never a bare 0)."""
    height = 18 * len(rows) + 14
    label_w = 210
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{e(title)}"><title>{e(title)}</title>'
    ]
    for i, (label, value, maximum, written) in enumerate(rows):
        y = 8 + i * 18
        bar = 0 if maximum <= 0 else int((width - label_w - 60) * value / maximum)
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{e(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{width - label_w - 60}" height="14" fill="#eee"/>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{bar}" height="14" fill="#2f6f9f"/>')
        parts.append(f'<text x="{width - 55}" y="{y + 12}" font-size="11">{e(written)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _evaluation(view: FileView, result: Evaluation, lang: str) -> str:
    cset = result.criteria_set
    subject = view.subject
    name = subject.name or "?"
    out = ['<section class="evaluation">']
    title = e(name) if result.assumed is None else f"{e(name)} — {e(result.assumed.label.get(lang))}"
    out.append(f"<h2>{title}</h2>")
    rows = [
        (message("report.checked", lang), e(name) + (f" (NIB {e(subject.nib)})" if subject.nib else "")),
        (message("report.place", lang), e(subject.place)),
        *[(message("report.region", lang), e(note)) for note in [view.region_note(lang)] if note],
        (
            message("report.programme", lang),
            f"{e(cset.title.get(lang))} <span class='id'>{e(cset.id)} v{e(cset.version)}</span>",
        ),
        (message("report.regime", lang), e(cset.regime.get(lang))),
        (message("report.in_force", lang), e(period_text(cset.in_force, lang))),
        (message("report.as_of", lang), e(result.as_of.isoformat())),
        (message("report.file", lang), f"<span class='id'>{e(view.source)}</span>"),
    ]
    if result.assumed is not None:
        rows.append(
            (message("report.variant", lang), e(message("report.assumed", lang, value=result.assumed.label.get(lang))))
        )
    for cls in result.classifications:
        if cls.value is not None:
            rule = next(c.when for c in cls.classification.classes if c.value == cls.value)
            label = e(cls.classification.label(cls.value).get(lang))
            detail = f"{e(describe_condition(rule, lang))}; {e(cls.classification.title.get(lang))}"
            text = f"{label} <span class='small'>({detail})</span>"
        else:
            text = (
                e(message("report.class_unknown", lang, fields=", ".join(cls.missing)))
                + f" <span class='small'>{e(cls.classification.title.get(lang))}</span>"
            )
        rows.append((message("report.class", lang), text))
    out.append('<table class="meta">' + "".join(f"<tr><th>{e(k)}</th><td>{v}</td></tr>" for k, v in rows) + "</table>")
    out.append(_banner(result, lang))
    out.append(f"<h3>{e(message('report.col_criterion', lang))}</h3>")
    out.append(
        "<table class='criteria'><colgroup><col style='width:12%'><col style='width:50%'><col></colgroup><tr>"
        + "".join(
            f"<th>{e(message(k, lang))}</th>" for k in ("report.col_status", "report.col_criterion", "report.basis")
        )
        + "</tr>"
    )
    not_applicable = []
    for f in result.findings:
        c = f.criterion
        if c.kind is Kind.SCORED:
            continue
        if f.status is Status.NOT_APPLICABLE and f.waiver is None:
            not_applicable.append(f)  # listed together in one row below: they ask nothing of the IKM
            continue
        status = f.status.value
        label = message("status." + status, lang)
        badge = f'<span class="badge {status}">{e(label)}</span>'
        if c.kind is Kind.ADVISORY and f.status is Status.GAP:  # advice never blocks: its own badge and word
            badge = f'<span class="badge advice">! {e(message("status.advice", lang))}</span>'
        if f.waiver is not None:
            badge = f'<span class="badge waived">{e(message("status.waived", lang, status=label))}</span>'
        sentence = finding_sentence(f, lang)
        if f.waiver is not None:
            w = f.waiver
            sentence += " — " + message(
                "report.waived", lang, why=w.justification, who=w.approved_by, until=w.expires.isoformat()
            )
        # The first basis in full with its source, the others by instrument and tag (every tag shows; the
        # whole list is in explain and the JSON record): a dossier stays within two printed pages.
        bases = c.bases_on(result.as_of)
        link = f'<a class="small" href="{e(bases[0].source_url)}">{e(message("html.source", lang))}</a>'
        basis = f"{e(basis_summary(bases, lang))} {link}"
        out.append(
            f"<tr><td>{badge}</td><td><strong>{e(c.title.get(lang))}</strong> "
            f"<span class='small'>[{e(message('kind.' + c.kind, lang))}] <span class='id'>{e(c.id)}</span></span>"
            + (f"<br>{e(sentence)}" if sentence else "")
            + f"</td><td class='small'>{basis}</td></tr>"
        )
    if not_applicable:
        label = message("status.not_applicable", lang)
        names = "; ".join(e(f.criterion.title.get(lang)) for f in not_applicable)
        out.append(
            f'<tr><td><span class="badge not_applicable">{e(label)}</span></td>'
            f"<td colspan='2' class='small'>{names}</td></tr>"
        )
    out.append("</table>")
    if view.result.documents is not None:
        out.append(f"<h3>{e(message('report.documents', lang))}</h3><table>")
        for d in view.result.documents:
            status = "met" if d.valid else "gap"
            text = message("report.doc_ok", lang) if d.valid else doc_problem(d, lang)
            word = message("doc.valid" if d.valid else "doc.invalid", lang)  # a document is valid, not "met"
            out.append(
                f'<tr><td><span class="badge {status}">{e(word)}</span></td>'
                f"<td class='id'>{e(d.path)}</td><td>{e(message('doc.' + d.type, lang))}</td><td>{e(text)}</td></tr>"
            )
        out.append("</table>")
    scores = result.readiness
    if scores:
        out.append(f"<h3>{e(message('report.readiness', lang))}</h3>")
        not_scored = message("report.not_scored", lang)
        bars = [(a.title.get(lang), a.points, a.max_points, aspect_points(a) or not_scored) for a in scores]
        total, maximum = sum(a.points for a in scores), sum(a.max_points for a in scores)
        shown_total = f"{total}/{maximum}" if any(a.scored for a in scores) else not_scored
        bars.append((message("report.total", lang), total, maximum, shown_total))
        out.append(_bar_chart(bars, message("report.readiness", lang)))
        out.append(f"<p><strong>{e(message('report.total', lang))}: {e(readiness_total(result, lang))}</strong></p>")
        if cset.readiness_note is not None:
            out.append(f"<p class='small'>{e(cset.readiness_note.get(lang))}</p>")
        stars = result.stars
        note = (
            message("report.no_stars", lang)
            if cset.star_bands is None
            else message("report.stars_unknown", lang)
            if stars is None
            else f"{message('report.stars', lang, stars=stars)} — {cset.star_bands.note.get(lang)}"
        )
        out.append(f"<p class='small'>{e(note)}</p>")
    groups = plan(view, result, lang)
    if groups:
        out.append(f"<h3>{e(message('report.next_steps', lang))}</h3>")
        number = 0
        for group in groups:
            out.append(f"<h4>{e(group.title(lang))}</h4><ol class='steps' start='{number + 1}'>")
            out.extend(f"<li>{e(step)}</li>" for step in group.steps)
            out.append("</ol>")
            number += len(group.steps)
    if cset.facts:  # programme facts, as information: never checked; on screen (the print keeps to 2 pages)
        out.append(f"<div class='screen-only'><h4>{e(message('report.facts', lang))}</h4><ul class='small'>")
        out.extend(f"<li>{e(f.text.get(lang))} [{e(message('tag.' + f.tag, lang))}]</li>" for f in cset.facts)
        out.append("</ul></div>")
    out.append(_sign_off(lang))
    out.append("</section>")
    return "\n".join(out)


def _banner(result: Evaluation, lang: str) -> str:
    """The verdict with its counts, and each blocking gap on a line: what the reader needs first."""
    verdict = result.verdict.value
    said = message("verdict." + verdict, lang)
    if result.verdict is not Verdict.ELIGIBLE:
        gaps = sum(1 for f in result.blocking if f.status is Status.GAP)
        key = "verdict.counts_one_gap" if gaps == 1 else "verdict.counts"
        said = with_counts(said, message(key, lang, gaps=gaps, unknown=len(result.blocking) - gaps))
    lines = [
        f"<li>{e(f.criterion.title.get(lang))}: {e(finding_sentence(f, lang))}</li>"
        for f in result.blocking
        if f.status is Status.GAP
    ]
    listed = f"<ul class='blocking'>{''.join(lines)}</ul>" if lines else ""
    return f'<div class="verdict {verdict}">{e(message("report.verdict", lang))}: {e(said)}{listed}</div>'


def _sign_off(lang: str) -> str:
    """Where the officer who checked the dossier signs: a Dinas attachment carries one."""
    cells = "".join(f"<td><span class='small'>{e(message(k, lang))}</span></td>" for k in _SIGN_OFF)
    return f"<table class='signoff'><tr>{cells}</tr></table>"


_SIGN_OFF = ("html.checked_by", "html.date", "html.initials")


def prepare(view: FileView, ctx: ReportContext) -> tuple[str, str, str, str]:
    """(anchor text for the index, verdict, the IKM's name, the HTML section) for one file."""
    lang = ctx.lang
    result = view.result
    if not result.checked:
        lines = "".join(f"<li class='id'>{e(problem_line(result.source, p, lang))}</li>" for p in result.problems)
        section = (
            f"<h2>{e(result.source)}</h2>"
            f'<div class="verdict invalid">{e(message("verdict.invalid", lang))}</div><ul>{lines}</ul>'
        )
        return result.source, "invalid", "", section
    body = "\n".join(_evaluation(view, r, lang) for r in result.evaluations)
    return result.source, result.verdict.value, view.subject.name or "", body


class HtmlReporter:
    """One page: the batch summary first, then a section per file. The summary is known only at the end,
    so sections wait in a spool file (in memory while small) rather than all in memory."""

    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream
        self.ctx = ctx
        self.index: list[tuple[str, str, str]] = []  # source, verdict, the IKM's name
        # Closed in close(); a temporary file is removed when closed or collected.
        self.sections = tempfile.SpooledTemporaryFile(max_size=8 * 2**20, mode="w+", encoding="utf-8")  # noqa: SIM115

    def emit(self, payload: tuple[str, str, str, str]) -> None:
        source, verdict, name, section = payload
        self.index.append((source, verdict, name))
        self.sections.write(f'<div class="file" id="file-{len(self.index)}">{section}</div>\n')

    def fail(self, reason: str) -> None:
        self.stream.write(
            f'<!DOCTYPE html>\n<html lang="{e(self.ctx.lang)}"><head><meta charset="utf-8"><title>ovopcheck</title>'
            f"<style>{CSS}</style></head><body><h1>ovopcheck</h1>"
            f'<div class="verdict invalid">{e(reason)}</div></body></html>\n'
        )
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        ctx = self.ctx
        lang = ctx.lang
        cset = ctx.criteria_set
        # One dossier: its IKM names the page, so "Save as PDF" suggests a file name worth keeping.
        named = self.index[0][2] if len(self.index) == 1 and self.index[0][2] else cset.title.get(lang)
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            'img-src data:">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(named)} — ovopcheck</title><style>{CSS}{SUMMARY_CSS}</style></head><body>",
            self.title_lines(),
        ]
        if summary.files > 1:
            head.append(self._summary(summary))
        self.stream.write("\n".join(head) + "\n")
        self.sections.seek(0)
        shutil.copyfileobj(self.sections, self.stream)
        self.sections.close()
        self.stream.write("</body></html>\n")
        self.stream.flush()

    def title_lines(self) -> str:
        """The page's heading: the programme, its regime, the as-of date and ovopcheck's version."""
        ctx, lang = self.ctx, self.ctx.lang
        cset = ctx.criteria_set
        return (
            f"<h1>ovopcheck — {e(cset.title.get(lang))}</h1>"
            f"<p class='small'>{e(cset.regime.get(lang))} · {e(message('report.as_of', lang))} "
            f"{e(ctx.as_of.isoformat())} · ovopcheck {e(__version__)}</p>"
        )

    def _summary(self, summary: BatchSummary) -> str:
        lang = self.ctx.lang
        out = ["<section>", summary_section(summary, self.ctx)]
        out.append(f"<h3>{e(message('summary.files', lang))}</h3><ol>")
        for n, (source, verdict, name) in enumerate(self.index, 1):
            who = f"{e(name)} · " if name else ""
            out.append(f'<li>{who}<a href="#file-{n}">{e(source)}</a> — {e(message("verdict." + verdict, lang))}</li>')
        out.append("</ol></section>")
        return "\n".join(out)

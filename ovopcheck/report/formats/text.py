"""The terminal report, rendered with rich.

Every value from a profile is wrapped in ``rich.text.Text`` (never parsed as markup) after ``safe()``
has escaped control characters, so ``[bold]`` or an ANSI escape in a business name prints literally.
Status words are always printed next to the symbols and colours, so the report reads the same with
NO_COLOR, in a pipe or on paper.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ...errors import format_path
from ...model.criteria import CriteriaSet
from ...model.enums import Kind, Status, Verdict
from ...model.results import Evaluation, Finding
from ..messages import message
from ..safe import safe, safe_line
from ..sentences import (
    aspect_points,
    atom_detail,
    basis_line,
    basis_summary,
    counted,
    criterion_named,
    describe_condition,
    doc_problem,
    finding_sentence,
    period_text,
    problem_excerpt,
    problem_line,
    readiness_total,
    show_value,
    shown_checks,
    with_counts,
)
from ..steps import plan
from ..summary import BatchSummary, group_label
from ..view import VERDICT_ORDER, FileView
from .base import ReportContext

_STYLE = {
    Status.MET: "green",
    Status.GAP: "bold red",
    Status.UNKNOWN: "yellow",
    Status.NOT_APPLICABLE: "dim",
}
_SYMBOL = {Status.MET: "✔", Status.GAP: "✘", Status.UNKNOWN: "?", Status.NOT_APPLICABLE: "–", "advice": "!"}
_ASCII = {Status.MET: "+", Status.GAP: "x", Status.UNKNOWN: "?", Status.NOT_APPLICABLE: "-", "advice": "!"}
_VERDICT_STYLE = {
    Verdict.ELIGIBLE: "bold green",
    Verdict.NOT_ELIGIBLE: "bold red",
    Verdict.INCOMPLETE: "bold yellow",
    Verdict.INVALID: "bold red",
}


def make_console(stream: IO[str] | None = None, width: int | None = None) -> Console:
    # markup/emoji/highlight off: nothing in a report is ever interpreted, only printed.
    return Console(file=stream, markup=False, emoji=False, highlight=False, width=width, soft_wrap=False)


def terminal_context(base: ReportContext, width: int | None) -> ReportContext:
    """``base`` laid out for where this process's output goes: its width, colours and character set."""
    console = make_console(width=width)
    return replace(
        base,
        width=console.width,
        color_system=console.color_system if console.is_terminal else None,
        unicode=console.encoding.lower().startswith("utf"),
        no_color=console.no_color,
    )


def _symbols(console: Console, ascii_only: bool = False) -> dict[str, str]:
    return _ASCII if ascii_only or not console.encoding.lower().startswith("utf") else _SYMBOL


def render(
    view: FileView, result: Evaluation, console: Console, lang: str, verbose: bool = False, ascii_only: bool = False
) -> None:
    """Print one evaluation of a file: header, one row per criterion, verdict, next steps."""
    cset = result.criteria_set
    subject = view.subject
    who = safe_line(subject.name or "?")
    if subject.nib:
        who += f" (NIB {safe_line(subject.nib)})"
    if subject.place:
        who += f" — {safe_line(subject.place)}"
    header = Table.grid(padding=(0, 1))
    header.add_column(style="bold", no_wrap=True)
    header.add_column(overflow="fold")  # a long path or name wraps; it is never cut short
    header.add_row(Text("ovopcheck"), Text(safe_line(view.source)))
    header.add_row(Text(message("report.checked", lang)), Text(who))
    note = view.region_note(lang)
    if note is not None:  # a place the Kemendagri list does not have: said, never decisive
        header.add_row(Text(message("report.region", lang)), Text(note, style="yellow"))
    programme = f"{cset.title.get(lang)} ({cset.id} v{cset.version})"
    if view.result.programme_from:  # not the run's programme: say why
        programme += " — " + message(f"report.programme_from.{view.result.programme_from}", lang)
    header.add_row(Text(message("report.programme", lang)), Text(safe_line(programme)))
    header.add_row(Text(message("report.regime", lang)), Text(safe_line(cset.regime.get(lang))))
    header.add_row(Text(message("report.in_force", lang)), Text(period_text(cset.in_force, lang)))
    header.add_row(Text(message("report.as_of", lang)), Text(result.as_of.isoformat()))
    if result.assumed is not None:
        header.add_row(
            Text(message("report.variant", lang)),
            Text(safe_line(message("report.assumed", lang, value=result.assumed.label.get(lang)))),
        )
    console.print(header)
    _verdict_first(result, console, lang, _symbols(console, ascii_only))
    classes = Table.grid(padding=(0, 1))
    classes.add_column(style="bold", no_wrap=True)
    classes.add_column()
    for cls in result.classifications:
        title = cls.classification.title.get(lang)
        if cls.value is not None:
            rule = next(c.when for c in cls.classification.classes if c.value == cls.value)
            value = f"{cls.classification.label(cls.value).get(lang)} — {title}\n{describe_condition(rule, lang)}"
        else:
            value = f"{message('report.class_unknown', lang, fields=', '.join(cls.missing))} — {title}"
        classes.add_row(Text(message("report.class", lang)), Text(safe(value)))
    console.print(classes)
    console.print()

    symbols = _symbols(console, ascii_only)
    rows: list[tuple[Text, Text]] = []
    for finding in result.findings:
        if finding.criterion.kind is Kind.SCORED:
            continue  # shown in the readiness section
        if finding.waiver is not None:
            label = message("status.waived", lang, status=message("status." + finding.status, lang))
            status_cell = Text(f"~ {label}", style="magenta")
        elif finding.criterion.kind is Kind.ADVISORY and finding.status is Status.GAP:
            # Advice never blocks: its own symbol and word, not a gate's red cross (colour is never alone).
            status_cell = Text(f"{symbols['advice']} {message('status.advice', lang)}", style="blue")
        else:
            status_cell = Text(
                f"{symbols[finding.status]} {message('status.' + finding.status, lang)}", style=_STYLE[finding.status]
            )
        brief = finding.status is Status.NOT_APPLICABLE and not verbose
        rows.append((status_cell, _criterion_cell(finding, lang, result.as_of, brief=brief, verbose=verbose)))
    _two_columns(
        console,
        (
            Text(message("report.col_status", lang), style="bold"),
            Text(message("report.col_criterion", lang), style="bold"),
        ),
        rows,
    )
    console.print()
    _documents(view, result, console, lang, ascii_only)
    _readings(view, console, lang, verbose)
    _readiness(result, console, lang)
    _verdict(result, console, lang)
    _next_steps(view, result, console, lang)
    _facts(result, console, lang)


def _two_columns(console: Console, header: tuple[Text, Text], rows: list[tuple[Text, Text]]) -> None:
    """A status column and a wrapped text column with a hanging indent, laid out directly: a rich Table
    measures every cell several times, which was most of the cost of printing one report."""
    left = max(10, *(cell.cell_len for cell, _ in rows), header[0].cell_len) + 1
    right = max(20, console.width - left)
    out = Text()
    for status, cell in [header, *rows]:
        lines = cell.wrap(console, right, overflow="fold")
        for number, line in enumerate(lines):
            line.rstrip()
            out.append_text(status if number == 0 else Text())
            out.append(" " * (left - (status.cell_len if number == 0 else 0)))
            out.append_text(line)
            out.append("\n")
    console.print(out, end="", soft_wrap=True)


def _criterion_cell(finding: Finding, lang: str, as_of: dt.date, brief: bool, verbose: bool = False) -> Text:
    criterion = finding.criterion
    cell = Text()
    cell.append(safe_line(criterion.title.get(lang)), style="bold")
    cell.append(safe_line(f"  [{message('kind.' + criterion.kind, lang)}] {criterion.id}"), style="dim")
    sentence = finding_sentence(finding, lang)
    if sentence:
        cell.append("\n")
        cell.append(safe(sentence), style=_STYLE[finding.status] if finding.status is Status.GAP else "")
    if finding.waiver is not None:
        w = finding.waiver
        cell.append("\n")
        cell.append(
            safe(message("report.waived", lang, why=w.justification, who=w.approved_by, until=w.expires.isoformat())),
            style="magenta",
        )
    elif finding.expired_waiver is not None:
        cell.append("\n")
        cell.append(
            safe(message("report.waiver_expired", lang, until=finding.expired_waiver.expires.isoformat())),
            style="magenta",
        )
    if brief:
        return cell
    bases = criterion.bases_on(as_of)
    cell.append("\n")
    if verbose:  # every basis in full
        lines = [f"{message('report.basis', lang)}: {basis_line(b, lang)}" for b in bases]
        cell.append(safe("\n".join(lines)), style="dim")
    else:  # the first in full, the others by instrument and tag: no tag is ever hidden
        cell.append(safe(f"{message('report.basis', lang)}: {basis_summary(bases, lang)}"), style="dim")
    if finding.status is Status.GAP and verbose:
        for failed in shown_checks(finding):
            cell.append(safe(f"\n  {atom_detail(failed, lang)}"), style="dim")
    return cell


def _documents(view: FileView, result: Evaluation, console: Console, lang: str, ascii_only: bool = False) -> None:
    needs_documents = any(f.criterion.evidence for f in result.findings)
    documents = view.result.documents
    if documents is None:
        if needs_documents:
            console.print(Text(message("report.documents_lone", lang), style="dim"))
            console.print()
        return
    console.print(Text(message("report.documents", lang), style="bold"))
    symbols = _symbols(console, ascii_only)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for check in documents:
        status = Status.MET if check.valid else Status.GAP
        verdict = message("report.doc_ok", lang) if check.valid else doc_problem(check, lang)
        line = f"{safe_line(check.path)} ({message('doc.' + check.type, lang)}): {verdict}"
        grid.add_row(Text(symbols[status], style=_STYLE[status]), Text(line))
    console.print(grid)
    console.print()


def _readings(view: FileView, console: Console, lang: str, verbose: bool) -> None:
    """Values written the officer's way and how they were read: listed with -v, else counted."""
    readings = view.result.readings
    if not readings:
        return
    if not verbose:
        console.print(Text(message("report.readings_hint", lang, n=len(readings)), style="dim"))
        console.print()
        return
    console.print(Text(message("report.readings", lang), style="bold"))
    for reading in readings:
        line = message(
            "report.reading",
            lang,
            field=format_path(reading.path),
            line=reading.line,
            written=reading.written,
            value=show_value(reading.value, lang, format_path(reading.path)),
        )
        console.print(Text(safe(f"  {line}")))
    console.print()


def _readiness(result: Evaluation, console: Console, lang: str) -> None:
    """The scored indicators as their own section: points per indicator, per aspect and in total."""
    scores = result.readiness
    if not scores:
        return
    console.print(Text(message("report.readiness", lang), style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold", ratio=1)
    grid.add_column(justify="right", no_wrap=True)
    for aspect in scores:
        title = aspect.title.get(lang)
        if aspect.unknown:
            title += " " + counted("report.unscored", lang, aspect.unknown)
        shown_points = aspect_points(aspect) or message("report.not_scored", lang)
        grid.add_row(Text(safe(title), style="bold"), Text(shown_points, style="bold"))
        for finding in result.findings:
            criterion = finding.criterion
            if criterion.kind is not Kind.SCORED or criterion.aspect_id != aspect.aspect_id:
                continue
            if finding.status is Status.UNKNOWN:
                detail = message("report.fill_in", lang, fields=", ".join(finding.missing))
                shown = "?"
            elif finding.status is Status.NOT_APPLICABLE:
                continue
            else:
                level = next((lv for lv in criterion.scores if lv.points == finding.points), None)
                detail = level.label.get(lang) if level and level.label else ""
                shown = f"{finding.points}/{criterion.max_points}"
            grid.add_row(Text(safe(f"  {criterion.title.get(lang)}: {detail}")), Text(shown))
    total = sum(a.points for a in scores)
    maximum = sum(a.max_points for a in scores)
    scored = any(a.scored for a in scores)
    grid.add_row(
        Text(f"{message('report.total', lang)}: {readiness_total(result, lang)}", style="bold"),
        Text(f"{total}/{maximum}" if scored else message("report.not_scored", lang), style="bold"),
    )
    console.print(grid)
    if result.criteria_set.readiness_note is not None:
        console.print(Text(safe(result.criteria_set.readiness_note.get(lang)), style="dim"))
    bands = result.criteria_set.star_bands
    if bands is None:
        console.print(Text(message("report.no_stars", lang), style="dim"))
    elif result.stars is None:
        console.print(Text(message("report.stars_unknown", lang), style="dim"))
    else:
        console.print(Text(f"{message('report.stars', lang, stars=result.stars)} — {safe(bands.note.get(lang))}"))
    console.print()


def render_variants(
    view: FileView, console: Console, lang: str, verbose: bool = False, ascii_only: bool = False
) -> None:
    """A profile checked once per variant (e.g. per Upakarti category): one report each, then which fit."""
    results = view.result.evaluations
    for index, result in enumerate(results):
        if index:
            console.rule(style="dim")
        render(view, result, console, lang, verbose=verbose, ascii_only=ascii_only)
    eligible = [r.assumed.label.get(lang) for r in results if r.assumed and r.verdict is Verdict.ELIGIBLE]
    line = Text(f"{message('report.overall', lang)}: ", style="bold")
    if eligible:
        line.append(safe_line(message("report.eligible_in", lang, categories=", ".join(eligible))), style="bold green")
    else:
        line.append(message("report.eligible_in_none", lang), style="bold red")
    console.rule(style="dim")
    console.print(line)


def _verdict(result: Evaluation, console: Console, lang: str) -> None:
    verdict = result.verdict
    gaps = result.count(Status.GAP, Kind.GATE)
    key = "verdict.counts_one_gap" if gaps == 1 else "verdict.counts"
    counts = message(key, lang, gaps=gaps, unknown=result.count(Status.UNKNOWN, Kind.GATE))
    waived = result.count(Status.GAP, Kind.GATE, waived=True) + result.count(Status.UNKNOWN, Kind.GATE, waived=True)
    if waived:
        counts += ", " + message("verdict.waived", lang, n=waived)
    line = Text(f"{message('report.verdict', lang)}: ", style="bold")
    said = message(f"verdict.{verdict}", lang)
    shown = with_counts(said, counts) if verdict is not Verdict.ELIGIBLE else said
    line.append(shown[: len(said) - said.endswith(")")], style=_VERDICT_STYLE[verdict])
    line.append(shown[len(said) - said.endswith(")") :])
    console.print(line)


def _next_steps(view: FileView, result: Evaluation, console: Console, lang: str) -> None:
    groups = plan(view, result, lang)
    if not groups:
        return
    console.print(Text(message("report.next_steps", lang), style="bold"))
    number = 0
    for group in groups:
        console.print(Text(group.title(lang), style="bold"))
        steps = Table.grid(padding=(0, 1))
        steps.add_column(justify="right", no_wrap=True)
        steps.add_column(overflow="fold")
        for step in group.steps:
            number += 1
            steps.add_row(Text(f"{number}."), Text(safe(step)))
        console.print(steps)


def _facts(result: Evaluation, console: Console, lang: str) -> None:
    """Facts about the programme, as information (never checked): after everything an officer must act on."""
    facts = result.criteria_set.facts
    if not facts:
        return
    console.print(Text(message("report.facts", lang), style="bold"))
    lines = Table.grid(padding=(0, 1))
    lines.add_column(no_wrap=True)
    lines.add_column(overflow="fold")
    for fact in facts:
        lines.add_row(Text("-"), Text(safe(f"{fact.text.get(lang)} [{message('tag.' + fact.tag, lang)}]"), style="dim"))
    console.print(lines)


def _verdict_first(result: Evaluation, console: Console, lang: str, symbols: dict[str, str]) -> None:
    """The verdict, its counts and each blocking gap on one line, before any detail: on the first screen."""
    _verdict(result, console, lang)
    lines = Table.grid(padding=(0, 1))  # a long line wraps under itself
    lines.add_column(no_wrap=True)
    lines.add_column(overflow="fold")
    for finding in result.blocking:
        if finding.status is Status.GAP:
            text = f"{finding.criterion.title.get(lang)}: {finding_sentence(finding, lang)}"
            lines.add_row(Text(f" {symbols[Status.GAP]}", style=_STYLE[Status.GAP]), Text(safe_line(text)))
    unknown = sum(len(f.missing) or (0 if f.assessor else 1) for f in result.blocking if f.status is Status.UNKNOWN)
    assessor = sum(len(f.assessor) for f in result.blocking)
    for key, n in (("report.unknown_summary", unknown), ("report.assessor_summary", assessor)):
        if n:
            lines.add_row(
                Text(f" {symbols[Status.UNKNOWN]}", style=_STYLE[Status.UNKNOWN]), Text(message(key, lang, n=n))
            )
    console.print(lines)
    console.print()


_CONSOLES: dict[tuple[object, ...], tuple[Console, io.StringIO]] = {}


def _buffer_console(ctx: ReportContext) -> tuple[Console, io.StringIO]:
    """A console rendering into a string as the destination would show it; one per process and setting."""
    key = (ctx.color_system, ctx.width, ctx.unicode, ctx.no_color)
    if key not in _CONSOLES:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            markup=False,
            emoji=False,
            highlight=False,
            width=ctx.width,
            soft_wrap=False,
            force_terminal=ctx.color_system is not None,
            color_system=ctx.color_system,  # type: ignore[arg-type]
            no_color=ctx.no_color or ctx.color_system is None,
            legacy_windows=False,
        )
        _CONSOLES[key] = (console, buffer)
    return _CONSOLES[key]


def prepare(view: FileView, ctx: ReportContext) -> tuple[str, str]:
    """("out", text) to print, or ("err", lines) for a file that could not be checked."""
    result = view.result
    if not result.checked:
        lines = [
            text for p in result.problems for text in (problem_line(result.source, p, ctx.lang), *problem_excerpt(p))
        ]
        return "err", "".join(line + "\n" for line in lines)
    if ctx.quiet:
        said = message("verdict." + result.verdict, ctx.lang)
        if result.verdict is not Verdict.ELIGIBLE:
            gaps = len(view.gaps)
            key = "verdict.counts_one_gap" if gaps == 1 else "verdict.counts"
            said = with_counts(said, message(key, ctx.lang, gaps=gaps, unknown=len(view.unknowns)))
        line = f"{safe_line(result.source)}: {said}"
        if ctx.color_system is None:
            return "out", line + "\n"  # no colour: no need to pay for rich on every line of a batch
        console, buffer = _buffer_console(ctx)
        console.print(Text(line, style=_VERDICT_STYLE[result.verdict]), soft_wrap=True)
    else:
        console, buffer = _buffer_console(ctx)
        if len(result.evaluations) > 1:
            render_variants(view, console, ctx.lang, verbose=ctx.verbose, ascii_only=not ctx.unicode)
        else:
            render(view, result.evaluations[0], console, ctx.lang, verbose=ctx.verbose, ascii_only=not ctx.unicode)
    return "out", _taken(buffer, ctx)


def _taken(buffer: io.StringIO, ctx: ReportContext) -> str:
    """What was rendered into ``buffer``, which is emptied. Without colour (a pipe, a file, an email),
    lines lose the spaces rich pads them with to the width."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text if ctx.color_system is not None else "\n".join(line.rstrip() for line in text.split("\n"))


class TextReporter:
    """The terminal report: one full report per file (or one line with --quiet), then a batch summary."""

    def __init__(self, stream: IO[str] | None, ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.ctx = ctx
        self.console = make_console(stream, width=ctx.width)
        self.diagnostics = diagnostics
        self.count = 0

    def emit(self, payload: tuple[str, str]) -> None:
        kind, text = payload
        if kind == "err":
            target = self.diagnostics or self.console.file
            target.write(text)
            target.flush()
            return
        if self.count and not self.ctx.quiet:
            self.console.rule(style="dim")
        self.count += 1
        self.console.file.write(text)

    def fail(self, reason: str) -> None:
        self.console.file.write(f"ovopcheck: {safe_line(reason)}\n")
        self.console.file.flush()

    def close(self, summary: BatchSummary) -> None:
        ctx = self.ctx
        if summary.files > 1 and ctx.quiet:  # one line per file, then one line of totals
            self.console.file.write(quiet_totals(summary, ctx.lang) + "\n")
        elif summary.files > 1:
            console, buffer = _buffer_console(ctx)
            render_summary(summary, console, ctx.lang, ctx.all_sets)
            self.console.file.write(_taken(buffer, ctx))
        self.console.file.flush()


def quiet_totals(summary: BatchSummary, lang: str) -> str:
    """``Ringkasan 7 berkas: layak 1, belum layak 4, …``: the batch summary in one line, for --quiet."""
    counts = ", ".join(f"{message('summary.col.' + v, lang)} {summary.verdicts.get(v, 0)}" for v in VERDICT_ORDER)
    return f"{message('summary.title', lang, n=summary.files)}: {counts}"


def render_summary(
    summary: BatchSummary, console: Console, lang: str, sets: tuple[CriteriaSet, ...], separate: bool = True
) -> None:
    """The batch summary: counts by verdict, commodity group and kabupaten/kota, top gaps, invalid files."""
    if separate:
        console.rule(style="dim")
    console.print(Text(message("summary.title", lang, n=summary.files), style="bold"))
    verdicts = VERDICT_ORDER
    totals = Table.grid(padding=(0, 2))
    totals.add_column()
    totals.add_column(justify="right")
    for verdict in verdicts:
        totals.add_row(
            Text(message(f"verdict.{verdict}", lang), style=_VERDICT_STYLE[verdict]),
            Text(str(summary.verdicts.get(verdict, 0))),
        )
    console.print(totals)
    for title_key, groups in (
        ("summary.by_commodity", summary.by_commodity),
        ("summary.by_kabupaten", summary.by_kabupaten),
        ("summary.by_provinsi", summary.by_provinsi),
    ):
        if not groups:
            continue
        table = Table(box=None, padding=(0, 1), show_header=True, header_style="bold")
        table.add_column(message(title_key, lang), overflow="fold")
        for verdict in verdicts:
            table.add_column(message(f"summary.col.{verdict}", lang), justify="right", no_wrap=True)
        table.add_column(message("summary.total", lang), justify="right", no_wrap=True)
        for name, counts in sorted(groups.items()):
            cells = [Text(str(counts.get(v, 0))) for v in verdicts]
            table.add_row(Text(safe_line(group_label(name, lang))), *cells, Text(str(sum(counts.values()))))
        # Every file is in every table, so the totals row is the batch's verdict counts.
        totals_row = [Text(str(summary.verdicts.get(v, 0)), style="bold") for v in verdicts]
        table.add_row(Text(message("summary.total", lang), style="bold"), *totals_row,
                      Text(str(summary.files), style="bold"))  # fmt: skip
        console.print()
        console.print(table)
    if summary.region_notes:
        console.print()
        console.print(Text(message("summary.region_notes", lang, n=len(summary.region_notes)), style="bold"))
        for note, count in sorted(summary.region_notes.items()):
            console.print(Text(f"{count:>4}  {safe_line(note)}"), soft_wrap=True)
    for title_key, top in (
        ("summary.top_gaps", summary.top_gaps() if summary.gaps else []),
        ("summary.top_unknowns", summary.top_unknowns() if summary.unknowns else []),
    ):
        if not top:
            continue
        console.print()
        console.print(Text(message(title_key, lang), style="bold"))
        grid = Table.grid(padding=(0, 2))  # a long title wraps under itself, not under the count
        grid.add_column(justify="right", min_width=4)
        grid.add_column()
        for criterion, count in top:
            grid.add_row(Text(str(count)), Text(criterion_named(sets, criterion, lang)))
        console.print(grid)
    if summary.invalid:
        console.print()
        console.print(Text(message("summary.invalid", lang, n=len(summary.invalid)), style="bold red"))
        for line in summary.invalid:
            console.print(Text(safe_line(line)), soft_wrap=True)

"""What every HTML page of ovopcheck shares: the escaping, the style sheet, and the batch summary section
(``html`` puts it before its sections, ``html-summary`` prints it alone)."""

from __future__ import annotations

import html
from collections import Counter

from ...model.criteria import CriteriaSet
from ..messages import message
from ..safe import safe
from ..summary import BatchSummary, group_label
from ..view import VERDICT_ORDER
from .base import ReportContext

CSS = """
:root { --ok:#1b7f3b; --gap:#b3261e; --unk:#a15c00; --na:#6b6b6b; --line:#d0d0d0; --ink:#1d1d1d; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 24px;
       font-size: 11pt; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 14pt; margin: 18px 0 6px; }
h3 { font-size: 12pt; margin: 14px 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; }
.meta th { width: 11em; background: none; }
.badge { display: inline-block; min-width: 6.5em; padding: 1px 6px; border-radius: 3px; color: #fff;
         font-weight: 600; font-size: 9pt; text-align: center; }
.met { background: var(--ok); } .gap { background: var(--gap); } .unknown { background: var(--unk); }
.not_applicable { background: var(--na); } .waived { background: #6a3d9a; }
.advice { background: #fff; color: #1f4e8c; border: 1px solid #1f4e8c; }
ul.blocking { font-size: 11pt; font-weight: 400; margin: 4px 0 0 0; }
table.signoff td { border: 1px solid var(--line); height: 2.6em; width: 33%; vertical-align: top; }
.verdict { font-size: 13pt; font-weight: 700; padding: 6px 10px; border-left: 6px solid; margin: 8px 0; }
.verdict.eligible { border-color: var(--ok); } .verdict.not_eligible { border-color: var(--gap); }
.verdict.incomplete { border-color: var(--unk); } .verdict.invalid { border-color: var(--gap); }
.small { color: #555; font-size: 9pt; } .id { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.file { page-break-before: always; } .file:first-of-type { page-break-before: auto; }
ol.steps li { margin-bottom: 3px; }
@page { size: A4; margin: 10mm 10mm 12mm; }
@media print { body { margin: 0; font-size: 8.8pt; line-height: 1.15; } a { color: inherit; text-decoration: none; }
               tr, table.signoff { page-break-inside: avoid; } th, td { padding: 1px 4px; } .small { font-size: 7pt; }
               h1 { font-size: 12pt; } h2 { font-size: 11pt; margin: 8px 0 3px; } .verdict { font-size: 10.5pt; }
               a.small, .screen-only { display: none; }
               h3 { font-size: 10pt; margin: 8px 0 3px; } h4 { margin: 4px 0 2px; }
               .badge { font-size: 7.5pt; min-width: 5.5em; } ol.steps li { margin-bottom: 1px; } }
"""


def e(text: object) -> str:
    """Escaped for HTML, control and invisible characters made visible."""
    return html.escape(safe(str(text)), quote=True)


SUMMARY_CSS = """
.bar { display: flex; min-width: 8em; height: 1.25em; font-size: 8pt; color: #fff; font-weight: 600; }
.bar span { display: flex; align-items: center; justify-content: center; overflow: hidden; }
.bar .eligible { background: var(--ok); } .bar .not_eligible { background: var(--gap); }
.bar .incomplete { background: var(--unk); } .bar .invalid { background: #555; }
.bar .count { background: #2f6f9f; justify-content: flex-start; padding-left: 3px; }
td.n, th.n { text-align: right; width: 4.5em; } table.ikm td { padding: 1px 4px; font-size: 9pt; }
table.ikm td:nth-child(2) { min-width: 15em; } table.ikm td:nth-child(5) { white-space: nowrap; }
@media print { table.ikm td { font-size: 7.5pt; } .bar { font-size: 6.5pt; } }
"""


def _title(sets: tuple[CriteriaSet, ...], cid: str, lang: str) -> str:
    """A criterion by its title (its id is for machines): the first set that has it."""
    criterion = next((c for s in sets if (c := s.criterion(cid)) is not None), None)
    return criterion.title.get(lang) if criterion is not None else cid


def _verdict_bar(counts: Counter[str] | dict[str, int]) -> str:
    total = sum(counts.values()) or 1
    parts = [
        f"<span class='{v}' style='width:{100 * counts[v] / total:.1f}%'>{counts[v]}</span>"
        for v in VERDICT_ORDER
        if counts.get(v)
    ]
    return f"<div class='bar'>{''.join(parts)}</div>"


def _groups(title: str, groups: dict[str, Counter[str]], lang: str) -> str:
    """One row per group (kabupaten/kota, commodity): its verdict counts, total and a numbered bar."""
    head = "".join(f"<th class='n'>{e(message('summary.col.' + v, lang))}</th>" for v in VERDICT_ORDER)
    rows = []
    for name, counts in sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        shown = group_label(name, lang)
        cells = "".join(f"<td class='n'>{counts.get(v, 0)}</td>" for v in VERDICT_ORDER)
        total = sum(counts.values())
        rows.append(f"<tr><td>{e(shown)}</td>{cells}<td class='n'>{total}</td><td>{_verdict_bar(counts)}</td></tr>")
    total_head = e(message("summary.total", lang))
    everything: Counter[str] = sum(groups.values(), Counter())
    cells = "".join(f"<th class='n'>{everything.get(v, 0)}</th>" for v in VERDICT_ORDER)
    rows.append(f"<tr><th>{total_head}</th>{cells}<th class='n'>{sum(everything.values())}</th><td></td></tr>")
    return (
        f"<h3>{e(title)}</h3><table><tr><th>{e(title)}</th>{head}<th class='n'>{total_head}</th><th></th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _ranked(title: str, items: list[tuple[str, int]], files: int, sets: tuple[CriteriaSet, ...], lang: str) -> str:
    """Criteria by how many files they hold back, by title, each with its number and a bar."""
    rows = "".join(
        f"<tr><td>{e(_title(sets, cid, lang))}</td><td class='n'>{n}</td><td><div class='bar'>"
        f"<span class='count' style='width:{100 * n / max(files, 1):.1f}%'>{n}</span></div></td></tr>"
        for cid, n in items
    )
    files_head = e(message("summary.files", lang))
    return f"<h3>{e(title)}</h3><table><tr><th></th><th class='n'>{files_head}</th><th></th></tr>{rows}</table>"


def summary_section(summary: BatchSummary, ctx: ReportContext) -> str:
    """Totals, the two breakdowns and the criteria most often in the way (shared by ``html``)."""
    lang = ctx.lang
    out = [f"<h2>{e(message('summary.title', lang, n=summary.files))}</h2><table><tr>"]
    out += [f"<th class='n'>{e(message('summary.col.' + v, lang))}</th>" for v in VERDICT_ORDER]
    out.append("</tr><tr>")
    out += [f"<td class='n'>{summary.verdicts.get(v, 0)}</td>" for v in VERDICT_ORDER]
    out.append(f"</tr></table>{_verdict_bar(summary.verdicts)}")
    if summary.by_kabupaten:
        out.append(_groups(message("summary.by_kabupaten", lang), summary.by_kabupaten, lang))
    if summary.by_provinsi:
        out.append(_groups(message("summary.by_provinsi", lang), summary.by_provinsi, lang))
    if summary.by_commodity:
        out.append(_groups(message("summary.by_commodity", lang), summary.by_commodity, lang))
    sets = ctx.all_sets
    if summary.gaps:
        out.append(_ranked(message("summary.top_gaps", lang), summary.top_gaps(), summary.files, sets, lang))
    if summary.unknowns:
        out.append(_ranked(message("summary.top_unknowns", lang), summary.top_unknowns(), summary.files, sets, lang))
    if summary.region_notes:
        out.append(f"<h3>{e(message('summary.region_notes', lang, n=len(summary.region_notes)))}</h3><ul>")
        out += [f"<li>{n} × {e(note)}</li>" for note, n in sorted(summary.region_notes.items())]
        out.append("</ul>")
    if summary.invalid:
        out.append(f"<h3>{e(message('summary.invalid', lang, n=len(summary.invalid)))}</h3><ul>")
        out += [f"<li class='id'>{e(line)}</li>" for line in summary.invalid]
        out.append("</ul>")
    return "\n".join(out)

"""``csv``: one row per IKM, the way a provincial office keeps its spreadsheet: who and where, the
verdict, what holds it back (by title) and what to fill in (by label). ``csv-findings`` keeps one row per
file and criterion."""

from __future__ import annotations

from ..sentences import problem_line, readiness_total
from ..steps import field_to_fill
from ..view import FileView
from .base import ReportContext
from .csvreport import WHO, CsvReporter, inert

COLUMNS = [
    *WHO,
    "region_code",  # the Kemendagri code of the kabupaten/kota (else of the provinsi), for pivot tables
    "commodity_group",
    "programme",
    "verdict",
    "gaps",
    "unknowns",
    "blocking_gaps",
    "to_fill_in",
    "readiness_points",
    "readiness",
    "problems",
]


def prepare(view: FileView, ctx: ReportContext) -> list[str]:
    """The one row of one file, as text."""
    values = ikm_values(view, ctx)
    return [inert(values.get(c)) for c in COLUMNS]


def ikm_values(view: FileView, ctx: ReportContext) -> dict[str, object]:
    """One IKM's row, by column, with numbers as numbers (the xlsx keeps their type); a file that could not
    be checked gets its problems instead of findings."""
    lang = ctx.lang
    result = view.result
    subject = view.subject
    values: dict[str, object] = {"file": result.source, "verdict": result.verdict.value}
    kabupaten, provinsi = view.region_names  # as the summary counts them: one name for GARUT and Kab. Garut
    values |= {"name": subject.name, "nib": subject.nib, "kabupaten_kota": kabupaten, "provinsi": provinsi}
    values["commodity_group"] = subject.commodity_group
    placed = view.placed.kabupaten_kota or view.placed.provinsi
    values["region_code"] = placed.code if placed else None
    best = result.best
    if best is None:
        values["problems"] = "; ".join(problem_line(result.source, p, lang) for p in result.problems)
        return values
    gaps, unknowns = view.gaps, view.unknowns
    missing = dict.fromkeys(m for f in unknowns for m in f.missing)
    scores = best.readiness
    values |= {
        "programme": best.criteria_set.programme,
        "gaps": len(gaps),
        "unknowns": len(unknowns),
        "blocking_gaps": "; ".join(f.criterion.title.get(lang) for f in gaps),
        "to_fill_in": "; ".join(field_to_fill(view, m, lang) for m in missing),
        "readiness_points": sum(a.points for a in scores) if any(a.scored for a in scores) else None,
        "readiness": readiness_total(best, lang) if scores else None,
    }
    return values


class CsvIkmReporter(CsvReporter):
    columns = COLUMNS

    def emit(self, payload: list[str]) -> None:  # type: ignore[override]  # one row per file
        self.writer.writerow(payload)

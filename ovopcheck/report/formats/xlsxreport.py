"""``xlsx``: one workbook for a provincial office: a summary sheet (verdicts, kabupaten/kota and commodity
by verdict, the blocking gaps and missing information met most often, by title), one row per IKM, and
the findings that need attention (IKM × criterion: gaps, missing information, advice; what is met or does
not apply asks nothing, and listing it would make the sheet thirty times longer).

Written as files are checked, in bounded memory (openpyxl's write-only mode keeps each sheet's rows in a
temporary file); saved into the output's byte stream when the run ends. Typed cells: counts and points
are numbers, an NIB or a name is text (a leading zero stays; a text beginning with ``=`` is never a
formula). openpyxl is imported only when this format is used.
"""

from __future__ import annotations

from collections import Counter
from typing import IO, Any

from ..messages import message
from ..safe import safe
from ..summary import BatchSummary, group_label
from ..view import VERDICT_ORDER, FileView
from .base import ReportContext
from .csvikm import COLUMNS, ikm_values

FINDING_COLUMNS = ["file", "name", "criterion", "title", "kind", "status", "message"]
_SHEETS = {"summary": ("Ringkasan", "Summary"), "ikm": ("IKM", "IKM"), "findings": ("Temuan", "Findings")}


def prepare(view: FileView, ctx: ReportContext) -> tuple[list[object], list[list[object]]]:
    """One IKM's row and its findings' rows (numbers as numbers)."""
    from ..sentences import finding_sentence

    lang = ctx.lang
    values = ikm_values(view, ctx)
    values["verdict"] = message(f"verdict.{values['verdict']}", lang)  # people read the workbook
    findings: list[list[object]] = []
    for _, finding, _level in view.needing_attention():  # met and not applicable ask nothing
        criterion = finding.criterion
        findings.append(
            [
                view.result.source, view.subject.name, criterion.id, criterion.title.get(lang),
                message(f"kind.{criterion.kind.value}", lang), _status(finding, lang),
                finding_sentence(finding, lang),
            ]
        )  # fmt: skip
    return [values.get(c) for c in COLUMNS], findings


class XlsxReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        from openpyxl import Workbook

        self.stream = stream
        self.ctx = ctx
        self.book = Workbook(write_only=True)
        names = {key: pair[0 if ctx.lang == "id" else 1] for key, pair in _SHEETS.items()}
        self.summary = self.book.create_sheet(names["summary"])  # first: the office reads it first
        self.ikm = self._sheet(names["ikm"], COLUMNS, {"name": 32, "to_fill_in": 60, "blocking_gaps": 40})
        self.findings = self._sheet(names["findings"], FINDING_COLUMNS, {"title": 45, "message": 70})

    def _sheet(self, title: str, columns: list[str], widths: dict[str, int]) -> Any:
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(title)
        sheet.freeze_panes = "A2"  # the header stays in view
        for index, column in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(index)].width = widths.get(column, 16)
        lang = self.ctx.lang
        sheet.append([message(f"xlsx.col.{column}", lang) for column in columns])  # headers people read
        return sheet

    def _row(self, sheet: Any, values: list[object]) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells: list[object] = []
        for value in values:
            if isinstance(value, str):
                value = safe(value)  # control characters made visible
                if value.startswith("="):  # text stays text: "=..." from a profile is never a formula
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    value = cell
            cells.append(value)
        sheet.append(cells)

    def emit(self, payload: tuple[list[object], list[list[object]]]) -> None:
        row, findings = payload
        self._row(self.ikm, row)
        for finding in findings:
            self._row(self.findings, finding)

    def fail(self, reason: str) -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("ovopcheck")
        sheet.append([reason])
        self._save(book)

    def close(self, summary: BatchSummary) -> None:
        lang = self.ctx.lang
        sets = self.ctx.all_sets
        verdicts = [message("summary.col." + v, lang) for v in VERDICT_ORDER]
        self._row(self.summary, [message("summary.title", lang, n=summary.files)])
        self._row(self.summary, ["", *verdicts, message("summary.total", lang)])
        self._row(self.summary, ["", *[summary.verdicts.get(v, 0) for v in VERDICT_ORDER], summary.files])
        for key, groups in (
            ("summary.by_kabupaten", summary.by_kabupaten),
            ("summary.by_provinsi", summary.by_provinsi),
            ("summary.by_commodity", summary.by_commodity),
        ):
            self._row(self.summary, [])
            self._row(self.summary, [message(key, lang), *verdicts, message("summary.total", lang)])
            for name, counts in sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
                self._row(self.summary, [group_label(name, lang), *_counts(counts), sum(counts.values())])
            total = [summary.verdicts.get(v, 0) for v in VERDICT_ORDER]  # every file is in every table
            self._row(self.summary, [message("summary.total", lang), *total, summary.files])
        if summary.region_notes:
            self._row(self.summary, [])
            self._row(self.summary, [message("summary.region_notes", lang, n=len(summary.region_notes))])
            for note, n in sorted(summary.region_notes.items()):
                self._row(self.summary, [note, n])
        for key, items in (("summary.top_gaps", summary.top_gaps()), ("summary.top_unknowns", summary.top_unknowns())):
            if items:
                self._row(self.summary, [])
                self._row(self.summary, [message(key, lang), message("summary.files", lang)])
                for cid, n in items:
                    criterion = next((c for s in sets if (c := s.criterion(cid)) is not None), None)
                    self._row(self.summary, [criterion.title.get(lang) if criterion else cid, n])
        self._save(self.book)

    def _save(self, book: Any) -> None:
        # The output is a text stream (reports are text); a workbook is bytes: written to its buffer.
        self.stream.flush()
        book.save(self.stream.buffer)  # type: ignore[attr-defined]
        self.stream.flush()


def _counts(counts: Counter[str]) -> list[int]:
    return [counts.get(v, 0) for v in VERDICT_ORDER]


def _status(finding: Any, lang: str) -> str:
    """The outcome as the text report words it: advice that is not followed reads SARAN, never KURANG."""
    from ...model.enums import Kind, Status

    if finding.criterion.kind is Kind.ADVISORY and finding.status is Status.GAP:
        return message("status.advice", lang)
    return message(f"status.{finding.status.value}", lang)

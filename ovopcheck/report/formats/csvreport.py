"""``csv-findings``: one row per file and criterion, for spreadsheets, each naming the IKM and where it is
(``csv`` is one row per IKM)."""

from __future__ import annotations

import csv
from typing import IO

from ..record import plain
from ..safe import safe
from ..sentences import finding_sentence, problem_sentence, weakest_tag
from ..summary import BatchSummary
from ..view import FileView, finding_fields
from .base import ReportContext

# Who and where, first in every CSV row: the file, the IKM's name, its NIB as written, its place.
WHO = ["file", "name", "nib", "kabupaten_kota", "provinsi"]
COLUMNS = [
    *WHO,
    "sha256",
    "verdict",
    "variant",
    "criterion",
    "kind",
    "status",
    "waived",
    "message",
    "fields",
    "actual",
    "required",
    "points",
    "instrument",
    "article",
    "basis_tag",
    "basis_tags",
    "source_url",
]


def inert(value: object) -> str:
    """Control characters escaped, and cells starting with = + - @ (formulas to a spreadsheet) kept text."""
    text = "" if value is None else safe(str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def prepare(view: FileView, ctx: ReportContext) -> list[list[str]]:
    """The rows of one file."""
    lang = ctx.lang
    rows: list[list[str]] = []

    def row(**values: object) -> None:
        rows.append([inert(values.get(c)) for c in COLUMNS])

    result = view.result
    if not result.checked:
        for p in result.problems:
            row(
                file=result.source,
                verdict=result.verdict.value,
                status="invalid",
                message=f"{p.line}:{p.column}: {problem_sentence(p, lang)}",
            )
        return rows
    subject = view.subject
    kabupaten, provinsi = view.region_names  # as the summary counts them
    for evaluation in result.evaluations:
        for f in evaluation.findings:
            c = f.criterion
            bases = c.bases_on(evaluation.as_of)
            first = bases[0]
            row(
                file=result.source,
                name=subject.name,
                nib=subject.nib,
                kabupaten_kota=kabupaten,
                provinsi=provinsi,
                sha256=result.sha256,
                verdict=evaluation.verdict.value,
                variant=evaluation.assumed.value if evaluation.assumed else "",
                criterion=c.id,
                kind=c.kind.value,
                status=f.status.value,
                waived="yes" if f.waiver else "",
                message=finding_sentence(f, lang),
                fields=" ".join(finding_fields(f)),
                actual="; ".join(str(plain(r.actual)) for r in f.failed),
                required="; ".join(str(plain(r.required)) for r in f.failed),
                points=f.points,
                instrument=first.instrument.get(lang),
                article=first.article.get(lang) if first.article else "",
                basis_tag=weakest_tag(bases),  # the weakest: a criterion is as sure as its least sure basis
                basis_tags=" ".join(b.tag for b in bases),
                source_url=first.source_url,
            )
    return rows


class CsvReporter:
    """A header, then each file's rows as they come (``csv`` has one row per file: see csvikm)."""

    columns = COLUMNS

    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream
        if ctx.bom:
            stream.write("\ufeff")  # Excel then reads the file as UTF-8
        self.writer = csv.writer(stream, delimiter=ctx.delimiter, lineterminator="\n")
        self.writer.writerow(self.columns)

    def emit(self, payload: list[list[str]]) -> None:
        self.writer.writerows(payload)

    def close(self, summary: BatchSummary) -> None:
        self.stream.flush()

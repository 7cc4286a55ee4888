"""Output formats. Each reporter only renders; the registry maps a format name to its module.

Every format module has a ``prepare(view, ctx) -> payload`` function (pure; may run in a worker process)
and a reporter class, built as ``cls(stream, ctx, diagnostics)``, whose ``emit(payload)`` writes in input
order and whose ``close(summary)`` finishes. Modules are imported only when their format is used, to keep
start-up light (text needs rich, html a page of CSS).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import IO, TYPE_CHECKING, Any

from ...frozen import record
from .base import ReportContext, Reporter

if TYPE_CHECKING:  # a type only: the CLI reads this registry at start-up, before any check
    from ..view import FileView


@record
class Format:
    """One output format: where it lives and what it is for (shown by ``--help``)."""

    module: str
    reporter: str  # the reporter class in ``module``
    help: str
    prepare: str = "prepare"  # the payload function in ``module``


FORMATS: dict[str, Format] = {
    "text": Format("text", "TextReporter", "the report for people (default)"),
    "json": Format("jsonreport", "JsonReporter", "one decision record for the run"),
    "jsonl": Format("jsonreport", "JsonLinesReporter", "one decision record per line and file", "prepare_line"),
    "junit": Format("junit", "JUnitReporter", "JUnit XML for Jenkins and GitLab"),
    "sarif": Format("sarif", "SarifReporter", "SARIF 2.1.0 for code scanning"),
    "github": Format("github", "GitHubReporter", "GitHub Actions annotations"),
    "markdown": Format("markdown", "MarkdownReporter", "a pull-request comment or job summary"),
    "csv": Format("csvikm", "CsvIkmReporter", "one row per IKM, for spreadsheets"),
    "csv-findings": Format("csvreport", "CsvReporter", "one row per file and criterion, for spreadsheets"),
    "xlsx": Format("xlsxreport", "XlsxReporter", "a workbook: summary, one row per IKM, findings (-o xlsx:FILE)"),
    "html": Format("html", "HtmlReporter", "one self-contained page to read and print"),
    "html-summary": Format(
        "htmlsummary", "HtmlSummaryReporter", "the batch summary alone, to print (one line per IKM)", "prepare_line"
    ),
}


# Formats that write bytes (a workbook): only to a file (``-o xlsx:hasil.xlsx``), never to standard output.
BINARY = frozenset({"xlsx"})

# ``-o laporan.html``: the format a file name's extension stands for.
BY_EXTENSION = {
    ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".sarif": "sarif", ".xml": "junit",
    ".md": "markdown", ".csv": "csv", ".txt": "text", ".xlsx": "xlsx",
}  # fmt: skip


def make_reporter(
    name: str, stream: IO[str] | None, ctx: ReportContext, diagnostics: IO[str] | None = None
) -> Reporter:
    """The reporter of format ``name`` writing to ``stream`` (text: None for the terminal); problems with
    files go to ``diagnostics`` where the format keeps them apart (text), else into the report."""
    entry = FORMATS[name]
    cls = getattr(import_module(f"{__name__}.{entry.module}"), entry.reporter)
    reporter: Reporter = cls(stream, ctx, diagnostics)
    return reporter


def preparer(name: str) -> Callable[[FileView, ReportContext], Any]:
    entry = FORMATS[name]
    function: Callable[[FileView, ReportContext], Any] = getattr(
        import_module(f"{__name__}.{entry.module}"), entry.prepare
    )
    return function


__all__ = ["BY_EXTENSION", "FORMATS", "Format", "ReportContext", "Reporter", "make_reporter", "preparer"]

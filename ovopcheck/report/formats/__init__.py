"""Output formats. Each reporter only renders results; the registry maps a format name to its module.

Every format module has ``prepare(result, ctx) -> payload`` (pure; may run in a worker process) and a
reporter class whose ``emit(payload)`` writes in input order and whose ``close(summary)`` finishes.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import IO, Any

from ...model.results import Result
from .base import ReportContext, Reporter

# format -> (module, reporter class); imported only when the format is used, to keep start-up light.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "json": ("jsonreport", "JsonReporter"),
    "jsonl": ("jsonreport", "JsonLinesReporter"),
    "junit": ("junit", "JUnitReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GitHubReporter"),
    "markdown": ("markdown", "MarkdownReporter"),
    "csv": ("csvreport", "CsvReporter"),
    "html": ("html", "HtmlReporter"),
}
_PREPARE_NAMES = {"jsonl": "prepare_line"}


def make_reporter(fmt: str, stream: IO[str] | None, ctx: ReportContext, diagnostics: IO[str] | None = None) -> Reporter:
    module, name = FORMATS[fmt]
    cls = getattr(import_module(f"{__name__}.{module}"), name)
    reporter: Reporter = cls(stream, ctx, diagnostics) if fmt == "text" else cls(stream, ctx)
    return reporter


def preparer(fmt: str) -> Callable[[Result, ReportContext], Any]:
    module, _ = FORMATS[fmt]
    function: Callable[[Result, ReportContext], Any] = getattr(
        import_module(f"{__name__}.{module}"), _PREPARE_NAMES.get(fmt, "prepare")
    )
    return function


__all__ = ["FORMATS", "ReportContext", "Reporter", "make_reporter", "preparer"]

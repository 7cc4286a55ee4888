"""Output formats. Each reporter only renders results; the registry maps a format name to its class."""

from __future__ import annotations

from importlib import import_module
from typing import IO

from .base import ReportContext, Reporter

# format -> (module, class); imported only when the format is used, to keep start-up light.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "json": ("jsonreport", "JsonReporter"),
    "jsonl": ("jsonreport", "JsonLinesReporter"),
    "junit": ("junit", "JUnitReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GitHubReporter"),
    "markdown": ("markdown", "MarkdownReporter"),
    "csv": ("csvreport", "CsvReporter"),
}


def make_reporter(fmt: str, stream: IO[str] | None, ctx: ReportContext) -> Reporter:
    module, name = FORMATS[fmt]
    cls = getattr(import_module(f"{__name__}.{module}"), name)
    reporter: Reporter = cls(stream, ctx)
    return reporter


__all__ = ["FORMATS", "ReportContext", "Reporter", "make_reporter"]

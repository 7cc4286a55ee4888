"""``json``: one decision record for the whole run; ``jsonl``: one line per checked file."""

from __future__ import annotations

import json
from typing import IO, Any

from ..record import file_record, run_header
from ..summary import BatchSummary
from ..view import FileView
from .base import ReportContext


def dump(data: Any) -> str:
    # ASCII-only: control, bidirectional and invisible characters from input appear as \\uXXXX escapes,
    # inert in any viewer, and json.loads gives the exact values back.
    return json.dumps(data, sort_keys=True, ensure_ascii=True, indent=2)


def prepare(view: FileView, ctx: ReportContext) -> str:
    """One file's record as it stands in the run's document (in the ``files`` list, four spaces in)."""
    return _FILE_INDENT + dump(file_record(view, ctx.lang, ctx.fail_on)).replace("\n", "\n" + _FILE_INDENT)


_FILE_INDENT = " " * 4  # document > "files" > record, two spaces a level (JSON text has no raw newlines)


def prepare_line(view: FileView, ctx: ReportContext) -> str:
    record = file_record(view, ctx.lang, ctx.fail_on)
    record.update(
        as_of=ctx.as_of.isoformat(),
        criteria_set=f"{ctx.criteria_set.id}@{ctx.criteria_set.version}",
        ovopcheck_version=run_header(ctx.criteria_set, ctx.as_of, ctx.lang, ctx.fail_on)["ovopcheck_version"],
    )
    return json.dumps(record, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


class JsonReporter:
    """The run's decision record, written as files are checked: the same text ``dump`` gives for the
    whole document, without holding every file's record until the end (thousands in a batch)."""

    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream
        self.header = run_header(ctx.criteria_set, ctx.as_of, ctx.lang, ctx.fail_on)
        self.count = 0

    def _split(self, after: dict[str, Any]) -> tuple[str, str]:
        # The document's text around its "files" value. Keys are sorted, so "files" sits among the
        # others; it is the only key two spaces in named so (deeper ones are indented more, and no
        # text value holds a raw newline).
        text = dump({**self.header, **after, "files": None})
        at = text.index(_FILES)
        return text[: at + len(_FILES) - len("null")], text[at + len(_FILES) :]

    def emit(self, payload: str) -> None:
        if self.count == 0:
            self.stream.write(self._split({})[0] + "[\n")  # what precedes "files" is known from the start
        else:
            self.stream.write(",\n")
        self.stream.write(payload)
        self.count += 1

    def fail(self, reason: str) -> None:
        """The run could not finish: a valid record saying why, with no files."""
        self.stream.write(dump({**self.header, "error": reason, "files": [], "summary": None}) + "\n")
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        head, tail = self._split({"summary": summary.record()})
        if self.count == 0:
            self.stream.write(head + "[]")
        else:
            self.stream.write("\n  ]")
        self.stream.write(tail + "\n")
        self.stream.flush()


_FILES = '\n  "files": null'


class JsonLinesReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream

    def emit(self, payload: str) -> None:
        self.stream.write(payload + "\n")

    def fail(self, reason: str) -> None:
        self.stream.write(json.dumps({"error": reason}, ensure_ascii=True) + "\n")
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        self.stream.flush()


__all__ = ["JsonLinesReporter", "JsonReporter", "prepare", "prepare_line"]

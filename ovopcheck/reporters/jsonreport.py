"""``json``: one decision record for the whole run; ``jsonl``: one line per checked file."""

from __future__ import annotations

import json
from typing import IO, Any

from ..model import Result
from ..record import file_record, run_header
from ..summary import BatchSummary
from .base import ReportContext


def dump(data: Any) -> str:
    # ASCII-only: control, bidirectional and invisible characters from input appear as \\uXXXX escapes,
    # inert in any viewer, and json.loads gives the exact values back.
    return json.dumps(data, sort_keys=True, ensure_ascii=True, indent=2)


def prepare(result: Result, ctx: ReportContext) -> dict[str, Any]:
    return file_record(result, ctx.lang, ctx.fail_on)


def prepare_line(result: Result, ctx: ReportContext) -> str:
    record = file_record(result, ctx.lang, ctx.fail_on)
    record.update(
        as_of=ctx.as_of.isoformat(),
        criteria_set=f"{ctx.criteria_set.id}@{ctx.criteria_set.version}",
        ovopcheck_version=run_header(ctx.criteria_set, ctx.as_of, ctx.lang, ctx.fail_on)["ovopcheck_version"],
    )
    return json.dumps(record, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


class JsonReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream
        self.ctx = ctx
        self.files: list[dict[str, Any]] = []

    def emit(self, payload: dict[str, Any]) -> None:
        self.files.append(payload)

    def close(self, summary: BatchSummary) -> None:
        ctx = self.ctx
        document = run_header(ctx.criteria_set, ctx.as_of, ctx.lang, ctx.fail_on)
        document["files"] = self.files
        document["summary"] = summary.record()
        self.stream.write(dump(document) + "\n")


class JsonLinesReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream

    def emit(self, payload: str) -> None:
        self.stream.write(payload + "\n")

    def close(self, summary: BatchSummary) -> None:
        self.stream.flush()


__all__ = ["JsonLinesReporter", "JsonReporter", "prepare", "prepare_line"]

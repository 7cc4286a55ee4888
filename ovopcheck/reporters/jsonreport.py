"""``json``: one decision record for the whole run; ``jsonl``: one line per checked file."""

from __future__ import annotations

import json
from collections import Counter
from typing import IO, Any

from ..model import Result
from ..policy import run_exit_code
from ..record import file_record, run_header
from .base import ReportContext


def dump(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2)


class JsonReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream
        self.ctx = ctx
        self.files: list[dict[str, Any]] = []
        self.results: list[Result] = []

    def add(self, result: Result) -> None:
        self.files.append(file_record(result, self.ctx.lang, self.ctx.fail_on))
        self.results.append(result)

    def close(self) -> None:
        ctx = self.ctx
        verdicts = Counter(f["verdict"] for f in self.files)
        document = run_header(ctx.criteria_set, ctx.as_of, ctx.lang, ctx.fail_on)
        document["files"] = self.files
        document["summary"] = {
            "files": len(self.files),
            "verdicts": dict(sorted(verdicts.items())),
            "exit_code": run_exit_code(self.results, ctx.fail_on),
        }
        self.stream.write(dump(document) + "\n")


class JsonLinesReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream
        self.ctx = ctx
        header = run_header(ctx.criteria_set, ctx.as_of, ctx.lang, ctx.fail_on)
        self.context = {
            "as_of": header["as_of"],
            "criteria_set": f"{ctx.criteria_set.id}@{ctx.criteria_set.version}",
            "ovopcheck_version": header["ovopcheck_version"],
        }

    def add(self, result: Result) -> None:
        line = {**file_record(result, self.ctx.lang, self.ctx.fail_on), **self.context}
        self.stream.write(json.dumps(line, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        self.stream.flush()

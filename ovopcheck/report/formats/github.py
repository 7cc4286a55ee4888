"""``github``: GitHub Actions workflow commands, so findings show on the pull request's lines."""

from __future__ import annotations

from typing import IO

from ..safe import safe
from ..sentences import finding_sentence, problem_sentence
from ..summary import BatchSummary
from ..view import Attention, FileView
from .base import ReportContext


def _data(text: str) -> str:
    # Control and invisible characters from input are escaped first; then the runner's own specials
    # (%, CR, LF) so that nothing can end the command and start another.
    return safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, path: str, line: int, column: int, title: str, message: str) -> str:
    where = f"file={_prop(path)},line={max(line, 1)},col={max(column, 1)},title={_prop(title)}"
    return f"::{level} {where}::{_data(message)}\n"


# SARIF's names for how much attention a finding needs, as the runner's commands are named.
_COMMAND = {Attention.ERROR: "error", Attention.WARNING: "warning", Attention.NOTE: "notice"}


def prepare(view: FileView, ctx: ReportContext) -> str:
    """The workflow commands for one file."""
    lang = ctx.lang
    result = view.result
    out: list[str] = []
    if not result.checked:
        for p in result.problems:
            said = f"{p.field_path}: {problem_sentence(p, lang)}" if p.path else problem_sentence(p, lang)
            where = result.profile_path or result.source  # a spreadsheet row: the workbook, at its row and column
            out.append(_command("error", where, p.line, p.column, "ovopcheck: invalid input", said))
        return "".join(out)
    for evaluation, finding, needs in view.needing_attention():
        level = "notice" if finding.waiver is not None else _COMMAND[needs]
        line, column = view.location(finding)
        prefix = f"{view.who}[{evaluation.assumed.value}] " if evaluation.assumed else view.who
        message = prefix + finding_sentence(finding, lang)
        if finding.waiver is not None:
            message += f" (waived: {finding.waiver.justification})"
        title = f"{finding.criterion.id}: {finding.criterion.title.get(lang)}"
        out.append(_command(level, view.uri, line, column, title, message))
    return "".join(out)


class GitHubReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream

    def emit(self, payload: str) -> None:
        self.stream.write(payload)

    def fail(self, reason: str) -> None:
        self.stream.write(f"::error title=ovopcheck::{_data(reason)}\n")
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        self.stream.flush()

"""``github``: GitHub Actions workflow commands, so findings show on the pull request's lines."""

from __future__ import annotations

from typing import IO

from ...model.enums import Kind, Status
from ...model.results import FailedFile, Result, evaluations
from ..record import finding_location
from ..safe import safe
from ..sentences import finding_sentence, problem_sentence
from ..summary import BatchSummary
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


def prepare(result: Result, ctx: ReportContext) -> str:
    """The workflow commands for one file."""
    lang = ctx.lang
    out: list[str] = []
    if isinstance(result, FailedFile):
        for p in result.problems:
            out.append(
                _command(
                    "error", result.source, p.line, p.column, "ovopcheck: invalid input", problem_sentence(p, lang)
                )
            )
        return "".join(out)
    for evaluation in evaluations(result):
        path = evaluation.profile_path or evaluation.source
        for finding in evaluation.findings:
            if finding.status not in (Status.GAP, Status.UNKNOWN) or finding.criterion.kind is Kind.SCORED:
                continue
            if finding.waiver is not None:
                level = "notice"
            elif finding.criterion.kind is Kind.GATE:
                level = "error" if finding.status is Status.GAP else "warning"
            else:
                level = "notice"
            line, column = finding_location(evaluation, finding)
            prefix = f"[{evaluation.assumed.value}] " if evaluation.assumed else ""
            message = prefix + finding_sentence(finding, lang)
            if finding.waiver is not None:
                message += f" (waived: {finding.waiver.justification})"
            title = f"{finding.criterion.id}: {finding.criterion.title.get(lang)}"
            out.append(_command(level, path, line, column, title, message))
    return "".join(out)


class GitHubReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream

    def emit(self, payload: str) -> None:
        self.stream.write(payload)

    def close(self, summary: BatchSummary) -> None:
        self.stream.flush()

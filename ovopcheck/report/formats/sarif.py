"""``sarif``: SARIF 2.1.0, one rule per criterion (legal basis as help), results at file:line:column.

Only what needs attention becomes a result: gaps (gates: error, others: note) and unknowns (warning);
a waived finding carries an external suppression with its justification.
"""

from __future__ import annotations

import json
from functools import cache
from typing import IO, Any

from ..._version import __version__
from ...model.criteria import CriteriaSet, Criterion
from ...model.enums import Kind
from ..messages import message
from ..sentences import basis_line, finding_sentence, problem_sentence
from ..summary import BatchSummary
from ..view import FileView
from .base import ReportContext

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INVALID_RULE = "ovopcheck.invalid-input"


def _criteria(sets: tuple[CriteriaSet, ...]) -> list[Criterion]:
    """Every criterion a result of this run may name, each id once, in set order: the rules after the
    invalid-input rule."""
    return list({c.id: c for cset in reversed(sets) for c in reversed(cset.criteria)}.values())[::-1]


def _rules(sets: tuple[CriteriaSet, ...], lang: str) -> list[dict[str, Any]]:
    rules = [
        {
            "id": INVALID_RULE,
            "name": "InvalidInput",
            "shortDescription": {"text": message("sarif.invalid_rule", lang)},
            "defaultConfiguration": {"level": "error"},
        }
    ]
    for c in _criteria(sets):
        basis = "\n".join(f"- {basis_line(b, lang)}: {b.source_url}" for b in c.basis)
        rules.append(
            {
                "id": c.id,
                "name": "".join(part.capitalize() for part in c.id.replace(".", "-").split("-")),
                "shortDescription": {"text": c.title.get(lang)},
                "fullDescription": {"text": c.explanation.get(lang)},
                "help": {
                    "text": f"{c.advice.get(lang)}\n\n{basis}",
                    "markdown": f"{c.advice.get(lang)}\n\n**Basis**\n\n{basis}",
                },
                "defaultConfiguration": {"level": "error" if c.kind is Kind.GATE else "note"},
                "properties": {"kind": c.kind.value, "basis_tags": sorted({b.tag for b in c.basis})},
            }
        )
    return rules


def _location(uri: str, line: int, column: int) -> list[dict[str, Any]]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    return [{"physicalLocation": {"artifactLocation": {"uri": uri.replace("\\", "/")}, "region": region}}]


def prepare(view: FileView, ctx: ReportContext) -> str:
    """The SARIF results of one file, as JSON text indented for their place in the log ("" if none)."""
    return ",\n".join(_INDENT + dump(entry).replace("\n", "\n" + _INDENT) for entry in _results(view, ctx))


_INDENT = " " * 8  # log > "runs" > run > "results" > result, two spaces a level (no raw newlines in JSON text)


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True, indent=2, sort_keys=True)


def _results(view: FileView, ctx: ReportContext) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    lang = ctx.lang
    result = view.result
    if not result.checked:
        for problem in result.problems:
            out.append(
                {
                    "ruleId": INVALID_RULE,
                    "ruleIndex": 0,
                    "level": "error",
                    "message": {"text": problem_sentence(problem, lang)},
                    "locations": _location(result.profile_path or result.source, problem.line, problem.column),
                }
            )
        return out
    subject = view.subject.record()
    for evaluation, finding, level in view.needing_attention():
        line, column = view.location(finding)
        entry: dict[str, Any] = {
            "ruleId": finding.criterion.id,
            "ruleIndex": _rule_indexes(ctx)[finding.criterion.id],
            "level": level.value,
            "message": {"text": view.who + finding_sentence(finding, lang)},
            "locations": _location(view.uri, line, column),
            "properties": {"status": finding.status.value, "subject": subject},
        }
        if evaluation.assumed is not None:
            entry["properties"]["variant"] = evaluation.assumed.value
        if finding.waiver is not None:
            entry["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": f"{finding.waiver.justification} ({finding.waiver.approved_by}, "
                    f"until {finding.waiver.expires.isoformat()})",
                }
            ]
        out.append(entry)
    return out


@cache
def _rule_indexes(ctx: ReportContext) -> dict[str, int]:
    # The rules are the invalid-input rule, then the criteria of the run's sets (see _rules).
    return {c.id: 1 + i for i, c in enumerate(_criteria(ctx.all_sets))}


class SarifReporter:
    """Writes results as files are checked (a batch may have thousands): everything else in the log is
    known from the start, and the text is the same ``dump`` gives for the whole log."""

    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream
        log: dict[str, Any] = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "ovopcheck",
                            "version": __version__,
                            "rules": _rules(ctx.all_sets, ctx.lang),
                        }
                    },
                    "results": None,
                    "invocations": [{"executionSuccessful": True}],
                    "properties": {
                        "as_of": ctx.as_of.isoformat(),
                        "criteria_set": ctx.criteria_set.id,
                        "criteria_version": ctx.criteria_set.version,
                    },
                }
            ],
        }
        self.log = log
        text = dump(log)
        at = text.index(_RESULTS)  # the only "results" key, six spaces in
        self.head = text[: at + len(_RESULTS) - len("null")]
        self.tail = text[at + len(_RESULTS) :]
        self.count = 0

    def emit(self, payload: str) -> None:
        if not payload:
            return
        self.stream.write(self.head + "[\n" if self.count == 0 else ",\n")
        self.stream.write(payload)
        self.count += 1

    def fail(self, reason: str) -> None:
        """The run could not finish: a valid log saying why (a tool execution notification), no results."""
        run = {**self.log["runs"][0], "results": []}
        run["invocations"] = [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [{"level": "error", "message": {"text": reason}}],
            }
        ]
        self.stream.write(dump({**self.log, "runs": [run]}) + "\n")
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        self.stream.write(self.head + "[]" if self.count == 0 else "\n      ]")
        self.stream.write(self.tail + "\n")
        self.stream.flush()


_RESULTS = '\n      "results": null'

"""``sarif``: SARIF 2.1.0, one rule per criterion (legal basis as help), results at file:line:column.

Only what needs attention becomes a result: gaps (gates: error, others: note) and unknowns (warning);
a waived finding carries an external suppression with its justification.
"""

from __future__ import annotations

import json
from typing import IO, Any

from .. import __version__
from ..describe import basis_line, finding_sentence, problem_sentence
from ..model import CriteriaSet, FailedFile, Kind, Result, Status, evaluations
from ..record import finding_location
from ..summary import BatchSummary
from .base import ReportContext

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INVALID_RULE = "ovopcheck.invalid-input"


def _rules(cset: CriteriaSet, lang: str) -> list[dict[str, Any]]:
    rules = [
        {
            "id": INVALID_RULE,
            "name": "InvalidInput",
            "shortDescription": {"text": "The file could not be checked (unreadable or not a valid profile)."},
            "defaultConfiguration": {"level": "error"},
        }
    ]
    for c in cset.criteria:
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


def prepare(result: Result, ctx: ReportContext) -> list[dict[str, Any]]:
    """The SARIF results of one file (rule indexes are filled in by the reporter)."""
    out: list[dict[str, Any]] = []
    lang = ctx.lang
    if isinstance(result, FailedFile):
        for problem in result.problems:
            out.append(
                {
                    "ruleId": INVALID_RULE,
                    "ruleIndex": 0,
                    "level": "error",
                    "message": {"text": problem_sentence(problem, lang)},
                    "locations": _location(result.source, problem.line, problem.column),
                }
            )
        return out
    for evaluation in evaluations(result):
        uri = evaluation.profile_path or evaluation.source
        for finding in evaluation.findings:
            if finding.status not in (Status.GAP, Status.UNKNOWN) or finding.criterion.kind is Kind.SCORED:
                continue
            gate = finding.criterion.kind is Kind.GATE
            level = ("error" if finding.status is Status.GAP else "warning") if gate else "note"
            line, column = finding_location(evaluation, finding)
            entry: dict[str, Any] = {
                "ruleId": finding.criterion.id,
                "ruleIndex": 0,
                "level": level,
                "message": {"text": finding_sentence(finding, lang)},
                "locations": _location(uri, line, column),
                "properties": {"status": finding.status.value},
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


class SarifReporter:
    def __init__(self, stream: IO[str], ctx: ReportContext) -> None:
        self.stream = stream
        self.ctx = ctx
        self.rules = _rules(ctx.criteria_set, ctx.lang)
        self.index = {rule["id"]: n for n, rule in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []

    def emit(self, payload: list[dict[str, Any]]) -> None:
        for entry in payload:
            entry["ruleIndex"] = self.index[entry["ruleId"]]
            self.results.append(entry)

    def close(self, summary: BatchSummary) -> None:
        ctx = self.ctx
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "ovopcheck",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/ovopcheck/",
                            "rules": self.rules,
                        }
                    },
                    "results": self.results,
                    "invocations": [{"executionSuccessful": True}],
                    "properties": {
                        "as_of": ctx.as_of.isoformat(),
                        "criteria_set": ctx.criteria_set.id,
                        "criteria_version": ctx.criteria_set.version,
                    },
                }
            ],
        }
        self.stream.write(json.dumps(log, ensure_ascii=True, indent=2, sort_keys=True) + "\n")

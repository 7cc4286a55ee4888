"""``junit``: one test suite per profile, one test case per criterion, for Jenkins and GitLab.

gap = failure; unknown = error when ``--fail-on`` includes unknown, else skipped; not applicable,
advisories and waived findings = skipped (with the reason); scored indicators pass with their points.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import IO

from ...model.enums import Kind, Status
from ..safe import safe
from ..sentences import finding_sentence, problem_line
from ..summary import BatchSummary
from ..view import FileView
from .base import ReportContext


def prepare(view: FileView, ctx: ReportContext) -> str:
    """The test suites of one file, as XML text indented for their place in the document."""
    holder = ET.Element("testsuites")
    _suites(holder, view, ctx)
    ET.indent(holder)
    for suite in holder:
        suite.tail = None
    return "\n  ".join(ET.tostring(suite, encoding="unicode") for suite in holder)


class JUnitReporter:
    """Writes each file's suites as they come (a batch may have thousands), in the layout ``ET.indent``
    gives the whole document."""

    def __init__(self, stream: IO[str], ctx: ReportContext, diagnostics: IO[str] | None = None) -> None:
        self.stream = stream
        self.count = 0

    def emit(self, payload: str) -> None:
        if not payload:
            return
        if self.count == 0:
            self.stream.write(_DECLARATION + _OPEN)
        self.stream.write("\n  " + payload)
        self.count += 1

    def fail(self, reason: str) -> None:
        """The run could not finish: one suite with one error case saying why."""
        root = ET.Element("testsuites", name="ovopcheck")
        suite = ET.SubElement(root, "testsuite", name="ovopcheck", tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname="ovopcheck", name="run")
        ET.SubElement(case, "error", message=safe(reason), type="run").text = safe(reason)
        ET.indent(root)
        self.stream.write(_DECLARATION + ET.tostring(root, encoding="unicode") + "\n")
        self.stream.flush()

    def close(self, summary: BatchSummary) -> None:
        if self.count == 0:
            self.stream.write(_DECLARATION + _OPEN[:-1] + " />\n")
        else:
            self.stream.write("\n</testsuites>\n")
        self.stream.flush()


_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_OPEN = '<testsuites name="ovopcheck">'


def _suites(root: ET.Element, view: FileView, ctx: ReportContext) -> None:
    lang = ctx.lang
    result = view.result
    if not result.checked:
        suite = ET.SubElement(
            root, "testsuite", name=safe(result.source), tests="1", failures="0", errors="1", skipped="0"
        )
        case = ET.SubElement(suite, "testcase", classname="ovopcheck", name="load")
        text = "\n".join(problem_line(result.source, p, lang) for p in result.problems)
        ET.SubElement(case, "error", message=safe(text.splitlines()[0] if text else ""), type="invalid").text = safe(
            text
        )
        return
    for evaluation in result.evaluations:
        name = result.source if evaluation.assumed is None else f"{result.source} [{evaluation.assumed.value}]"
        suite = ET.SubElement(root, "testsuite", name=safe(name))
        properties = ET.SubElement(suite, "properties")
        for field, value in view.subject.record().items():
            if value is not None:
                ET.SubElement(properties, "property", name=field, value=safe(value))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for finding in evaluation.findings:
            criterion = finding.criterion
            counts["tests"] += 1
            # Named for a person reading a CI page: the IKM, the criterion's title, its id.
            case_name = f"{view.subject.name or result.source} — {criterion.title.get(lang)} ({criterion.id})"
            case = ET.SubElement(suite, "testcase", classname=evaluation.criteria_set.id, name=safe(case_name))
            message = safe(finding_sentence(finding, lang))
            title = safe(criterion.title.get(lang))
            if finding.waiver is not None:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=f"waived: {safe(finding.waiver.justification)}")
            elif finding.status is Status.NOT_APPLICABLE:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=message)
            elif criterion.kind is not Kind.GATE and finding.status in (Status.GAP, Status.UNKNOWN):
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=f"{criterion.kind.value}: {message}")
            elif finding.status is Status.GAP:
                counts["failures"] += 1
                ET.SubElement(case, "failure", message=message, type="gap").text = f"{title}\n{message}"
            elif finding.status is Status.UNKNOWN:
                if "unknown" in ctx.fail_on:
                    counts["errors"] += 1
                    ET.SubElement(case, "error", message=message, type="unknown").text = f"{title}\n{message}"
                else:
                    counts["skipped"] += 1
                    ET.SubElement(case, "skipped", message=f"unknown: {message}")
            if finding.points is not None:
                ET.SubElement(case, "system-out").text = f"{finding.points}/{criterion.max_points}"
        for key, count in counts.items():
            suite.set(key, str(count))

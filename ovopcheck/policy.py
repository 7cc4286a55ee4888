"""What makes a run fail (``--fail-on``) and approved exceptions (waivers). Pure functions of results."""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePath

from .model.criteria import Waiver
from .model.enums import Status
from .model.results import FailedFile, ProfileResult, Result, VariantResult

FAIL_ON_CHOICES = ("gap", "unknown", "invalid", "never")
DEFAULT_FAIL_ON: frozenset[str] = frozenset({"gap", "unknown", "invalid"})


def normalise_fail_on(values: Iterable[str]) -> frozenset[str]:
    """``never`` alone means nothing fails; otherwise the named outcomes do."""
    chosen = frozenset(values)
    return frozenset() if "never" in chosen else chosen


def result_exit_code(result: Result, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> int:
    """0 passes, 1 checked but failing under the policy, 2 could not be checked (when invalid fails)."""
    if isinstance(result, FailedFile):
        return 2 if "invalid" in fail_on else 0
    if isinstance(result, VariantResult):
        return min(result_exit_code(r, fail_on) for r in result.results)
    blocking = [f for f in result.findings if f.blocks]
    if "gap" in fail_on and any(f.status is Status.GAP for f in blocking):
        return 1
    if "unknown" in fail_on and any(f.status is Status.UNKNOWN for f in blocking):
        return 1
    return 0


def run_exit_code(results: Iterable[Result], fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> int:
    return max((result_exit_code(r, fail_on) for r in results), default=0)


def waiver_matches(waiver: Waiver, source: str) -> bool:
    if waiver.profile is None:
        return True
    absolute = Path(source).resolve().as_posix()
    candidates = {source, PurePath(source).as_posix().rstrip("/"), absolute}
    return any(fnmatch.fnmatchcase(c, waiver.profile.rstrip("/")) for c in candidates)


def apply_waivers(result: Result, waivers: Iterable[Waiver], as_of: dt.date) -> Result:
    """Mark waived findings. A waiver past its expiry date no longer applies, and the finding says so."""
    waivers = list(waivers)
    if not waivers or isinstance(result, FailedFile):
        return result
    if isinstance(result, VariantResult):
        return replace(result, results=tuple(_apply(r, waivers, as_of) for r in result.results))
    return _apply(result, waivers, as_of)


def _apply(result: ProfileResult, waivers: list[Waiver], as_of: dt.date) -> ProfileResult:
    relevant = [w for w in waivers if waiver_matches(w, result.source)]
    findings = []
    for finding in result.findings:
        mine = [w for w in relevant if w.criterion == finding.criterion.id]
        if not mine or finding.status not in (Status.GAP, Status.UNKNOWN):
            findings.append(finding)
            continue
        active = next((w for w in mine if w.expires >= as_of), None)
        if active is not None:
            findings.append(replace(finding, waiver=active))
        else:
            findings.append(replace(finding, expired_waiver=max(mine, key=lambda w: w.expires)))
    return replace(result, findings=tuple(findings))

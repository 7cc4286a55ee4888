"""What makes a run fail (``--fail-on``) and approved exceptions (waivers). Pure functions of results."""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path, PurePath

from .model.criteria import Waiver
from .model.enums import FAIL_ON as FAIL_ON
from .model.enums import Status
from .model.results import Evaluation, FileResult

DEFAULT_FAIL_ON: frozenset[str] = frozenset({"gap", "unknown", "invalid"})


class FailOnError(ValueError):
    """A --fail-on value that is not a choice (``value``, with the nearest choice), or ``never`` given with
    another choice (``value`` is that other choice)."""

    def __init__(self, value: str, contradiction: bool = False) -> None:
        super().__init__(value)
        self.value = value
        self.contradiction = contradiction


def normalise_fail_on(values: Iterable[str] | str) -> frozenset[str]:
    """What fails a run, from ``--fail-on`` values (repeated and/or comma lists: ``gap,unknown``).

    A file that could not be checked always fails the run (``invalid`` is always included), unless the
    user says ``never``, by name and alone: ``--fail-on gap`` never lets a broken file through by accident.
    FailOnError for an unknown value, or for ``never`` together with anything else.
    """
    from .model.enums import FAIL_ON

    items = [values] if isinstance(values, str) else list(values)
    chosen = [part.strip() for item in items for part in str(item).split(",") if part.strip()]
    for value in chosen:
        if value not in FAIL_ON:
            raise FailOnError(value)
    if "never" in chosen:
        other = next((v for v in chosen if v != "never"), None)
        if other is not None:
            raise FailOnError(other, contradiction=True)
        return frozenset()
    return frozenset(chosen) | {"invalid"} if chosen else DEFAULT_FAIL_ON


def exit_code(result: FileResult, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> int:
    """The exit code one file gives under a policy: 0 passes, 1 checked but failing, 2 could not be checked.

    The one place an exit code is decided: workers, the decision record, the batch summary and the API all
    ask here. A file with several evaluations passes when one of them does.
    """
    if not result.checked:
        return 2 if "invalid" in fail_on else 0
    return min(evaluation_exit_code(e, fail_on) for e in result.evaluations)


def evaluation_exit_code(evaluation: Evaluation, fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> int:
    """0 when no blocking finding fails under the policy, else 1."""
    for finding in evaluation.blocking:
        if finding.status is Status.GAP and "gap" in fail_on:
            return 1
        if finding.status is Status.UNKNOWN and "unknown" in fail_on:
            return 1
    return 0


def run_exit_code(results: Iterable[FileResult], fail_on: frozenset[str] = DEFAULT_FAIL_ON) -> int:
    """The exit code of a run: the highest of its files' (0 for none)."""
    return max((exit_code(r, fail_on) for r in results), default=0)


def waiver_matches(waiver: Waiver, source: str) -> bool:
    if waiver.profile is None:
        return True
    absolute = Path(source).resolve().as_posix()
    candidates = {source, PurePath(source).as_posix().rstrip("/"), absolute}
    return any(fnmatch.fnmatchcase(c, waiver.profile.rstrip("/")) for c in candidates)


def apply_waivers(result: FileResult, waivers: Iterable[Waiver], as_of: dt.date) -> FileResult:
    """Mark waived findings. A waiver past its expiry date no longer applies, and the finding says so."""
    relevant = [w for w in waivers if waiver_matches(w, result.source)]
    if not relevant or not result.checked:
        return result
    return replace(result, evaluations=tuple(_apply(e, relevant, as_of) for e in result.evaluations))


def _apply(evaluation: Evaluation, waivers: list[Waiver], as_of: dt.date) -> Evaluation:
    findings = []
    for finding in evaluation.findings:
        mine = [w for w in waivers if w.criterion == finding.criterion.id]
        if not mine or finding.status not in (Status.GAP, Status.UNKNOWN):
            findings.append(finding)
            continue
        active = next((w for w in mine if w.expires >= as_of), None)
        if active is not None:
            findings.append(replace(finding, waiver=active))
        else:
            findings.append(replace(finding, expired_waiver=max(mine, key=lambda w: w.expires)))
    return replace(evaluation, findings=tuple(findings))


def waivers_for_unknown_criteria(waivers: Iterable[Waiver], known: Iterable[str]) -> tuple[Waiver, ...]:
    """Waivers naming a criterion no programme in force has: they waive nothing (a typo, or a retired id)."""
    ids = set(known)
    return tuple(w for w in waivers if w.criterion not in ids)


class PatternUse:
    """Which waivers' ``profile`` patterns have matched a checked path so far: one matching nothing in a
    whole run is a setting that does nothing, and is said. Cheap for a batch: a waiver is dropped from
    the search once it has matched."""

    def __init__(self, waivers: Iterable[Waiver]) -> None:
        self.unmatched = [w for w in waivers if w.profile is not None]

    def seen(self, source: str) -> None:
        if self.unmatched:
            self.unmatched = [w for w in self.unmatched if not waiver_matches(w, source)]

    def watch(self, paths: Iterable[str]) -> Iterator[str]:
        for path in paths:
            self.seen(path)
            yield path

"""The closed value sets of results and criteria: a finding's status, a criterion's kind, a file's verdict,
and what may fail a run. A leaf: the CLI builds its choices from here at start-up."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    MET = "met"
    GAP = "gap"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class Kind(StrEnum):
    GATE = "gate"
    SCORED = "scored"
    ADVISORY = "advisory"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"  # at least one gate has a gap
    INCOMPLETE = "incomplete"  # no gate gap, but some gate lacks information
    INVALID = "invalid"  # the file could not be checked


# What may fail a run (``--fail-on``), with what each means; ``never`` alone: nothing does. The CLI's
# choices and the config schema's enum are this registry (tests/test_vocabulary.py holds them to it).
FAIL_ON: dict[str, str] = {
    "gap": "a gate is not met",
    "unknown": "a gate lacks information",
    "invalid": "a file could not be checked",
    "never": "nothing fails the run",
}

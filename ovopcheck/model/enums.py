"""The closed value sets of results and criteria: a finding's status, a criterion's kind, a file's verdict."""

from __future__ import annotations

from collections.abc import Mapping
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


EXIT_CODES: Mapping[Verdict, int] = {
    Verdict.ELIGIBLE: 0,
    Verdict.NOT_ELIGIBLE: 1,
    Verdict.INCOMPLETE: 1,
    Verdict.INVALID: 2,
}

"""The closed value sets of results and criteria: a finding's status, a criterion's kind, a file's verdict."""

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

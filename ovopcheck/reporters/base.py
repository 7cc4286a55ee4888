"""What every reporter gets, and the protocol it follows: ``add`` each result, then ``close``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO, Protocol

from ..model import CriteriaSet, Result


@dataclass(frozen=True)
class ReportContext:
    lang: str
    fail_on: frozenset[str]
    criteria_set: CriteriaSet
    as_of: dt.date
    verbose: bool = False
    quiet: bool = False
    width: int | None = None
    diagnostics: IO[str] | None = None  # where the text reporter sends invalid-file errors (stderr)


class Reporter(Protocol):
    def add(self, result: Result) -> None: ...

    def close(self) -> None: ...

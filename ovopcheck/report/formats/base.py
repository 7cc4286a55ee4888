"""What every reporter gets, and the protocol it follows.

A reporter works in two steps so that batches can be spread over processes: ``prepare(result, ctx)``
(a module-level function of each reporter module) turns one result into a small, picklable payload and
may run in a worker; the reporter object, in the main process, ``emit``s payloads in input order and
writes what remains at ``close`` (with the batch summary, for the formats that show one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # types only: the CLI reads the format registry at start-up, before any check
    from ...model.criteria import CriteriaSet
    from ..summary import BatchSummary


@dataclass(frozen=True)
class ReportContext:
    """What every reporter needs besides the result: language, policy, criteria set, date, layout."""

    lang: str
    fail_on: frozenset[str]
    criteria_set: CriteriaSet
    as_of: dt.date
    verbose: bool = False
    quiet: bool = False
    width: int = 80
    color_system: str | None = None  # text only: the rich colour system of the destination, None for plain
    unicode: bool = True  # text only: whether the destination takes symbols such as ✔
    no_color: bool = False  # text only: NO_COLOR is set (bold and dim stay, colours go)
    # The sets of other programmes a file of this run may be checked against (a profile with a nominee
    # section is an Upakarti nomination whatever --program says): for the rules of SARIF, and names.
    other_sets: tuple[CriteriaSet, ...] = ()
    bom: bool = False  # csv only: start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8
    delimiter: str = ","  # csv only: ";" for Excel in an Indonesian locale, whose list separator it is

    @property
    def all_sets(self) -> tuple[CriteriaSet, ...]:
        return (self.criteria_set, *self.other_sets)


class Reporter(Protocol):
    def emit(self, payload: Any) -> None: ...

    def close(self, summary: BatchSummary) -> None: ...

"""What the main process needs of one checked file, made where the file was checked (possibly a worker):
waivers applied, the exit code, the summary item and every output's payload."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..frozen import record
from ..model.criteria import Waiver
from ..model.results import Result
from .formats.base import ReportContext
from .summary import SummaryItem, summary_item


@record
class Prepared:
    """What the main process needs of one checked file: small and cheap to send between processes."""

    exit_code: int
    summary: SummaryItem
    payloads: tuple[Any, ...]  # one per output, in the order the outputs were given


def prepare_outputs(
    outputs: tuple[tuple[str, ReportContext], ...],
    fail_on: frozenset[str],
    lang: str,
    waivers: tuple[Waiver, ...],
    as_of: dt.date,
    result: Result,
) -> Prepared:
    """Waivers, exit code, summary item and every output's payload for one result (runs in a worker)."""
    from ..policy import apply_waivers, result_exit_code
    from .formats import preparer

    result = apply_waivers(result, waivers, as_of)
    code = result_exit_code(result, fail_on)
    return Prepared(code, summary_item(result, lang, code), tuple(preparer(fmt)(result, ctx) for fmt, ctx in outputs))

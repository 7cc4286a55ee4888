"""What the main process needs of one checked file, made where the file was checked (possibly a worker):
waivers applied, the file's view, its exit code, the summary item and every output's payload."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..frozen import record
from ..model.criteria import Waiver
from ..model.results import FileResult
from ..policy import apply_waivers, exit_code
from .formats import preparer
from .formats.base import ReportContext
from .summary import SummaryItem, summary_item
from .view import view_of


@record
class Prepared:
    """What the main process needs of one checked file: small and cheap to send between processes."""

    summary: SummaryItem  # with the file's exit code
    payloads: tuple[Any, ...]  # one per output, in the order the outputs were given


def prepare_outputs(
    outputs: tuple[tuple[str, ReportContext], ...],
    fail_on: frozenset[str],
    lang: str,
    waivers: tuple[Waiver, ...],
    as_of: dt.date,
    result: FileResult,
) -> Prepared:
    """Waivers, exit code, summary item and every output's payload for one result (runs in a worker)."""
    view = view_of(apply_waivers(result, waivers, as_of))
    item = summary_item(view, lang, exit_code(view.result, fail_on))
    return Prepared(item, tuple(preparer(fmt)(view, ctx) for fmt, ctx in outputs))

"""The batch summary a provincial office acts on: verdict counts, by commodity group and by
kabupaten/kota, the criteria failing most often (what to coach), and the files that could not be checked.

Each result is reduced to a small ``SummaryItem`` (cheap to send between processes); the summary only
keeps counters, so its memory does not grow with the number of files (except the list of invalid files).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..frozen import record
from .sentences import problem_line
from .view import FileView

UNKNOWN_GROUP = "?"


def group_label(value: str, lang: str) -> str:
    """A summary group as people read it: a commodity group by its label (``makanan_minuman`` -> makanan dan
    minuman), a kabupaten/kota as written, and "(not given)" for a profile that gives none."""
    from .messages import MESSAGES, message

    if value == UNKNOWN_GROUP:
        return message("summary.not_given", lang)
    key = f"choice.{value}"
    return message(key, lang) if key in MESSAGES else value


@record
class SummaryItem:
    """What the batch summary needs of one checked file (small: it crosses between processes)."""

    source: str
    verdict: str
    exit_code: int
    commodity_group: str
    kabupaten_kota: str
    gaps: tuple[str, ...] = ()  # gate criteria with a (not waived) gap, in the best evaluation
    unknowns: tuple[str, ...] = ()
    error: str | None = None  # the first problem line of an invalid file


def summary_item(view: FileView, lang: str, exit_code: int) -> SummaryItem:
    result = view.result
    if not result.checked:
        first = problem_line(result.source, result.problems[0], lang) if result.problems else result.source
        return SummaryItem(result.source, result.verdict.value, exit_code, UNKNOWN_GROUP, UNKNOWN_GROUP, error=first)
    subject = view.subject
    return SummaryItem(
        result.source,
        result.verdict.value,
        exit_code,
        subject.commodity_group or UNKNOWN_GROUP,
        subject.kabupaten_kota or UNKNOWN_GROUP,
        tuple(f.criterion.id for f in view.gaps),
        tuple(f.criterion.id for f in view.unknowns),
    )


@dataclass(eq=False)
class BatchSummary:
    """Counts over a batch: by verdict, commodity group and kabupaten/kota, and the most frequent gaps."""

    files: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    by_commodity: dict[str, Counter[str]] = field(default_factory=dict)
    by_kabupaten: dict[str, Counter[str]] = field(default_factory=dict)
    gaps: Counter[str] = field(default_factory=Counter)
    unknowns: Counter[str] = field(default_factory=Counter)
    invalid: list[str] = field(default_factory=list)
    exit_code: int = 0

    def add(self, item: SummaryItem) -> None:
        self.files += 1
        self.verdicts[item.verdict] += 1
        self.exit_code = max(self.exit_code, item.exit_code)
        if item.error is not None:
            self.invalid.append(item.error)
            return
        self.by_commodity.setdefault(item.commodity_group, Counter())[item.verdict] += 1
        self.by_kabupaten.setdefault(item.kabupaten_kota, Counter())[item.verdict] += 1
        self.gaps.update(item.gaps)
        self.unknowns.update(item.unknowns)

    def top_gaps(self, n: int = 10) -> list[tuple[str, int]]:
        return sorted(self.gaps.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def top_unknowns(self, n: int = 10) -> list[tuple[str, int]]:
        return sorted(self.unknowns.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def record(self) -> dict[str, Any]:
        """As JSON data (the ``summary`` of --format json)."""
        return {
            "files": self.files,
            "verdicts": dict(sorted(self.verdicts.items())),
            "by_commodity_group": {k: dict(sorted(v.items())) for k, v in sorted(self.by_commodity.items())},
            "by_kabupaten_kota": {k: dict(sorted(v.items())) for k, v in sorted(self.by_kabupaten.items())},
            "most_frequent_gaps": [{"criterion": c, "files": n} for c, n in self.top_gaps()],
            "most_frequent_unknowns": [{"criterion": c, "files": n} for c, n in self.top_unknowns()],
            "invalid": list(self.invalid),
            "exit_code": self.exit_code,
        }

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
from ..model.results import FileResult
from ..regions import Placed, place
from .sentences import problem_line
from .view import FileView

UNKNOWN_GROUP = "?"
ORIGIN = "\x00"  # before the folder (or sheet) a file that could not be checked came from, as its group


def group_label(value: str, lang: str) -> str:
    """A summary group as people read it: a commodity group by its label (``makanan_minuman`` -> makanan dan
    minuman), a kabupaten/kota as written, and "(not given)" for a profile that gives none."""
    from .messages import MESSAGES, message

    if value == UNKNOWN_GROUP:
        return message("summary.not_given", lang)
    if value.startswith(ORIGIN):  # a file that could not be checked and says nothing of its place
        return message("summary.from", lang, origin=value[len(ORIGIN) :])
    key = f"choice.{value}"
    return message(key, lang) if key in MESSAGES else value


@record
class SummaryItem:
    """What the batch summary needs of one checked file (small: it crosses between processes)."""

    source: str
    verdict: str
    exit_code: int
    commodity_group: str
    kabupaten_kota: str  # the Kemendagri name when the list has it (``Kab. Garut`` -> Kabupaten Garut)
    provinsi: str = UNKNOWN_GROUP
    gaps: tuple[str, ...] = ()  # gate criteria with a (not waived) gap, in the best evaluation
    unknowns: tuple[str, ...] = ()
    error: str | None = None  # the first problem line of an invalid file
    region_note: str | None = None  # a kabupaten/kota or provinsi on no list, said in the report language


def summary_item(view: FileView, lang: str, exit_code: int) -> SummaryItem:
    """A file's place in the summary: by its kabupaten/kota and provinsi on the Kemendagri list (as written
    when the list lacks them), and, for a file that could not be checked, by what could be read of it, else
    by the folder (or sheet) it came from, so that every file is counted somewhere."""
    result = view.result
    subject = view.subject
    kabupaten, provinsi = view.region_names
    commodity, note = subject.commodity_group or UNKNOWN_GROUP, view.region_note(lang)
    if not result.checked and not (kabupaten or provinsi):
        # Nothing readable says where: a folder named after its kabupaten/kota (usulan/Kabupaten_Garut/)
        # does; else the file is counted under the folder (or sheet) it came from.
        folder = _origin(result)
        named = _folder_place(folder)
        if named is not None and named.kabupaten_kota is not None:
            kabupaten = named.kabupaten_kota.name
            provinsi = named.provinsi.name if named.provinsi else None
        else:
            kabupaten = provinsi = ORIGIN + folder
    if not result.checked:
        first = problem_line(result.source, result.problems[0], lang) if result.problems else result.source
        return SummaryItem(
            result.source, result.verdict.value, exit_code, commodity, kabupaten or UNKNOWN_GROUP,
            provinsi or UNKNOWN_GROUP, error=first, region_note=note,
        )  # fmt: skip
    return SummaryItem(
        result.source, result.verdict.value, exit_code, commodity, kabupaten or UNKNOWN_GROUP,
        provinsi or UNKNOWN_GROUP, tuple(f.criterion.id for f in view.gaps),
        tuple(f.criterion.id for f in view.unknowns), region_note=note,
    )  # fmt: skip


def _folder_place(folder: str) -> Placed | None:
    """The kabupaten/kota the folder, or the one above it (a dossier's), is named after, unambiguously; no
    folder further up, whose name could match by chance (``/home/batu``)."""
    from pathlib import PurePath

    if ":" in PurePath(folder).name:  # a spreadsheet's sheet (rekap.xlsx:IKM) names no place
        return None
    for part in list(reversed(PurePath(folder).parts))[:2]:
        placed = place(part.replace("_", " ").replace("-", " "), None)
        if placed.kabupaten_kota is not None and not placed.problem:
            return placed
    return None


def _origin(result: FileResult) -> str:
    """The folder a file is in, or the sheet a spreadsheet's row is on (``rekap.xlsx:Sheet1``)."""
    workbook = result.profile_path
    if workbook and result.source.startswith(workbook + ":"):  # a row, or a sheet, of a spreadsheet
        return result.source.split("!", 1)[0]
    from pathlib import PurePath

    return str(PurePath(result.source).parent)


@dataclass(eq=False)
class BatchSummary:
    """Counts over a batch: by verdict, commodity group and kabupaten/kota, and the most frequent gaps."""

    files: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    by_commodity: dict[str, Counter[str]] = field(default_factory=dict)
    by_kabupaten: dict[str, Counter[str]] = field(default_factory=dict)
    by_provinsi: dict[str, Counter[str]] = field(default_factory=dict)
    region_notes: Counter[str] = field(default_factory=Counter)
    gaps: Counter[str] = field(default_factory=Counter)
    unknowns: Counter[str] = field(default_factory=Counter)
    invalid: list[str] = field(default_factory=list)
    exit_code: int = 0

    def add(self, item: SummaryItem) -> None:
        self.files += 1
        self.verdicts[item.verdict] += 1
        self.exit_code = max(self.exit_code, item.exit_code)
        # Every file in every breakdown, those that could not be checked too: the tables add up to the total.
        self.by_commodity.setdefault(item.commodity_group, Counter())[item.verdict] += 1
        self.by_kabupaten.setdefault(item.kabupaten_kota, Counter())[item.verdict] += 1
        self.by_provinsi.setdefault(item.provinsi, Counter())[item.verdict] += 1
        if item.region_note is not None:
            self.region_notes[item.region_note] += 1
        if item.error is not None:
            self.invalid.append(item.error)
            return
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
            "by_commodity_group": {_shown(k): dict(sorted(v.items())) for k, v in sorted(self.by_commodity.items())},
            "by_kabupaten_kota": {_shown(k): dict(sorted(v.items())) for k, v in sorted(self.by_kabupaten.items())},
            "by_provinsi": {_shown(k): dict(sorted(v.items())) for k, v in sorted(self.by_provinsi.items())},
            "region_notes": [{"note": note, "files": n} for note, n in sorted(self.region_notes.items())],
            "most_frequent_gaps": [{"criterion": c, "files": n} for c, n in self.top_gaps()],
            "most_frequent_unknowns": [{"criterion": c, "files": n} for c, n in self.top_unknowns()],
            "invalid": list(self.invalid),
            "exit_code": self.exit_code,
        }


def _shown(group: str) -> str:
    """A group key as JSON gives it: the folder or sheet of unreadable files after a ``<`` (no NUL byte)."""
    return "<" + group[len(ORIGIN) :] if group.startswith(ORIGIN) else group

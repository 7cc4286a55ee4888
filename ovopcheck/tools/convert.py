"""``ovopcheck convert``: between the sheet an office keeps and the dossiers it submits, losing nothing.

Inputs are whatever ``ovopcheck check`` reads (profiles, dossier folders, folders of them, spreadsheets of IKM
rows); each is read, typed and validated as a check would. The target decides the direction:
- a workbook (``.xlsx``) or a ``.csv``: one row per IKM, headings in the report language, only the
  columns some IKM fills;
- anything else is a folder: one dossier folder per IKM, named from the business name, with its
  ``profile.yaml``.
Nothing is ever written over: an existing workbook is refused, an existing dossier name gets ``-2``, ``-3``.
An input that cannot be read is reported with its located problems and left out; the others are converted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..batch.discover import Named, Skipped, discover
from ..checker import load_dossier_profile
from ..errors import InputError, Problem
from ..frozen import record
from ..loading.profile import load_profile
from ..loading.row import load_row
from ..loading.sheet import SheetError, SheetRow

WORKBOOK_SUFFIXES = (".xlsx", ".csv")


@record
class Read:
    """One IKM read from the inputs: where from, and its profile data."""

    source: str
    data: Mapping[str, Any]


@record
class Unread:
    """An input that could not be converted, and why."""

    source: str
    problems: tuple[Problem, ...]


def read_inputs(paths: Iterable[str]) -> Iterator[Read | Unread]:
    """Every IKM the inputs hold, in the order a check would take them."""
    for item in discover(paths):
        if isinstance(item, SheetError | Skipped):
            problems = item.problems if isinstance(item, SheetError) else (Problem(item.reason),)
            yield Unread(str(item), tuple(problems))
            continue
        try:
            if isinstance(item, SheetRow):
                yield Read(str(item), load_row(item).data)
                continue
            path = Path(item.path if isinstance(item, Named) else item)
            if path.is_dir():  # a dossier: its profile.yaml, read as a check reads it (never from outside)
                yield Read(str(item), load_dossier_profile(path).data)
                continue
            yield Read(str(item), load_profile(path, str(item)).data)
        except InputError as exc:
            yield Unread(exc.source, tuple(exc.problems))


def is_workbook_target(target: str) -> bool:
    return target.lower().endswith(WORKBOOK_SUFFIXES)


# ---------------------------------------------------------------- to a workbook


class Spool:
    """The IKM gathered for a workbook, kept on disk (one JSON line each) with the columns they fill, so that
    the workbook's columns are known before its first row is written and memory does not grow with rows."""

    def __init__(self) -> None:
        import tempfile

        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self.count = 0
        self.used: set[str] = set()

    def add(self, data: Mapping[str, Any]) -> None:
        from .workbook import filled_columns

        self.file.write(json.dumps(data, ensure_ascii=False) + "\n")
        self.used |= filled_columns(data)
        self.count += 1

    def rows(self) -> Iterator[dict[str, Any]]:
        self.file.seek(0)
        for line in self.file:
            yield json.loads(line)

    def close(self) -> None:
        self.file.close()


def to_workbook(spool: Spool, target: Path, lang: str) -> None:
    """The IKM as one workbook (or CSV), written beside the target and put in place only if the target
    still does not exist (never over a file)."""
    from .workbook import in_order, write_new, write_profiles

    chosen = in_order(spool.used)
    if target.suffix.lower() == ".csv":
        write_new(target, lambda temporary: _write_csv(temporary, spool.rows(), lang, chosen))
    else:
        write_new(target, lambda temporary: write_profiles(temporary, spool.rows(), lang, chosen=chosen))


def _write_csv(path: Path, rows: Iterable[Mapping[str, Any]], lang: str, chosen: list[Any]) -> None:
    """CSV with a UTF-8 BOM (Excel), ``;``-separated in Indonesian (Excel's separator there), else ``,``."""
    import csv

    from .workbook import cell_value

    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";" if lang == "id" else ",")
        writer.writerow([c.label(lang) for c in chosen])
        for data in rows:
            values = [cell_value(c, data) for c in chosen]
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in values])


# ---------------------------------------------------------------- to dossier folders


def folder_name(name: str, fallback: str) -> str:
    """A dossier folder's name from a business name: ``UD Dodol Nanas "Bu Ani"`` -> ``ud-dodol-nanas-bu-ani``;
    letters and digits only (accents dropped), at most 60 characters; ``fallback`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def programme_of(data: Mapping[str, Any]) -> str:
    """The programme a profile is for: its ``programme``, else Upakarti for a nominee, else OVOP."""
    return str(data.get("programme") or ("upakarti" if "nominee" in data else "ovop"))


def to_dossier(read: Read, target: Path, number: int, today: dt.date, extra: Mapping[str, str] | None = None) -> Path:
    """A new dossier folder for one IKM under ``target``, as ``ovopcheck init`` makes one: its profile.yaml,
    a ``docs/`` folder for the documents and the ``extra`` files (the programme's CHECKLIST.md); never an
    existing folder."""
    business = read.data.get("business") or {}
    nominee = read.data.get("nominee") or {}
    name = str(business.get("name") or nominee.get("name") or "")
    base = folder_name(name, f"ikm-{number}")
    for attempt in range(1, 10_000):
        folder = target / (base if attempt == 1 else f"{base}-{attempt}")
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            continue
        header = f"# {read.source} -> ovopcheck convert, {today.isoformat()}\n"
        with (folder / "profile.yaml").open("x", encoding="utf-8") as handle:
            handle.write(header + dump_profile(read.data))
        (folder / "docs").mkdir()
        for name, text in (extra or {}).items():
            with (folder / name).open("x", encoding="utf-8") as handle:
                handle.write(text)
        return folder
    raise FileExistsError(str(target / base))  # pragma: no cover - ten thousand folders of one name


def dump_profile(data: Mapping[str, Any]) -> str:
    """Profile data as YAML text that ovopcheck reads back to the same data: identifiers, dates and any text
    that YAML would read as something else are quoted; keys in the schema's order as given."""
    import yaml

    # libyaml's emitter when PyYAML has it: the same text, five times faster (a sheet of thousands of rows).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        _plain(data), Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100,
        indent=2,
    )  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value

"""The documents of a dossier: inspecting the files safely (I/O) and judging them on a date (pure).

``inspect`` is the only code that opens a document. It never leaves the dossier folder: the path must be
relative without ``..``, the resolved path (symlinks followed) must stay inside the folder, and only a
regular, non-empty file under the size limit is opened, without following a final symlink and without
blocking. It reads the first bytes for the file type and streams the rest for the SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from .frozen import record
from .rules.compare import lookup, shift_date

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# All the documents of one dossier, read and hashed (each file once, however often it is listed): a bound on
# the work one dossier can cause (200 listed documents of 20 MiB would be 4 GiB). Hashing runs at about
# 1.6 GB/s here, so a dossier at the bound is checked in well under 2 s (tests/test_hostile.py).
MAX_DOSSIER_BYTES = 200 * 1024 * 1024

# Magic bytes, not file extensions: a renamed file is caught.
_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)


@record
class DocType:
    """What is known of a document type a dossier may list: file kinds accepted, number shape, validity."""

    formats: frozenset[str]
    number: re.Pattern[str] | None = None  # the shape a number of this type must have
    profile_number: str | None = None  # the profile field that must carry the same number
    validity_years: int | None = None  # validity from the issue date when no expiry date is written
    # The last day on which a written end date still ends the document (None: it always does). A halal
    # certificate stays valid while its materials and process are unchanged from PP 42/2024 Pasal 88(2)
    # (17 Oct 2024): after that a past end date is for the criteria to raise, not an expired document.
    end_date_binds_until: dt.date | None = None


_SCANS = frozenset({"pdf", "jpeg", "png"})
DOC_TYPES: Mapping[str, DocType] = {
    "nib": DocType(_SCANS, re.compile(r"[0-9]{13}"), "business.nib"),
    "industry_licence": DocType(_SCANS, None, "business.industry_licence.number"),
    "sentra_decree": DocType(_SCANS, None, "sentra.decree.number"),
    "spp_irt": DocType(_SCANS, re.compile(r"[0-9]{15}"), "food_permits.izin_edar.number", validity_years=5),
    "bpom_md": DocType(_SCANS, re.compile(r"M[DL][0-9]{12}"), "food_permits.izin_edar.number"),
    "halal_certificate": DocType(
        _SCANS, None, "food_permits.halal_certificate.number", end_date_binds_until=dt.date(2024, 10, 16)
    ),
    "lab_report": DocType(_SCANS, None, "food_permits.lab_test.report_number"),
    "proposal_letter": DocType(_SCANS, None, "proposal.letter_number"),
    "product_photo": DocType(frozenset({"jpeg", "png"})),
    "other": DocType(_SCANS),
}


@record
class FileFacts:
    """What ``inspect`` found on disk. ``problem`` is None when the file could be read."""

    # outside | absolute | not_found | not_regular | empty | too_large | over_budget | unreadable
    problem: str | None = None
    kind: str | None = None  # pdf | png | jpeg | None (unrecognised)
    size: int = 0
    sha256: str | None = None


@record
class DocumentCheck:
    """One listed document judged on the "as of" date."""

    index: int
    type: str
    path: str
    problem: str | None  # None: valid
    detail: str = ""

    @property
    def valid(self) -> bool:
        return self.problem is None


def locate(root: Path, relative: str) -> tuple[str | None, str | None]:
    """The real path of ``relative`` inside ``root``, or the reason it may not be read."""
    if "\x00" in relative:
        return None, "outside"
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", relative):
        return None, "absolute"
    if ".." in pure.parts:
        return None, "outside"
    base = os.path.realpath(root)
    target = os.path.realpath(Path(base).joinpath(*pure.parts))
    if os.path.commonpath([base, target]) != base:
        return None, "outside"  # a symlink somewhere along the path leads out of the dossier
    return target, None


def inspect(root: Path, relative: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> FileFacts:
    """Look at ``relative`` inside the dossier ``root`` without ever reading outside it."""
    target, problem = locate(root, relative)
    if target is None:
        return FileFacts(problem)
    return _inspect_target(target, max_bytes)


def _inspect_target(target: str, max_bytes: int, budget: int | None = None) -> FileFacts:
    """Read and hash ``target`` (already located inside its dossier): at most ``max_bytes`` for the file,
    and, when given, at most ``budget`` bytes (what is left of the dossier's)."""
    try:
        before = os.lstat(target)
    except FileNotFoundError:
        return FileFacts("not_found")
    except OSError:
        return FileFacts("unreadable")
    if not stat.S_ISREG(before.st_mode):
        return FileFacts("not_regular")  # FIFO, device, socket, folder, or a symlink loop: never opened
    if before.st_size == 0:
        return FileFacts("empty")
    if before.st_size > max_bytes:
        return FileFacts("too_large", size=before.st_size)
    if budget is not None and before.st_size > budget:
        return FileFacts("over_budget", size=before.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags)
    except OSError:
        return FileFacts("unreadable")
    try:
        after = os.fstat(fd)
        # The file checked above must be the file opened (no swap in between).
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino) or not stat.S_ISREG(after.st_mode):
            return FileFacts("unreadable")
        digest = hashlib.sha256()
        head = b""
        total = 0
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            if not head:
                head = chunk[:16]
            total += len(chunk)
            if total > max_bytes:
                return FileFacts("too_large", size=total)
            if budget is not None and total > budget:  # it grew since the stat
                return FileFacts("over_budget", size=total)
            digest.update(chunk)
    except OSError:
        return FileFacts("unreadable")
    finally:
        os.close(fd)
    if total == 0:
        return FileFacts("empty")
    kind = next((name for magic, name in _MAGIC if head.startswith(magic)), None)
    return FileFacts(None, kind, total, digest.hexdigest())


def inspect_all(root: Path, documents: list[Mapping[str, Any]], budget: int = MAX_DOSSIER_BYTES) -> list[FileFacts]:
    """Each listed document's facts, in order. A file listed more than once (under any spelling of its
    path) is read and hashed once; once ``budget`` bytes have been read, the remaining documents are not
    (``over_budget``), so a dossier's cost is bounded whatever it lists."""
    seen: dict[str, FileFacts] = {}
    left = budget
    out: list[FileFacts] = []
    for entry in documents:
        target, problem = locate(root, str(entry.get("path", "")))
        if target is None:
            out.append(FileFacts(problem))
            continue
        facts = seen.get(target)
        if facts is None:
            facts = seen[target] = _inspect_target(target, MAX_DOCUMENT_BYTES, left)
            if facts.problem is None:
                left -= facts.size
        out.append(facts)
    return out


def judge(
    documents: list[Mapping[str, Any]], facts: list[FileFacts], profile: Mapping[str, Any], as_of: dt.date
) -> tuple[DocumentCheck, ...]:
    """Each listed document as valid or not on ``as_of``, with the reason. Pure."""
    out = []
    for index, (entry, found) in enumerate(zip(documents, facts, strict=True)):
        doc_type = str(entry.get("type", "other"))
        path = str(entry.get("path", ""))
        problem, detail = _judge_one(doc_type, entry, found, profile, as_of)
        out.append(DocumentCheck(index, doc_type, path, problem, detail))
    return tuple(out)


def _judge_one(
    doc_type: str, entry: Mapping[str, Any], found: FileFacts, profile: Mapping[str, Any], as_of: dt.date
) -> tuple[str | None, str]:
    spec = DOC_TYPES.get(doc_type, DOC_TYPES["other"])
    if found.problem is not None:
        return found.problem, ""
    if found.kind not in spec.formats:
        return "wrong_type", found.kind or "?"
    claimed = entry.get("sha256")
    if isinstance(claimed, str) and claimed.lower() != found.sha256:
        return "hash_mismatch", found.sha256 or ""
    number = entry.get("number")
    if isinstance(number, str):
        if spec.number is not None and not spec.number.fullmatch(number):
            return "bad_number", number
        # Digits 14-15 of a P-IRT number are the year it expires.
        expires_text = entry.get("expires")
        if doc_type == "spp_irt" and isinstance(expires_text, str) and number[-2:] != expires_text[2:4]:
            return "pirt_year_mismatch", number[-2:]
        if spec.profile_number is not None:
            claimed_number = lookup(profile, spec.profile_number)
            if isinstance(claimed_number, str) and claimed_number != number:
                return "number_differs", claimed_number
    issued = _date(entry.get("issued"))
    expires = _date(entry.get("expires"))
    if issued is not None and issued > as_of:
        return "not_yet_valid", issued.isoformat()
    if expires is None and issued is not None and spec.validity_years:
        expires = shift_date(issued, years=spec.validity_years)
    binds = spec.end_date_binds_until is None or as_of <= spec.end_date_binds_until
    if expires is not None and expires < as_of and binds:
        return "expired", expires.isoformat()
    return None, ""


def _date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None

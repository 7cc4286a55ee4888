"""Load and validate profiles and criteria files: the only place that reads input files."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from typing import Any

from ..errors import InputError, Problem
from ..frozen import record
from ..model.results import Reading, who_and_where
from . import read
from .schema import problems, schema_index
from .syntax import looks_like_csv
from .tree import NodePositions, Positions, to_data


@record
class LoadedProfile:
    """A profile read, typed and validated, with its SHA-256 and where each field was written."""

    source: str
    data: Mapping[str, Any]
    positions: Positions
    sha256: str
    readings: tuple[Reading, ...] = ()  # values written the officer's way (see forms.py)


def parse_document(
    text: str, source: str, schema_name: str, readings: list[Reading] | None = None
) -> tuple[Any, Positions]:
    """YAML text -> data typed and validated against a packaged schema, or InputError. Values read from
    the forms officers write (profiles only) are appended to ``readings``."""
    document = read.parse(text, source)
    data, positions = to_data(
        document.root,
        schema_index(schema_name),
        drop_empty_sections=schema_name == "profile",
        source=source,
        aliases_possible="*" in text,
        readings=readings,
    )
    if not isinstance(data, dict):
        if looks_like_csv(text):
            raise InputError(source, [Problem("profile_is_csv", {}, 1, 1)])
        raise InputError(source, [Problem("not_a_mapping", {"kind": _kind_of(data)}, 1, 1)])
    found = problems(schema_name, data, positions)
    if found:
        raise InputError(source, found, who_and_where(data) if schema_name == "profile" else None)
    return data, positions


def load_profile(
    path: str | os.PathLike[str], source: str | None = None, *, lazy_positions: bool = False
) -> LoadedProfile:
    """Read, type and validate a profile file, or raise InputError.

    Where each field was written is known from the node tree. With ``lazy_positions`` the table is
    built only if something asks (0.05 ms a profile, often not needed), but the tree is kept until then
    (~45 KiB more a profile): for a caller that drops each result once reported, as a batch does.
    """
    name = source if source is not None else os.fspath(path)
    text = read.read_text(path, name)
    readings: list[Reading] = []
    data, positions = parse_document(text, name, "profile", readings)
    if not lazy_positions and isinstance(positions, NodePositions):
        positions = positions.table()
    return LoadedProfile(name, data, positions, hashlib.sha256(text.encode("utf-8")).hexdigest(), tuple(readings))


def profile_from_text(text: str, source: str = "<profile>") -> LoadedProfile:
    readings: list[Reading] = []
    data, positions = parse_document(text, source, "profile", readings)
    return LoadedProfile(source, data, positions, hashlib.sha256(text.encode("utf-8")).hexdigest(), tuple(readings))


def _kind_of(data: Any) -> str:
    if isinstance(data, list):
        return "list"
    if data is None:
        return "empty"
    return "scalar"


def looks_like_profile(path: str | os.PathLike[str]) -> bool:
    """Whether a YAML file is a profile to check, by its content, not its name: a mapping with a profile's
    top-level key (``schema_version``, ``business``, ``nominee``...). A file whose top level names only
    other keys (a criteria file, a CI configuration) or is a list is not; one that cannot be told
    (unreadable, broken, empty) is, so that checking it says what is wrong. For --only-profiles."""
    import re
    from pathlib import Path

    from .resources import schema

    file = Path(path)
    try:
        if not file.is_file():  # a FIFO or a device is never opened here (it could block): checking says
            return True
        with file.open("rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", errors="replace")
    except OSError:
        return True
    keys = set(re.findall(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:", head, re.MULTILINE))
    if keys:
        return bool(keys & set(schema("profile")["properties"]))
    lines = (line for line in head.splitlines() if line.strip() and not line.startswith(("#", "---", "%")))
    return not next(lines, "").startswith("- ")  # a top-level list is no profile

"""What a spreadsheet cell holds, as text: the one form every cell is read in, and lists written in a cell.

A cell's value becomes the text a YAML profile would hold, and is typed by the schema like any profile
value (so ``0120304050607`` in a text cell stays a NIB, ``ya`` is read as true, ``Rp 850.000.000`` as a
number). A spreadsheet's own types are turned into that text: a whole number without ``.0``, a date
as ``YYYY-MM-DD``, a true/false cell as ``true``/``false``.

Lists in one cell (documented in the README and the template's instruction sheet):
- a list of values (KBLI codes, export countries): one value a line (Alt+Enter in Excel), or values
  separated by ``;`` — ``13134; 13133``;
- a list of entries (raw materials, documents, fostered IKM): one entry a line (or entries separated by
  ``;``), its parts separated by ``|`` in the column's order, trailing parts left out when empty —
  ``kain mori | national | Pekalongan | 55``.
A ``;``, ``|`` or ``\\`` that belongs to a value is written with a ``\\`` before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

_ESCAPED = re.compile(r"\\([\\;|])")


def cell_text(value: Any) -> str | None:
    """A cell's value as the text a profile would hold; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at every ``separator`` not escaped with a backslash; parts stripped, escapes kept."""
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current).strip())
    return parts


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


def list_items(text: str) -> list[str]:
    """The items of a list cell, escapes still in place: one a line, else separated by ``;``."""
    if "\n" in text:
        lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
        return [line for line in lines if line]
    return [item for item in _split(text, ";") if item]


def entry_parts(item: str) -> list[str]:
    """The parts of one entry (``name | origin | area | share``), unescaped; an empty part is ""."""
    return [unescape(part) for part in _split(item, "|")]


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace("|", "\\|")


def join_list(values: Iterable[str]) -> str:
    """Values written as one cell, one a line (read back by ``list_items``)."""
    return "\n".join(escape(value.replace("\n", " ")) for value in values)


def join_entries(entries: Iterable[Iterable[str]]) -> str:
    """Entries written as one cell, one a line, parts separated by `` | ``, trailing empty parts left out."""
    lines = []
    for parts in entries:
        shown = [escape(part.replace("\n", " ")) for part in parts]
        while shown and shown[-1] == "":
            shown.pop()
        lines.append(" | ".join(shown))
    return "\n".join(lines)

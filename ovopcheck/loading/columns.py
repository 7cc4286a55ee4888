"""The columns of an IKM spreadsheet (one IKM per row), derived from the profile schema so they never drift.

Every field that holds one value is a column, named by its dotted path (``business.nib``) or by its label
in Indonesian or English (``NIB``, ``Tenaga kerja``, ``Workforce``), from the schema's ``x-label-id`` and
``x-label``. A list is one column too: a list of values (KBLI codes, export countries) takes one value a
line, or values separated by ``;``; a list of entries (raw materials, documents, fostered IKM) takes one
entry a line, its parts separated by ``|`` in a fixed order (see ``cells.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..frozen import record
from .resources import schema
from .schema import schema_index


@record
class Part:
    """One part of a list entry written in a cell (``nama | asal | daerah | persen``)."""

    name: str
    label_id: str
    label_en: str
    types: frozenset[str]
    enum: tuple[Any, ...]


@record
class Column:
    """A column of the IKM sheet: the profile field it fills, its labels, and what a cell holds."""

    path: str  # dotted: ``business.address.kabupaten_kota``
    label_id: str
    label_en: str
    kind: str  # "value", "list" (of values) or "entries" (a list of entries, parts separated by "|")
    types: frozenset[str]  # JSON types of the value (of each item, for a list)
    enum: tuple[Any, ...]  # the choices, if the field is a choice
    is_date: bool
    description_id: str
    description_en: str
    parts: tuple[Part, ...] = ()  # for "entries"
    aliases: tuple[str, ...] = ()  # other headings offices write for it (``Nama IKM``, ``Jumlah TK``)

    def label(self, lang: str) -> str:
        return self.label_id if lang == "id" else self.label_en

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


def _resolve(node: Any) -> dict[str, Any]:
    return schema_index("profile").resolve(node) or {}


def _types(node: Mapping[str, Any]) -> frozenset[str]:
    """The JSON types a value may take there (the schema walk's own answer); text when it says none."""
    return schema_index("profile").types(dict(node)) or frozenset(["string"])


def _is_date(raw: Mapping[str, Any], node: Mapping[str, Any]) -> bool:
    return raw.get("$ref") == "#/$defs/date" or node.get("format") == "date"


@cache
def columns() -> tuple[Column, ...]:
    """Every column, in the schema's order."""
    out: list[Column] = []
    _collect(schema("profile"), "", out)
    return tuple(out)


def _collect(node: Mapping[str, Any], path: str, out: list[Column]) -> None:
    for key, raw in node.get("properties", {}).items():
        child = _resolve(raw)
        dotted = f"{path}.{key}" if path else key
        if child.get("type") == "object" or "properties" in child:
            _collect(child, dotted, out)
            continue
        label_id = str(raw.get("x-label-id") or child.get("x-label-id") or dotted)
        label_en = str(raw.get("x-label") or child.get("x-label") or dotted)
        if dotted.startswith("nominee.address."):
            # The nominee's address shares the business address's schema: its columns must be told apart.
            label_id, label_en = f"{label_id} calon", f"Nominee {label_en[0].lower()}{label_en[1:]}"
        description = (str(raw.get("x-description-id") or child.get("x-description-id", "")),
                       str(raw.get("description") or child.get("description", "")))  # fmt: skip
        if child.get("type") == "array":
            items = _resolve(child.get("items", {}))
            if items.get("type") == "object":
                parts = tuple(_part(name, p) for name, p in items.get("properties", {}).items())
                out.append(Column(dotted, label_id, label_en, "entries", frozenset(["object"]), (), False,
                                  *description, parts))  # fmt: skip
            else:
                out.append(Column(dotted, label_id, label_en, "list", _types(items), tuple(items.get("enum", ())),
                                  _is_date(child.get("items", {}), items), *description,
                                  aliases=tuple(raw.get("x-heading-aliases", ()))))  # fmt: skip
            continue
        # The nominee's address borrows the business address's schema, not its headings.
        aliases = () if dotted.startswith("nominee.") else tuple(raw.get("x-heading-aliases", ()))
        out.append(Column(dotted, label_id, label_en, "value", _types(child), tuple(child.get("enum", ())),
                          _is_date(raw, child), *description, aliases=aliases))  # fmt: skip


def _part(name: str, raw: Mapping[str, Any]) -> Part:
    node = _resolve(raw)
    label_id, label_en = str(raw.get("x-label-id", name)), str(raw.get("x-label", name))
    return Part(name, label_id, label_en, _types(node), tuple(node.get("enum", ())))


def heading_key(text: str) -> str:
    """A heading as compared: case, spacing, punctuation and a trailing note in brackets do not matter,
    so ``Kabupaten / Kota``, ``kabupaten/kota`` and ``KABUPATEN/KOTA (wajib)`` are one heading."""
    text = re.sub(r"\s*[\(\[][^()\[\]]*[\)\]]\s*$", "", text.strip()) or text
    return " ".join(re.findall(r"[0-9a-z%]+", text.casefold()))


@cache
def by_heading() -> dict[str, Column]:
    """Every way a heading may name a column (Indonesian label, English label, a heading offices often
    write for it) -> the column. All are unique (a test holds it); a dotted path is matched as written."""
    found: dict[str, Column] = {}
    for column in columns():
        for label in (column.label_id, column.label_en, *column.aliases):
            found.setdefault(heading_key(label), column)
    return found


@cache
def by_path() -> dict[str, Column]:
    return {column.path: column for column in columns()}


def column_of(path: tuple[str | int, ...]) -> Column | None:
    """The column a field path is written in: its own, or the list column it is an entry of
    (``product.raw_materials[1].share_percent`` is in ``product.raw_materials``); None when no column is."""
    keys = [p for p in path if isinstance(p, str)]
    table = by_path()
    for end in range(len(keys), 0, -1):
        found = table.get(".".join(keys[:end]))
        if found is not None:
            return found
    return None


def column_for(heading: str) -> Column | None:
    """The column a heading names (its dotted path, or either label), or None."""
    text = heading.strip()
    return by_path().get(text) or by_heading().get(heading_key(text))


# Headings an office's sheet often has that are no profile field: a running number. They are ignored.
ROW_NUMBER_HEADINGS = frozenset({"no", "nomor", "no urut", "nomor urut", "#"})


def is_row_number(heading: str) -> bool:
    return heading_key(heading) in ROW_NUMBER_HEADINGS or heading.strip() == "#"

"""One spreadsheet row -> a profile, typed and validated exactly as a YAML profile is.

The row's cells are made into the node tree a YAML file would compose to (every cell a plain scalar, placed
at its row and column), so the same walk types each value by the schema, reads the forms officers write
(``ya``, ``Rp 850.000.000``, ``17/08/2024``) and the same validation explains what is wrong. Each problem is
then placed at its cell (``rekap.xlsx:Sheet1!C7``) with the column's heading and the row's business name.
"""

from __future__ import annotations

from typing import Any

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import InputError, Problem
from ..model.results import Reading, who_and_where
from .cells import entry_parts, list_items, unescape
from .columns import Column, by_path, column_of
from .profile import LoadedProfile
from .read import MAP_TAG, PLAIN, SEQ_TAG
from .schema import problems, schema_index
from .sheet import SheetRow
from .tree import NodePositions, to_data

NAME_FIELDS = ("business.name", "nominee.name")


def load_row(row: SheetRow) -> LoadedProfile:
    """The profile a row holds, or InputError with every problem placed at its cell."""
    readings: list[Reading] = []
    try:
        root = _tree(row)
        data, positions = to_data(
            root, schema_index("profile"), drop_empty_sections=True, source=row.source, aliases_possible=False,
            readings=readings,
        )  # fmt: skip
        found = problems("profile", data, positions)
    except InputError as exc:
        found = exc.problems
    if found:
        raise InputError(row.source, [placed(row, p) for p in found])
    table = positions.table() if isinstance(positions, NodePositions) else dict(positions)
    for index, _, field in row.layout.headings:  # an empty cell too: where to fill that field in
        table.setdefault(tuple(field.split(".")), (row.row, index))
    # ya/tidak is how the sheet's drop-downs write yes and no: not a value written another way.
    readings = [r for r in readings if type(r.value) is not bool]
    return LoadedProfile(row.layout.file, data, table, "", tuple(readings))


def _mark(row: int, column: int) -> Mark:
    return Mark("", 0, row - 1, column - 1, None, None)  # type: ignore[arg-type]  # no buffer: cells


def _scalar(text: str, at: Mark) -> ScalarNode:
    return ScalarNode(PLAIN, text, at, at)


def _tree(row: SheetRow) -> MappingNode:
    """The node tree of a row: a mapping per section, in column order; ``schema_version: 1`` when the
    sheet has no such column."""
    start = _mark(row.row, 1)
    root = MappingNode(MAP_TAG, [], start, start)
    sections: dict[tuple[str, ...], MappingNode] = {(): root}
    paths = {index: path for index, _, path in row.layout.headings}
    for index, text in row.cells:
        column = by_path()[paths[index]]  # the layout only holds columns
        at = _mark(row.row, index)
        *parents, last = column.keys
        parent = root
        for depth in range(1, len(parents) + 1):
            key = tuple(parents[:depth])
            section = sections.get(key)
            if section is None:
                section = sections[key] = MappingNode(MAP_TAG, [], at, at)
                parent.value.append((_scalar(key[-1], at), section))
            parent = section
        parent.value.append((_scalar(last, at), _value(column, text, at)))
    if not any(key.value == "schema_version" for key, _ in root.value):
        root.value.insert(0, (_scalar("schema_version", start), _scalar("1", start)))
    return root


def _value(column: Column, text: str, at: Mark) -> Node:
    if column.kind == "value":
        return _scalar(text, at)
    items = list_items(text)
    if column.kind == "list":
        return SequenceNode(SEQ_TAG, [_scalar(unescape(item), at) for item in items], at, at)
    entries: list[Node] = []
    for item in items:
        parts = entry_parts(item)
        if len(parts) > len(column.parts):
            raise InputError("", [Problem("sheet_entry_parts", {"n": len(parts), "limit": len(column.parts)},
                                          at.line + 1, at.column + 1, (*column.keys,))])  # fmt: skip
        pairs = [(_scalar(p.name, at), _scalar(v, at)) for p, v in zip(column.parts, parts, strict=False) if v]
        entries.append(MappingNode(MAP_TAG, pairs, at, at))
    return SequenceNode(SEQ_TAG, entries, at, at)


def placed(row: SheetRow, problem: Problem) -> Problem:
    """A problem at its cell: the column of the field it is about (even an empty one, for a field that is
    required), else the cell its line and column point at; with the heading and the row's business name."""
    layout = row.layout
    index = _column_of(row, problem.path) or (problem.column if problem.line == row.row else 0)
    heading = next((text for i, text, _ in layout.headings if i == index), "")
    params: dict[str, Any] = dict(problem.params)
    if heading:
        params["cell_heading"] = heading
    name = row_name(row)
    if name:
        params["row_name"] = name
    column = column_of(problem.path)
    if index in row.numbers and column is not None and column.types == frozenset({"string"}):
        params["numeric_cell"] = "1"  # an identifier Excel holds as a number: its leading zeros are gone
    return Problem(
        problem.message_key, params, row.row, index or 1, problem.path, cell=layout.cell(index or 1, row.row)
    )


def _column_of(row: SheetRow, path: tuple[str | int, ...]) -> int | None:
    """The sheet's column (index) holding the field a path names, or its list; None if the sheet has none."""
    column = column_of(path)
    if column is None:
        return None
    return next((index for index, _, field in row.layout.headings if field == column.path), None)


def row_name(row: SheetRow) -> str:
    """The business (or nominee) name written in the row, as written; "" if none."""
    paths = {index: path for index, _, path in row.layout.headings}
    for field in NAME_FIELDS:
        for index, text in row.cells:
            if paths.get(index) == field:
                return text
    return ""


def row_partial(row: SheetRow) -> dict[str, Any]:
    """What a row says of who and where the IKM is, as written, for a row that could not be checked (so a
    summary still counts it under its kabupaten/kota): the same parts a profile keeps (``who_and_where``)."""
    paths = {index: path for index, _, path in row.layout.headings}
    written: dict[str, Any] = {}
    for index, text in row.cells:
        *parents, last = paths[index].split(".")
        target = written
        for key in parents:
            target = target.setdefault(key, {})
        target[last] = text
    return who_and_where(written)

"""Profiles as spreadsheet rows: the cells a profile fills (the inverse of ``loading/row.py``), a workbook
of profiles (``ovopcheck convert``) and the template an office fills (``ovopcheck init --spreadsheet``).

Cells are typed the way an office's sheet would hold them: numbers as numbers, dates as dates, NIB, KBLI
and other identifiers as text (never a number that would lose a leading zero), yes/no as ``ya``/``tidak``
(the template's drop-down), lists in the documented cell form (``loading/cells.py``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..loading.cells import join_entries, join_list
from ..loading.columns import Column, columns
from ..report.messages import message
from ..rules.compare import MISSING, lookup

YES, NO = "ya", "tidak"
HEADER_FILL = "FFDDEBF7"
HOWTO = ("sheet.howto_1", "sheet.howto_2", "sheet.howto_3", "sheet.howto_4", "sheet.howto_5", "sheet.howto_6")
TEMPLATE_ROWS = 2000  # rows prepared with validation and text format in the template


def _part_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    return str(value)


def cell_value(column: Column, data: Mapping[str, Any]) -> Any:
    """What a profile puts in a column's cell (None: left empty)."""
    value = lookup(data, column.path)
    if value is MISSING or value is None or value == [] or value == "":
        return None
    if column.kind == "list":
        return join_list(_part_text(v) for v in value)
    if column.kind == "entries":
        return join_entries([_part_text(entry.get(p.name)) for p in column.parts] for entry in value)
    if isinstance(value, bool):
        return YES if value else NO
    if column.is_date and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def filled_columns(data: Mapping[str, Any]) -> set[str]:
    """The columns (paths) one profile fills (``schema_version`` is implied, never a column of its own):
    those with a value, without rendering it (the rows are rendered once, when written)."""
    return {
        c.path for c in columns() if c.path != "schema_version" and lookup(data, c.path) not in (MISSING, None, [], "")
    }


def used_columns(profiles: Iterable[Mapping[str, Any]]) -> list[Column]:
    """The columns any of ``profiles`` fills, in the schema's order."""
    used: set[str] = set()
    for data in profiles:
        used |= filled_columns(data)
    return in_order(used)


def in_order(paths: set[str]) -> list[Column]:
    return [c for c in columns() if c.path in paths]


def template_columns(programme: str) -> list[Column]:
    """The columns of a template for a programme: its sections' fields, documents left to the dossier."""
    from .skeleton import SECTIONS

    sections = [s for s in SECTIONS.get(programme, SECTIONS["ovop"]) if s not in ("schema_version", "documents")]
    return sorted((c for c in columns() if c.keys[0] in sections), key=lambda c: sections.index(c.keys[0]))


def _width(text: str) -> float:
    return float(min(max(len(text) + 2, 12), 40))


def write_profiles(
    path: str | os.PathLike[str],
    rows: Iterable[Mapping[str, Any]],
    lang: str,
    sheet: str = "IKM",
    chosen: list[Column] | None = None,
) -> None:
    """A workbook of profiles, one a row under headings in ``lang``; written in openpyxl's streaming mode.
    ``chosen``: the columns, when the caller knows them (else those the rows fill, which holds them all)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    if chosen is None:
        rows = list(rows)
        chosen = used_columns(rows)
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    ws.freeze_panes = "B2"
    for index, column in enumerate(chosen, 1):
        ws.column_dimensions[_letter(index)].width = _width(column.label(lang))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    header = []
    for column in chosen:
        cell = WriteOnlyCell(ws, column.label(lang))
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    ws.append(header)
    for data in rows:
        ws.append([_typed(ws, column, cell_value(column, data)) for column in chosen])
    book.save(path)


def _typed(ws: Any, column: Column, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, dt.datetime.combine(value, dt.time()))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str) and ("\n" in value):
        from openpyxl.styles import Alignment

        cell = WriteOnlyCell(ws, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell
    if isinstance(value, str) and value.startswith("="):
        # Text that a spreadsheet would take for a formula is stored as text, never evaluated.
        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"
        return cell
    return value


def _letter(index: int) -> str:
    from ..loading.sheet import column_letter

    return column_letter(index)


# ---------------------------------------------------------------- the template


def create_template(path: str | os.PathLike[str], programme: str, lang: str) -> bool:
    """The template written to ``path`` unless something is there already (never overwritten): whether it
    was written. Written beside its target first, then linked into place."""
    target = Path(path)
    if target.exists() or target.is_symlink():
        return False
    try:
        write_new(target, lambda temporary: write_template(temporary, programme, lang))
    except FileExistsError:
        return False
    return True


def write_new(target: Path, write: Callable[[Path], None]) -> None:
    """``write`` a file beside ``target`` then put it in place, only if ``target`` still does not exist
    (FileExistsError otherwise): a file is never written over, and never left half-written."""
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        place_new(Path(temporary), target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def place_new(temporary: Path, target: Path) -> None:
    """``temporary`` becomes ``target``, which must not exist: FileExistsError if it does (even when it
    appeared meanwhile), so nothing is ever written over."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: move it, having looked first
        if target.exists() or target.is_symlink():
            raise FileExistsError(str(target)) from None
        temporary.replace(target)


def write_template(path: str | os.PathLike[str], programme: str, lang: str) -> None:
    """``ovopcheck init --spreadsheet``: a sheet to fill, one IKM a row, and an instruction sheet.

    Headings in ``lang``; drop-downs for choices and ya/tidak, whole numbers for Rupiah and counts, dates
    as dates, identifiers as text; a frozen heading row and the business name column; each heading's
    meaning shown when its cell is selected. The instruction sheet is in Indonesian (and English below).
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    chosen = template_columns(programme)
    book = Workbook()
    ws: Any = book.active
    ws.title = "IKM"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    last = TEMPLATE_ROWS + 1
    for index, column in enumerate(chosen, 1):
        letter = _letter(index)
        cell = ws.cell(row=1, column=index, value=column.label(lang))
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        meaning = column.description_id if lang == "id" else column.description_en
        cell.comment = Comment(f"{column.path}\n{meaning}", "ovopcheck", width=320, height=160)
        ws.column_dimensions[letter].width = _width(column.label(lang))
        validation = _validation(column, lang)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(validation)
        if _is_text(column):
            for row in range(2, last + 1):  # typed as text: a NIB keeps its leading zero
                ws.cell(row=row, column=index).number_format = "@"
        elif column.is_date:
            for row in range(2, last + 1):
                ws.cell(row=row, column=index).number_format = "yyyy-mm-dd"
    ws.freeze_panes = "B2"
    ws.row_dimensions[1].height = 45
    _instructions(book.create_sheet("Petunjuk"), chosen, programme)
    book.save(path)


def _is_text(column: Column) -> bool:
    return column.kind == "list" or (
        column.kind == "value" and column.types == frozenset({"string"}) and not column.enum and not column.is_date
    )


def _validation(column: Column, lang: str) -> Any:
    """The data validation of a column's cells: a drop-down, a whole number, a date; every column shows its
    meaning when a cell is selected."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if column.kind != "value":
        return None
    rule = _rule(column)
    if rule is None:
        validation = DataValidation(allow_blank=True)
    else:
        kind, formula, operator = rule
        validation = DataValidation(type=kind, formula1=formula, operator=operator, allow_blank=True)
        validation.error = form_of(column, lang)[:250]
        validation.errorTitle = column.label(lang)[:32]
        validation.showErrorMessage = True
    validation.promptTitle = column.label(lang)[:32]
    validation.prompt = (column.description_id if lang == "id" else column.description_en)[:250]
    validation.showInputMessage = True
    return validation


def _rule(column: Column) -> tuple[Any, str, Any] | None:
    """(type, formula, operator) of a column's data validation; None for free text."""
    if column.enum:
        return "list", '"' + ",".join(str(c) for c in column.enum) + '"', None
    if column.types == frozenset({"boolean"}):
        return "list", f'"{YES},{NO}"', None
    if column.is_date:
        return "date", "1", "greaterThan"
    if "integer" in column.types:
        return "whole", "0", "greaterThanOrEqual"
    if "number" in column.types:
        return "decimal", "0", "greaterThanOrEqual"
    return None


def form_of(column: Column, lang: str) -> str:
    """How a column's cell is filled, in words (for the instruction sheet and the README)."""
    if column.kind == "entries":
        parts = " | ".join(
            (p.label_id if lang == "id" else p.label_en) + (f" ({', '.join(map(str, p.enum))})" if p.enum else "")
            for p in column.parts
        )
        return message("sheet.form_entries", lang, parts=parts)
    if column.kind == "list":
        return message("sheet.form_list", lang)
    if column.enum:
        return message("sheet.choose", lang, choices=", ".join(str(c) for c in column.enum))
    if column.types == frozenset({"boolean"}):
        return message("sheet.choose", lang, choices=f"{YES}, {NO}")
    if column.is_date:
        return message("sheet.date", lang)
    if "integer" in column.types:
        return message("sheet.whole", lang)
    if "number" in column.types:
        return message("sheet.number", lang)
    return message("sheet.text", lang)


def _instructions(ws: Any, chosen: list[Column], programme: str) -> None:
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    lines = [message(key, "id", programme=programme) for key in HOWTO]
    lines += [""] + [message(key, "en", programme=programme) for key in HOWTO]
    ws.append([message("sheet.howto_title", "id")])
    ws["A1"].font = Font(bold=True, size=14)
    for line in lines:
        ws.append([line])
    ws.append([])
    table = ws.max_row + 1
    ws.append(["Judul kolom (heading)", "Isian (field)", "Arti", "Cara mengisi", "Meaning", "How to fill",
               "Judul lain yang diterima (also accepted)"])  # fmt: skip
    for cell in ws[table]:
        cell.font = bold
    for column in chosen:
        ws.append(
            [column.label_id, column.path, column.description_id, form_of(column, "id"), column.description_en,
             form_of(column, "en"), ", ".join((column.label_en, *column.aliases))]
        )  # fmt: skip
    for letter, width in zip("ABCDEFG", (30, 36, 60, 40, 60, 40, 36), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=table + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

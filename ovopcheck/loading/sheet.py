"""Read a spreadsheet of IKM (xlsx, or CSV with ``,`` or ``;``), one IKM per row, as rows to check.

The heading row is the first of the sheet's first rows in which at least two headings name profile fields
(``columns.py``); rows above it (a title, a date) are left alone, and so are empty rows. A heading that
names no field is an error for the sheet (a misspelt column would otherwise go unread, its values reported
as missing), except a running number (``No``). Every sheet of a workbook with such a heading row is read; an
instruction sheet has none. Each row becomes a ``SheetRow``, checked like a profile (``row.py``).

Untrusted workbooks are bounded: the file's size, the unpacked size of its parts (a zip bomb), rows per
sheet, columns; openpyxl reads in read-only mode (streaming XML, formulas as their saved values) and is
imported only here, so a YAML check never pays for it.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any

from ..errors import InputError, Problem
from ..frozen import record
from .cells import cell_text
from .columns import column_for, is_row_number

MAX_SHEET_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_ROWS = 100_000  # per sheet
MAX_COLUMNS = 400
HEADING_SEARCH = 10  # the heading row is among a sheet's first rows
_BY_SUFFIX = {".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv"}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@record
class Layout:
    """A sheet's heading row: which column (1-based index) fills which field, under which heading."""

    file: str  # the spreadsheet's name as reported
    sheet: str
    headings: tuple[tuple[int, str, str], ...]  # (index, heading as written, field path)

    def cell(self, index: int, row: int) -> str:
        return f"{self.file}:{self.sheet}!{column_letter(index)}{row}"


class SheetRow(str):
    """One row of IKM data: its cells' text by column index, and the sheet's layout. It is the text reports
    name it by, ``rekap.xlsx:Sheet1!A7`` (the cell Excel's Go To jumps to), so it travels with the paths
    of a batch (waiver patterns, --list-files) and to a worker process as they do."""

    layout: Layout
    row: int
    cells: tuple[tuple[int, str], ...]  # (column index, text) of the filled cells under a field's heading
    numbers: frozenset[int]  # the columns whose cell the workbook holds as a number (a NIB losing its 0)

    def __new__(
        cls, layout: Layout, row: int, cells: tuple[tuple[int, str], ...], numbers: frozenset[int] = frozenset()
    ) -> SheetRow:
        self = super().__new__(cls, layout.cell(1, row))
        self.layout, self.row, self.cells, self.numbers = layout, row, cells, numbers
        return self

    def __reduce__(self) -> tuple[type[SheetRow], tuple[Any, ...]]:
        return (type(self), (self.layout, self.row, self.cells, self.numbers))

    @property
    def source(self) -> str:
        return str(self)


class SheetError(str):
    """A spreadsheet, or one of its sheets, that cannot be read: its name, and the located problems."""

    problems: tuple[Problem, ...]
    file: str  # the spreadsheet, as reported

    def __new__(cls, source: str, problems: tuple[Problem, ...], file: str) -> SheetError:
        self = super().__new__(cls, source)
        self.problems, self.file = problems, file
        return self

    def __reduce__(self) -> tuple[type[SheetError], tuple[str, tuple[Problem, ...], str]]:
        return (type(self), (str(self), self.problems, self.file))


def column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def kind_of(path: str | os.PathLike[str]) -> str | None:
    """ "xlsx" or "csv" when the file holds a spreadsheet, by its content first: a zip (an Office workbook),
    a CSV table (by its name ending in .csv, or a heading line of separated names and no YAML key); else
    None (a profile, or whatever the profile check will say it is). An old .xls or an .ods is "xlsx" too:
    opening it says what to save it as."""
    try:
        # Never a FIFO or a device (opening one could block): the profile check says what it is.
        if not stat.S_ISREG(Path(path).stat().st_mode):
            return None
        with Path(path).open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        # Cannot be read (on Windows, a workbook open in Excel is locked): named by its extension, the
        # spreadsheet reader then says so in the officer's words.
        return _BY_SUFFIX.get(Path(path).suffix.lower())
    if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return "xlsx"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="replace").lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    if ":" in first and not first.lstrip().startswith(('"', "'")) and first.count(":") > first.count(";"):
        return None  # a YAML key on the first line
    separated = max(first.count(","), first.count(";"), first.count("\t")) >= 1
    if os.fspath(path).lower().endswith((".csv", ".tsv")) and separated:
        return "csv"
    heads = [column_for(h) for h in _split_heading(first)]
    return "csv" if sum(1 for c in heads if c is not None) >= 2 else None


def _split_heading(line: str) -> list[str]:
    delimiter = max((";", ",", "\t"), key=line.count)
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []


def read_rows(
    path: str | os.PathLike[str], source: str | None = None, kind: str | None = None
) -> Iterator[SheetRow | SheetError]:
    """Every IKM row of a spreadsheet, sheet by sheet; a sheet that cannot be read yields a SheetError
    (named after the sheet) and the others are still read. A file that cannot be opened at all yields
    one SheetError. ``kind``: what ``kind_of`` already said of the file (else it is asked here)."""
    name = source if source is not None else os.fspath(path)
    try:
        if (kind or kind_of(path)) == "xlsx":
            yield from _xlsx_rows(path, name)
        else:
            yield from _csv_rows(path, name)
    except InputError as exc:
        yield SheetError(exc.source, tuple(exc.problems), name)


# ---------------------------------------------------------------- sheets of text cells


def _plain(value: Any) -> Any:
    return value


def _sheet_rows(
    file: str, sheet: str, rows: Iterator[Sequence[Any]], value_of: Callable[[Any], Any] = _plain
) -> Iterator[SheetRow | SheetError]:
    """The data rows under a sheet's heading row; a SheetError if a heading names no field.
    Raises ``_NoHeading`` when no heading row is found (the sheet is then not an IKM sheet)."""
    for number, values in enumerate(rows, 1):
        if number > HEADING_SEARCH:
            raise _NoHeading(sheet)
        layout, problems = _layout(file, sheet, number, [value_of(v) for v in values[:MAX_COLUMNS]])
        if layout is None:
            continue
        if problems:
            yield SheetError(f"{file}:{sheet}", tuple(problems), file)
            return
        yield from _data_rows(layout, number, rows, value_of)
        return
    raise _NoHeading(sheet)


class _NoHeading(LookupError):
    pass


def _layout(file: str, sheet: str, row: int, values: Sequence[Any]) -> tuple[Layout | None, list[Problem]]:
    texts = [(i, cell_text(v)) for i, v in enumerate(values[:MAX_COLUMNS], 1)]
    named = [(i, t, column_for(t)) for i, t in texts if t]
    # Two different fields named: a heading row (a row naming one field twice, as a table of columns on an
    # instruction sheet does, is not one).
    if len({c.path for _, _, c in named if c is not None}) < 2:
        return None, []
    layout = Layout(file, sheet, tuple((i, t, c.path) for i, t, c in named if c is not None))
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, text, column in named:
        if column is None:
            if not is_row_number(text):
                problems.append(_unknown_heading(layout, index, row, text))
            continue
        if column.path in seen:
            first = layout.cell(seen[column.path], row).rsplit("!", 1)[1]
            problems.append(_at(layout, index, row, "sheet_duplicate_heading", heading=text, first=first))
        seen[column.path] = index
    return layout, problems


def _unknown_heading(layout: Layout, index: int, row: int, text: str) -> Problem:
    from ..spelling import closest
    from .columns import columns

    labels = [name for c in columns() for name in (c.label_id, c.label_en, *c.aliases, c.path)]
    return _at(layout, index, row, "sheet_unknown_heading", heading=text, suggestion=closest(text, labels) or "")


def _at(layout: Layout, index: int, row: int, key: str, **params: object) -> Problem:
    return Problem(key, dict(params), row, index, cell=layout.cell(index, row))


def _data_rows(
    layout: Layout, heading_row: int, rows: Iterator[Sequence[Any]], value_of: Callable[[Any], Any]
) -> Iterator[SheetRow | SheetError]:
    """The rows under the heading row with a filled cell under a field's heading; only those cells are
    looked at (a workbook's cell is made a value here, not for every empty cell of the row)."""
    wanted = [index for index, _, _ in layout.headings]
    for number, values in enumerate(rows, heading_row + 1):
        if number - heading_row > MAX_ROWS:
            limit = Problem("sheet_too_many_rows", {"limit": MAX_ROWS}, number, 1, cell=layout.cell(1, number))
            yield SheetError(f"{layout.file}:{layout.sheet}", (limit,), layout.file)
            return
        size = len(values)
        cells: list[tuple[int, str]] = []
        numbers: set[int] = set()
        for index in wanted:
            if index > size:
                continue
            value = value_of(values[index - 1])
            text = cell_text(value)
            if text:
                cells.append((index, text))
                if type(value) in (int, float):
                    numbers.add(index)
        if cells:
            yield SheetRow(layout, number, tuple(cells), frozenset(numbers))


# ---------------------------------------------------------------- CSV


def _csv_rows(path: str | os.PathLike[str], name: str) -> Iterator[SheetRow | SheetError]:
    from .read import read_text

    try:
        text = read_text(path, name, max_bytes=MAX_SHEET_BYTES)  # UTF-8 with or without BOM, UTF-16 with BOM
    except InputError as exc:
        if exc.problems[0].params.get("errno") == "EACCES":  # on Windows, open in Excel
            raise InputError(name, [Problem("sheet_locked")]) from None
        raise
    sheet = PurePath(name).stem or name
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        found = False
        for item in _sheet_rows(name, sheet, _guarded(reader, name)):
            found = True
            yield item
        if not found:
            raise InputError(name, [Problem("sheet_no_rows")])
    except _NoHeading:
        raise InputError(name, [Problem("sheet_no_heading", {"sheet": sheet, "rows": HEADING_SEARCH})]) from None


def _guarded(reader: Any, name: str) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        raise InputError(name, [Problem("sheet_unreadable", {"reason": str(exc)}, reader.line_num, 1)]) from None


# ---------------------------------------------------------------- xlsx


def _xlsx_rows(path: str | os.PathLike[str], name: str) -> Iterator[SheetRow | SheetError]:
    _check_package(path, name)
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency; said plainly if it was removed
        raise InputError(name, [Problem("sheet_needs_openpyxl")]) from None
    # Opened here, not by name: openpyxl would refuse a workbook whose name does not end in .xlsx.
    handle = Path(path).open("rb")  # noqa: SIM115 - closed below, after the last row is read
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        handle.close()
        raise InputError(name, [Problem("sheet_unreadable", {"reason": type(exc).__name__})]) from None
    try:
        headed = rows_found = False
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue  # a chart sheet
            sheet.reset_dimensions()  # some writers record a wrong size: read what is there
            rows = sheet.iter_rows(max_col=MAX_COLUMNS)
            try:
                for item in _sheet_rows(name, sheet.title, _xlsx_guarded(rows, name), _value):
                    rows_found = True
                    yield item
            except _NoHeading:
                continue
            headed = True
        if not headed:
            raise InputError(name, [Problem("sheet_no_heading", {"sheet": "*", "rows": HEADING_SEARCH})])
        if not rows_found:
            raise InputError(name, [Problem("sheet_no_rows")])
    finally:
        book.close()
        handle.close()


def _xlsx_guarded(rows: Iterator[Sequence[Any]], name: str) -> Iterator[Sequence[Any]]:
    try:
        yield from rows
    except Exception as exc:  # damaged XML inside the package
        raise InputError(name, [Problem("sheet_unreadable", {"reason": type(exc).__name__})]) from None


def _value(cell: Any) -> Any:
    """A workbook cell's value. A number shown as a percentage is the percentage the officer typed: Excel
    stores ``55%`` as 0.55, and a profile's ``*_percent`` fields hold 55."""
    value = cell.value
    if type(value) in (int, float) and "%" in (getattr(cell, "number_format", None) or ""):
        return round(value * 100, 10)
    return value


def _check_package(path: str | os.PathLike[str], name: str) -> None:
    """An xlsx is a zip of XML parts: refuse an old .xls, an .ods, a file too big, or parts that unpack to
    more than a workbook of IKM could hold (a zip bomb would otherwise fill memory)."""
    import zipfile

    try:
        with Path(path).open("rb") as handle:
            magic = handle.read(4)
            size = os.fstat(handle.fileno()).st_size
    except PermissionError:
        raise InputError(name, [Problem("sheet_locked")]) from None
    except OSError as exc:
        raise InputError(name, [Problem("sheet_unreadable", {"reason": type(exc).__name__})]) from None
    if magic == OLE_MAGIC:
        raise InputError(name, [Problem("sheet_old_excel")])
    if size > MAX_SHEET_BYTES:
        raise InputError(name, [Problem("file_too_large", {"size": size, "limit": MAX_SHEET_BYTES})])
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            names = {p.filename for p in parts}
            if "xl/workbook.xml" not in names:
                # An OpenDocument spreadsheet, a Word document, or a plain zip archive of dossiers.
                key = "sheet_is_ods" if "content.xml" in names else "file_is_archive"
                raise InputError(name, [Problem(key)])
            unpacked = sum(p.file_size for p in parts)
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(name, [Problem("sheet_unreadable", {"reason": type(exc).__name__})]) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(name, [Problem("sheet_too_large_unpacked", {"limit": MAX_UNPACKED_BYTES})])

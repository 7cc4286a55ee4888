"""Problems with input are values: an InputError says where (file, line, column, field path) and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file. ``line``/``column`` are 1-based; 0 means unknown."""

    message_key: str
    params: dict[str, object] = field(default_factory=dict)
    line: int = 0
    column: int = 0
    path: tuple[str | int, ...] = ()
    excerpt: str = field(default="", compare=False)  # the line as written, for a caret under ``column``
    # In a spreadsheet, the cell instead of a line and column: ``rekap.xlsx:Sheet1!C7``.
    cell: str = ""

    @property
    def field_path(self) -> str:
        return format_path(self.path)


class InputError(Exception):
    """A file could not be checked. Carries one or more problems, all located in ``source``."""

    def __init__(self, source: str, problems: list[Problem], partial: dict[str, object] | None = None) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = problems
        # What could still be read of who and where the IKM is (its name and place), for the summary.
        self.partial = partial or {}


def format_path(path: tuple[str | int, ...]) -> str:
    """``("product", "raw_materials", 0, "share_percent")`` -> ``product.raw_materials[0].share_percent``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

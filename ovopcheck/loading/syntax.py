"""libyaml's syntax errors in plain words: what is wrong on which line, and what to write instead.

libyaml says "while scanning for the next token found character that cannot start any token" for a tab
and "mapping values are not allowed in this context" both for an unquoted ``:`` in a value and for a
line indented one space too far. Looking at the line itself tells them apart. Each problem carries the
line as written (``excerpt``), so a report can show it with a caret under the column.

Also recognised before YAML is even tried: a spreadsheet (xlsx, xls, ods) or a CSV file given as a
profile, and UTF-16 text saved without its byte-order mark.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import Problem

# An unquoted value holding ": " (``name: UD Dodol: Nanas``): the key, then a value with a second colon.
_COLON_IN_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:#\"'][^:#]*:\s+[^\s\"'{\[|>&*!][^#]*?:(?:\s|$)")
_SPREADSHEET_MAGIC = {b"PK\x03\x04": "xlsx/ods", b"\xd0\xcf\x11\xe0": "xls"}


def excerpt(text: str, line: int) -> str:
    """The ``line``-th line of ``text`` (1-based), as written; "" when there is none."""
    if line < 1:
        return ""
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if line <= len(lines) else ""


def located(key: str, text: str, line: int, column: int, **params: object) -> Problem:
    return Problem(key, {**params, "line": line}, line, column, excerpt=excerpt(text, line))


def syntax_problem(text: str, exc: Any, depth_limit: int) -> Problem:
    """The problem a YAML error stands for, located, in words an officer can act on."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    if "nesting depth" in problem:  # libyaml's own limit (1000 levels), far beyond ours
        return located("too_deep", text, line, column, limit=depth_limit)
    tab = _first_tab_indent(text, line)
    if tab is not None:
        return located("yaml_tab", text, tab[0], tab[1])
    if "quoted scalar" in context and "end of stream" in problem:
        start = getattr(exc, "context_mark", None)
        at = (start.line + 1, start.column + 1) if start is not None else (line, column)
        return located("yaml_unclosed_quote", text, at[0], at[1])
    if "mapping values are not allowed" in problem or "expected key" in problem or "block end" in problem:
        for number in (line, line - 1):
            if _COLON_IN_VALUE.match(excerpt(text, number)):
                return located("yaml_colon_in_value", text, number, column if number == line else 1)
        return located("yaml_indentation", text, line, column)
    if "could not find expected ':'" in problem:
        return located("yaml_missing_colon", text, line, column)
    if "flow" in context or "flow" in problem:
        return located("yaml_brackets", text, line, column)
    # Anything else libyaml says is said in words too (its own English would help no officer).
    return located("yaml_unreadable", text, line, column)


def character_problem(text: str, exc: Any) -> Problem:
    """A character YAML does not allow (a control character, say): where it is, by line and column."""
    position = int(getattr(exc, "position", 0) or 0)
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    code = getattr(exc, "character", None)
    number = ord(code) if isinstance(code, str) else code if isinstance(code, int) else None
    shown = f"U+{number:04X}" if number is not None else "?"
    return located("yaml_character", text, line, column, character=shown)


def _first_tab_indent(text: str, up_to: int) -> tuple[int, int] | None:
    """The first line (at or before ``up_to``) whose indentation holds a tab, and the tab's column."""
    for number, content in enumerate(text.split("\n")[: max(up_to, 1)], 1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


def not_a_profile(data: bytes) -> str | None:
    """A message key when the bytes are clearly not a YAML profile: a spreadsheet, or UTF-16 without BOM."""
    for magic, _kind in _SPREADSHEET_MAGIC.items():
        if data.startswith(magic):
            return "profile_is_spreadsheet"
    sample = data[:200]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):  # every other byte NUL: UTF-16 text
        return "utf16_without_bom"
    return None


def looks_like_csv(text: str) -> bool:
    """A first line of comma- or semicolon-separated headings and no ``key: value`` anywhere near."""
    head = text.lstrip("\ufeff").split("\n", 3)[:3]
    first = head[0] if head else ""
    return ":" not in "".join(head) and max(first.count(","), first.count(";")) >= 2

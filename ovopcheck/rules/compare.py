"""How a profile value is compared with a criterion's operand: the operators, missing values, dates.

A value the profile does not give is ``MISSING`` and compares as UNKNOWN, never False. Numbers compare
with numbers (a boolean is not a number), text with text, and a date with a date or with ISO text."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from typing import Any

from ..frozen import record


class Truth(Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


class _Missing:
    """Marks a value the profile does not give."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@record
class AsOfOffset:
    """A date relative to the "as of" date, e.g. five years before it: ``{as_of: {years: -5}}``."""

    years: int = 0
    months: int = 0
    days: int = 0

    def resolve(self, as_of: dt.date) -> dt.date:
        return _shifted(as_of, self.years, self.months, self.days)


@lru_cache(maxsize=1024)
def _shifted(day: dt.date, years: int, months: int, days: int) -> dt.date:
    # A batch evaluates the same few offsets from one "as of" date thousands of times.
    return shift_date(day, years, months, days)


def shift_date(day: dt.date, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """Calendar arithmetic: 29 February plus one year is 28 February."""
    total = day.year * 12 + (day.month - 1) + years * 12 + months
    year, month = divmod(total, 12)
    month += 1
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month)[1]
    shifted = dt.date(year, month, min(day.day, last))
    return shifted + dt.timedelta(days=days)


def lookup(data: Any, path: str) -> Any:
    """Follow a dotted path; ``.`` is the value itself. Absent anywhere along the way -> MISSING."""
    if path == ".":
        return data
    value = data
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


_T, _F, _U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def _fast_comparison(op: str, operand: Any) -> Callable[[Any, Any], Truth] | None:
    """Specialised comparisons for the common cases; None where the general ``_compare`` is needed."""
    kind = type(operand)
    if op in ("eq", "ne") and kind in (bool, int, str) and not (kind is str and as_date(operand) is not None):
        same, other = (_T, _F) if op == "eq" else (_F, _T)

        def equals(actual: Any, required: Any) -> Truth:
            if actual is MISSING:
                return _U
            if type(actual) is kind:
                return same if actual == required else other
            return _compare(op, actual, required)

        return equals
    if op in ("in", "not_in") and operand and all(type(o) is str for o in operand):
        options = frozenset(operand)
        inside, outside = (_T, _F) if op == "in" else (_F, _T)

        def member(actual: Any, required: Any) -> Truth:
            if actual is MISSING:
                return _U
            if type(actual) is str:
                return inside if actual in options else outside
            return _compare(op, actual, required)

        return member
    if op in ("ge", "le", "gt", "lt") and kind in (int, float):
        import operator

        test = {"ge": operator.ge, "le": operator.le, "gt": operator.gt, "lt": operator.lt}[op]

        def ordered(actual: Any, required: Any) -> Truth:
            if actual is MISSING:
                return _U
            if type(actual) in (int, float):
                return _T if test(actual, required) else _F
            return _compare(op, actual, required)

        return ordered
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


_NUMBERS = (int, float)


def _pair(actual: Any, required: Any) -> tuple[Any, Any] | None:
    """Both sides as one comparable type, or None when they cannot be compared (never an error).

    Numbers compare with numbers (a boolean is not a number), text with text, and a date with a date
    or with ISO text (dates in profiles are kept as the text written).
    """
    ta, tb = type(actual), type(required)
    if ta is tb:
        if ta is str and (as_date(required) is not None):
            left, right = as_date(actual), as_date(required)
            return (left, right) if left is not None else None
        return actual, required
    if ta in _NUMBERS and tb in _NUMBERS:
        return actual, required
    if tb is dt.date and ta is str:
        left = as_date(actual)
        return (left, required) if left is not None else None
    if ta is dt.date and tb is str:
        right = as_date(required)
        return (actual, right) if right is not None else None
    return None


def _equal(actual: Any, required: Any) -> bool:
    ta = type(actual)
    if ta is type(required) and ta is not dt.date:
        return bool(actual == required)  # same type: text, number or boolean compare as they are
    pair = _pair(actual, required)
    return pair is not None and pair[0] == pair[1]


def _compare(op: str, actual: Any, required: Any) -> Truth:
    if op == "present":
        if actual is MISSING or actual in ("", [], {}):
            return Truth.TRUE if required is False else Truth.UNKNOWN
        return Truth.TRUE if required is True else Truth.FALSE
    if actual is MISSING:
        return Truth.UNKNOWN
    if op == "eq":
        return Truth.TRUE if _equal(actual, required) else Truth.FALSE
    if op == "ne":
        return Truth.FALSE if _equal(actual, required) else Truth.TRUE
    if op in ("in", "not_in"):
        found = any(_equal(actual, option) for option in required)
        return Truth.TRUE if found == (op == "in") else Truth.FALSE
    if op == "starts_with":
        if type(actual) is not str:
            return Truth.FALSE
        return Truth.TRUE if actual.startswith(required) else Truth.FALSE
    pair = _pair(actual, required)
    if pair is None:
        return Truth.FALSE
    left, right = pair
    if op == "lt":
        held = left < right
    elif op == "le":
        held = left <= right
    elif op == "gt":
        held = left > right
    elif op == "ge":
        held = left >= right
    else:  # pragma: no cover - compile_condition admits no other operator
        raise ValueError(f"unknown operator {op!r}")
    return Truth.TRUE if held else Truth.FALSE

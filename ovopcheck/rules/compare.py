"""How a profile value is compared with a criterion's operand: the operators, missing values, dates.

A value the profile does not give is ``MISSING`` and compares as UNKNOWN, never False. Numbers compare
with numbers (a boolean is not a number), text with text, and a date with a date or with ISO text."""

from __future__ import annotations

import calendar
import datetime as dt
import operator
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


Comparison = Callable[[Any, Any], Truth]  # (the profile's value, the criterion's operand) -> truth
Specialise = Callable[[Any, Comparison], Comparison | None]  # a faster comparison for one known operand


@record
class Operator:
    """One operator of the closed vocabulary: everything about it is in its entry in ``OPERATORS``."""

    name: str
    compare: Comparison  # the general comparison; a MISSING value gives UNKNOWN (``present`` aside)
    operand: str  # "value" (one), "values" (a list of them), "prefixes" (a list of text), "flag" (true/false)
    symbol: str | None = None  # in a formula (size.workforce ≤ 19); None: said in words
    fast: Specialise | None = None  # a comparison specialised to an operand known when compiling

    def message_key(self, operand: Any) -> str:
        """The message saying what is required: ``op.ge`` "at least {required}"; ``present: false`` is
        said as "must not be given"."""
        return "op.absent" if self.name == "present" and operand is False else f"op.{self.name}"

    def comparison(self, operand: Any) -> Comparison:
        """The comparison to run against ``operand``: the fast one where it applies."""
        fast = self.fast(operand, self.compare) if self.fast is not None else None
        return fast or self.compare


def _equality(equal: Truth) -> Comparison:
    unequal = _F if equal is _T else _T

    def compare(actual: Any, required: Any) -> Truth:
        if actual is MISSING:
            return _U
        return equal if _equal(actual, required) else unequal

    return compare


def _membership(found: Truth) -> Comparison:
    absent = _F if found is _T else _T

    def compare(actual: Any, required: Any) -> Truth:
        if actual is MISSING:
            return _U
        return found if any(_equal(actual, option) for option in required) else absent

    return compare


def _ordered(test: Callable[[Any, Any], bool]) -> Comparison:
    def compare(actual: Any, required: Any) -> Truth:
        if actual is MISSING:
            return _U
        pair = _pair(actual, required)
        if pair is None:
            return _F  # a value of another kind never meets a threshold
        return _T if test(*pair) else _F

    return compare


def _starts_with(actual: Any, required: Any) -> Truth:
    if actual is MISSING:
        return _U
    return _T if type(actual) is str and actual.startswith(required) else _F


def _present(actual: Any, required: Any) -> Truth:
    if actual is MISSING or actual in ("", [], {}):
        return _T if required is False else _U
    return _T if required is True else _F


# Fast paths, for the common operands: one type check instead of the general conversions.


def _fast_equality(equal: Truth) -> Specialise:
    unequal = _F if equal is _T else _T

    def specialise(operand: Any, general: Comparison) -> Comparison | None:
        kind = type(operand)
        if kind not in (bool, int, str) or (kind is str and as_date(operand) is not None):
            return None

        def compare(actual: Any, required: Any) -> Truth:
            if actual is MISSING:
                return _U
            if type(actual) is kind:
                return equal if actual == required else unequal
            return general(actual, required)

        return compare

    return specialise


def _fast_membership(found: Truth) -> Specialise:
    absent = _F if found is _T else _T

    def specialise(operand: Any, general: Comparison) -> Comparison | None:
        if not operand or not all(type(o) is str for o in operand):
            return None
        options = frozenset(operand)

        def compare(actual: Any, required: Any) -> Truth:
            if actual is MISSING:
                return _U
            if type(actual) is str:
                return found if actual in options else absent
            return general(actual, required)

        return compare

    return specialise


def _fast_ordered(test: Callable[[Any, Any], bool]) -> Specialise:
    def specialise(operand: Any, general: Comparison) -> Comparison | None:
        if type(operand) not in _NUMBERS:
            return None

        def compare(actual: Any, required: Any) -> Truth:
            if actual is MISSING:
                return _U
            if type(actual) in _NUMBERS:
                return _T if test(actual, required) else _F
            return general(actual, required)

        return compare

    return specialise


# The closed vocabulary, in the order the criteria schema lists it (a test holds the two together).
OPERATORS: dict[str, Operator] = {
    op.name: op
    for op in (
        Operator("eq", _equality(_T), "value", "=", _fast_equality(_T)),
        Operator("ne", _equality(_F), "value", "≠", _fast_equality(_F)),
        Operator("lt", _ordered(operator.lt), "value", "<", _fast_ordered(operator.lt)),
        Operator("le", _ordered(operator.le), "value", "≤", _fast_ordered(operator.le)),
        Operator("gt", _ordered(operator.gt), "value", ">", _fast_ordered(operator.gt)),
        Operator("ge", _ordered(operator.ge), "value", "≥", _fast_ordered(operator.ge)),
        Operator("in", _membership(_T), "values", None, _fast_membership(_T)),
        Operator("not_in", _membership(_F), "values", None, _fast_membership(_F)),
        Operator("starts_with", _starts_with, "prefixes"),
        Operator("present", _present, "flag"),
    )
}


def compare(op: str, actual: Any, required: Any) -> Truth:
    """``actual`` (from the profile) against ``required`` (the criterion's operand) under operator ``op``."""
    return OPERATORS[op].compare(actual, required)

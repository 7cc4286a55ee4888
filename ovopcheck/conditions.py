"""The closed vocabulary of conditions a criterion may use, evaluated with three-valued logic.

A condition is data (from a criteria file), compiled once into the small classes below and evaluated by
plain code: nothing is ever passed to ``eval``, ``exec`` or a template engine.

Truth values follow Kleene's logic: a fact the profile does not give is UNKNOWN, never False. ``all``
is False as soon as one part is False, ``any`` is True as soon as one part is True, and only otherwise
does an UNKNOWN part make the whole UNKNOWN. That is what keeps "information missing" apart from "not met".

Forms (see ``schemas/criteria.schema.json``):

* ``{all: [...]}``, ``{any: [...]}``, ``{not: ...}``
* an atom: one subject and one operator, e.g. ``{field: sentra.business_units, ge: 5}``
  - subjects: ``field: path`` (``.`` is the list item itself inside ``where``), ``count: list``
    (with optional ``where``), ``sum: list`` with ``of: field`` (optional ``where``),
    ``classification: id``;
  - operators: ``eq ne lt le gt ge`` (numbers, text, dates), ``in``/``not_in`` (a list of values),
    ``starts_with`` (a list of prefixes), ``present`` (``true``: the value must be given, unknown when
    absent; ``false``: true when absent);
  - an operand may be a date relative to the "as of" date: ``{as_of: {years: -5}}``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from .records import record


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


@record
class Atom:
    """One comparison; ``gap`` optionally overrides the criterion's gap message for this atom."""

    subject: str  # "field" | "count" | "sum" | "classification"
    target: str  # the field path, list path or classification id
    op: str
    operand: Any
    of: str | None = None
    where: Condition | None = None
    gap: Mapping[str, str] | None = None
    # Derived once, for the hot path: the path split into keys, and whether the operand is as-of relative.
    parts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    dynamic: bool = field(init=False, repr=False, compare=False)

    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", () if self.target == "." else tuple(self.target.split(".")))
        object.__setattr__(self, "dynamic", isinstance(self.operand, AsOfOffset))
        object.__setattr__(self, "run", _field_runner(self) if self.subject == "field" else _generic_runner(self))

    def __reduce_ex__(self, protocol: Any) -> Any:  # see sharing.py
        from .sharing import reduce

        return reduce(self, protocol)

    __getstate__ = lambda self: _state(self)  # noqa: E731
    __setstate__ = lambda self, state: _restore(self, state)  # noqa: E731


@record
class All:
    """``all``: true when every part is true, false as soon as one is false, else unknown."""

    parts: tuple[Condition, ...]
    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run", _combine(self.parts, every=True))

    __getstate__ = lambda self: _state(self)  # noqa: E731
    __setstate__ = lambda self, state: _restore(self, state)  # noqa: E731


@record
class AnyOf:
    """``any``: true as soon as one part is true, false when every part is false, else unknown."""

    parts: tuple[Condition, ...]
    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run", _combine(self.parts, every=False))

    __getstate__ = lambda self: _state(self)  # noqa: E731
    __setstate__ = lambda self, state: _restore(self, state)  # noqa: E731


@record
class Not:
    """``not``: true and false swap; unknown stays unknown."""

    part: Condition
    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run", _negate(self.part))

    __getstate__ = lambda self: _state(self)  # noqa: E731
    __setstate__ = lambda self, state: _restore(self, state)  # noqa: E731


Condition = Atom | All | AnyOf | Not


def _state(obj: Any) -> dict[str, Any]:
    """Pickle a condition without its compiled closure (rebuilt on unpickling)."""
    return {k: v for k, v in obj.__dict__.items() if k not in ("run", "parts", "dynamic")} | (
        {"parts": obj.parts} if type(obj) is not Atom and hasattr(obj, "parts") else {}
    )


def _restore(obj: Any, state: dict[str, Any]) -> None:
    for key, value in state.items():
        object.__setattr__(obj, key, value)
    obj.__post_init__()


Runner = Callable[["Context", Any, str], "Outcome"]


@record
class AtomResult:
    """What one atom saw: used to say "sentra has 4 business units; at least 5 required"."""

    atom: Atom
    truth: Truth
    actual: Any
    required: Any
    negated: bool = False


@dataclass(eq=False)
class Outcome:
    """A condition's truth, with the atoms that made it false or the fields that made it unknown."""

    truth: Truth
    failed: list[AtomResult] = field(default_factory=list)  # atoms that made it False
    missing: list[str] = field(default_factory=list)  # field paths that made it unknown


class Context:
    """What a condition is evaluated against: the profile, the "as of" date and classifications."""

    def __init__(
        self,
        data: Mapping[str, Any],
        as_of: dt.date,
        classify: Callable[[str], tuple[str | None, list[str]]] | None = None,
        documents: tuple[Any, ...] | None = None,
    ) -> None:
        self.data = data
        self.as_of = as_of
        self._classify = classify
        self.documents = documents  # judged dossier documents; None for a lone profile

    def classification(self, cid: str) -> tuple[str | None, list[str]]:
        if self._classify is None:
            return None, [f"classification:{cid}"]
        return self._classify(cid)


class ConditionError(ValueError):
    """A condition in a criteria file is malformed (the schema normally catches this first)."""


SUBJECTS = ("field", "count", "sum", "classification")
OPERATORS = ("eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "starts_with", "present")


def compile_condition(raw: Any) -> Condition:
    """Build a condition from its criteria-file form."""
    if not isinstance(raw, dict):
        raise ConditionError("a condition must be a mapping")
    if "all" in raw or "any" in raw:
        key = "all" if "all" in raw else "any"
        parts = raw[key]
        if len(raw) != 1 or not isinstance(parts, list) or not parts:
            raise ConditionError(f"'{key}' takes a non-empty list and nothing beside it")
        compiled = tuple(compile_condition(p) for p in parts)
        return All(compiled) if key == "all" else AnyOf(compiled)
    if "not" in raw:
        if len(raw) != 1:
            raise ConditionError("'not' takes one condition and nothing beside it")
        return Not(compile_condition(raw["not"]))
    subjects = [s for s in SUBJECTS if s in raw]
    ops = [o for o in OPERATORS if o in raw]
    if len(subjects) != 1 or len(ops) != 1:
        raise ConditionError("an atom needs exactly one subject and exactly one operator")
    subject, op = subjects[0], ops[0]
    operand = raw[op]
    if isinstance(operand, dict) and "as_of" in operand:
        offset = operand["as_of"] or {}
        operand = AsOfOffset(offset.get("years", 0), offset.get("months", 0), offset.get("days", 0))
    elif op in ("in", "not_in", "starts_with"):
        operand = tuple(operand)
    if subject == "sum" and "of" not in raw:
        raise ConditionError("'sum' needs 'of'")
    where = compile_condition(raw["where"]) if "where" in raw else None
    gap = raw.get("gap")
    return Atom(subject, raw[subject], op, operand, raw.get("of"), where, gap)


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


_HELD = Outcome(Truth.TRUE)  # shared: callers only read outcomes
_T, _F, _U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def evaluate(cond: Condition, ctx: Context, item: Any = MISSING, prefix: str = "") -> Outcome:
    """Evaluate ``cond``; inside ``where``, ``item`` is the list element and ``prefix`` its path.

    Each condition was compiled into a closure when it was built (see ``_field_runner``, ``_combine``):
    evaluating it is one call, with no interpretation of its structure on the hot path.
    """
    return cond.run(ctx, item, prefix)


def _combine(parts: tuple[Condition, ...], every: bool) -> Runner:
    """all / any in one pass. Every part is evaluated (not short-circuited) so that a gap names every
    failing check and an unknown names every missing field."""
    runners = tuple(part.run for part in parts)

    def run(ctx: Context, item: Any, prefix: str) -> Outcome:
        failed: list[AtomResult] = []
        missing: list[str] = []
        any_true = False
        any_false = False
        for runner in runners:
            outcome = runner(ctx, item, prefix)
            truth = outcome.truth
            if truth is _T:
                any_true = True
            elif truth is _F:
                any_false = True
                failed.extend(outcome.failed)
            else:
                missing.extend(outcome.missing)
        if every:
            if any_false:
                return Outcome(_F, failed=failed)
            return Outcome(_U, missing=list(dict.fromkeys(missing))) if missing else _HELD
        if any_true:
            return _HELD
        if missing:
            return Outcome(_U, missing=list(dict.fromkeys(missing)))
        return Outcome(_F, failed=failed)  # an ``any`` whose every part is False

    return run


def _negate(part: Condition) -> Runner:
    def run(ctx: Context, item: Any, prefix: str) -> Outcome:
        inner = part.run(ctx, item, prefix)
        if inner.truth is _U:
            return Outcome(_U, missing=inner.missing)
        if inner.truth is _F:
            return _HELD
        return Outcome(_F, failed=_atoms_that_held(part, ctx, item, prefix))

    return run


def _generic_runner(atom: Atom) -> Runner:
    def run(ctx: Context, item: Any, prefix: str) -> Outcome:
        return _atom(atom, ctx, item, prefix)

    return run


def _field_runner(atom: Atom) -> Runner:
    """A field atom as a closure, with the comparison chosen once for its operator and operand."""
    parts = atom.parts
    op = atom.op
    operand = atom.operand
    dynamic = atom.dynamic
    target = atom.target
    compare = _fast_comparison(op, operand) or (lambda actual, required: _compare(op, actual, required))

    def run(ctx: Context, item: Any, prefix: str) -> Outcome:
        value = item if prefix else ctx.data
        for part in parts:
            if type(value) is not dict:
                value = MISSING
                break
            value = value.get(part, MISSING)
            if value is MISSING:
                break
        required = operand.resolve(ctx.as_of) if dynamic else operand
        truth = compare(value, required)
        if truth is _T:
            return _HELD
        if truth is _F:
            return Outcome(_F, failed=[AtomResult(atom, truth, value, required)])
        return Outcome(_U, missing=[_full_path(target, prefix)])

    return run


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


def _atoms_that_held(cond: Condition, ctx: Context, item: Any, prefix: str) -> list[AtomResult]:
    """For ``not``: the atoms whose truth made the negation fail, marked as negated."""
    if isinstance(cond, Atom):
        result = _atom_result(cond, ctx, item, prefix)
        return [AtomResult(result.atom, Truth.FALSE, result.actual, result.required, negated=True)]
    if isinstance(cond, Not):
        return evaluate(cond.part, ctx, item, prefix).failed
    return [r for part in cond.parts for r in _atoms_that_held(part, ctx, item, prefix)]


def _lookup_parts(data: Any, parts: tuple[str, ...]) -> Any:
    value = data
    for part in parts:
        if type(value) is not dict:
            return MISSING
        value = value.get(part, MISSING)
        if value is MISSING:
            return MISSING
    return value


def _atom(atom: Atom, ctx: Context, item: Any, prefix: str) -> Outcome:
    if atom.subject == "field":
        # The common case, without building an AtomResult unless the atom fails.
        actual = _lookup_parts(item if prefix else ctx.data, atom.parts)
        required = atom.operand.resolve(ctx.as_of) if atom.dynamic else atom.operand
        truth = _compare(atom.op, actual, required)
        if truth is Truth.TRUE:
            return _HELD
        if truth is Truth.FALSE:
            return Outcome(Truth.FALSE, failed=[AtomResult(atom, truth, actual, required)])
        return Outcome(Truth.UNKNOWN, missing=[_full_path(atom.target, prefix)])
    result = _atom_result(atom, ctx, item, prefix)
    if result.truth is Truth.UNKNOWN:
        return Outcome(Truth.UNKNOWN, missing=_missing_paths(atom, ctx, item, prefix))
    if result.truth is Truth.FALSE:
        return Outcome(Truth.FALSE, failed=[result])
    return _HELD


def _full_path(path: str, prefix: str) -> str:
    if not prefix:
        return path
    return prefix if path == "." else f"{prefix}.{path}"


def _missing_paths(atom: Atom, ctx: Context, item: Any, prefix: str) -> list[str]:
    if atom.subject == "classification":
        return ctx.classification(atom.target)[1]
    base = item if prefix else ctx.data
    if atom.subject == "field":
        return [_full_path(atom.target, prefix)]
    items = lookup(base, atom.target)
    list_path = _full_path(atom.target, prefix)
    if not isinstance(items, list):
        return [list_path]
    missing: list[str] = []
    for i, element in enumerate(items):
        element_prefix = f"{list_path}[{i}]"
        if atom.where is not None:
            out = evaluate(atom.where, ctx, element, element_prefix)
            missing.extend(out.missing)
        if atom.subject == "sum" and atom.of is not None and lookup(element, atom.of) is MISSING:
            missing.append(_full_path(atom.of, element_prefix))
    return list(dict.fromkeys(missing)) or [list_path]


def _atom_result(atom: Atom, ctx: Context, item: Any, prefix: str) -> AtomResult:
    required = atom.operand.resolve(ctx.as_of) if isinstance(atom.operand, AsOfOffset) else atom.operand
    base = item if prefix else ctx.data
    if atom.subject == "field":
        actual = lookup(base, atom.target)
        truth = _compare(atom.op, actual, required)
        return AtomResult(atom, truth, actual, required)
    if atom.subject == "classification":
        value, _ = ctx.classification(atom.target)
        actual = MISSING if value is None else value
        return AtomResult(atom, _compare(atom.op, actual, required), actual, required)
    items = _lookup_parts(base, atom.parts)
    if not isinstance(items, list):
        return AtomResult(atom, Truth.UNKNOWN, MISSING, required)
    list_path = _full_path(atom.target, prefix)
    low = high = 0  # the aggregate lies between low (unknowns left out) and high (unknowns counted)
    for i, element in enumerate(items):
        if atom.where is not None:
            verdict = evaluate(atom.where, ctx, element, f"{list_path}[{i}]").truth
            if verdict is Truth.FALSE:
                continue
        else:
            verdict = Truth.TRUE
        if atom.subject == "count":
            amount: float = 1
        else:
            value = lookup(element, atom.of or ".")  # sums only: rare
            if value is MISSING or not _is_number(value):
                verdict = Truth.UNKNOWN
                amount = 0
            else:
                amount = value
        if verdict is Truth.TRUE:
            low += amount
            high += amount
        else:
            high += amount if atom.subject == "count" else 0
            if atom.subject == "sum":
                return AtomResult(atom, Truth.UNKNOWN, MISSING, required)
    t_low = _compare(atom.op, low, required)
    t_high = _compare(atom.op, high, required)
    if t_low is t_high:
        return AtomResult(atom, t_low, low, required)
    return AtomResult(atom, Truth.UNKNOWN, (low, high), required)


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
        raise ConditionError(f"unknown operator {op!r}")
    return Truth.TRUE if held else Truth.FALSE


def fields_read(cond: Condition, prefix: str = "") -> list[str]:
    """Every profile field path a condition reads (``[]`` marks a list element), for lint and docs."""
    if isinstance(cond, All | AnyOf):
        return [f for part in cond.parts for f in fields_read(part, prefix)]
    if isinstance(cond, Not):
        return fields_read(cond.part, prefix)
    if cond.subject == "classification":
        return []
    path = _full_path(cond.target, prefix)
    if cond.subject == "field":
        return [path]
    out = [path]
    if cond.where is not None:
        out += fields_read(cond.where, f"{path}[]")
    if cond.of is not None:
        out.append(_full_path(cond.of, f"{path}[]"))
    return out


def classifications_read(cond: Condition) -> list[str]:
    if isinstance(cond, All | AnyOf):
        return [c for part in cond.parts for c in classifications_read(part)]
    if isinstance(cond, Not):
        return classifications_read(cond.part)
    out = [cond.target] if cond.subject == "classification" else []
    if cond.where is not None:
        out += classifications_read(cond.where)
    return out

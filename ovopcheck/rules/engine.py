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

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..frozen import record
from ..sharing import shared
from .compare import _F, _T, _U, MISSING, OPERATORS, AsOfOffset, Truth, _is_number, compare, lookup


class _Compiled:
    """A condition compiled into a closure (``run``) when it is built: pickled without what is derived,
    which is built again on unpickling."""

    _derived: ClassVar[tuple[str, ...]] = ("run",)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in self._derived}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        self.__post_init__()

    def __post_init__(self) -> None:  # pragma: no cover - each condition class has its own
        raise NotImplementedError


@shared  # see sharing.py
@record
class Atom(_Compiled):
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
    _derived = ("run", "parts", "dynamic")

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", () if self.target == "." else tuple(self.target.split(".")))
        object.__setattr__(self, "dynamic", isinstance(self.operand, AsOfOffset))
        object.__setattr__(self, "run", _field_runner(self) if self.subject == "field" else _generic_runner(self))


@record
class All(_Compiled):
    """``all``: true when every part is true, false as soon as one is false, else unknown."""

    parts: tuple[Condition, ...]
    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run", _combine(self.parts, every=True))


@record
class AnyOf(_Compiled):
    """``any``: true as soon as one part is true, false when every part is false, else unknown."""

    parts: tuple[Condition, ...]
    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run", _combine(self.parts, every=False))


@record
class Not(_Compiled):
    """``not``: true and false swap; unknown stays unknown."""

    part: Condition
    run: Runner = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run", _negate(self.part))


Condition = Atom | All | AnyOf | Not


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

    def possible_classes(self, cid: str) -> tuple[str, ...]:
        """The classes the known figures leave open, when the class itself is not known (none: no telling)."""
        return ()

    def classification_definition(self, cid: str) -> Any:
        """The classification ``cid`` of the set being evaluated (None without one)."""
        return None


_HELD = Outcome(Truth.TRUE)  # shared: callers only read outcomes


def evaluate(cond: Condition, ctx: Context, item: Any = MISSING, prefix: str = "") -> Outcome:
    """Evaluate ``cond``; inside ``where``, ``item`` is the list element and ``prefix`` its path.

    Each condition was compiled into a closure when it was built (see ``_field_runner``, ``_combine``):
    evaluating it is one call, with no interpretation of its structure on the hot path.
    """
    return cond.run(ctx, item, prefix)


def _combine(parts: tuple[Condition, ...], every: bool) -> Runner:
    """all / any in one pass. An ``all`` evaluates every part (not short-circuited) so that a gap names
    every failing check and an unknown names every missing field; an ``any`` stops at its first true part,
    which decides it whatever the others say."""
    runners = tuple(part.run for part in parts)

    def run(ctx: Context, item: Any, prefix: str) -> Outcome:
        failed: list[AtomResult] = []
        missing: list[str] = []
        any_false = False
        for runner in runners:
            outcome = runner(ctx, item, prefix)
            truth = outcome.truth
            if truth is _T:
                if not every:
                    return _HELD
            elif truth is _F:
                any_false = True
                failed.extend(outcome.failed)
            else:
                missing.extend(outcome.missing)
        if every and any_false:
            return Outcome(_F, failed=failed)
        if missing:
            return Outcome(_U, missing=list(dict.fromkeys(missing)))
        return _HELD if every else Outcome(_F, failed=failed)  # an ``any`` whose every part is False

    return run


def deciding_runner(cond: Condition) -> Runner:
    """A runner for a condition whose failures are never reported (``applies_when``: false only means "does
    not apply"): a top-level ``all`` stops at its first false part. Unknowns are still all named."""
    if not isinstance(cond, All):
        return cond.run
    runners = tuple(part.run for part in cond.parts)

    def run(ctx: Context, item: Any, prefix: str) -> Outcome:
        missing: list[str] = []
        for runner in runners:
            outcome = runner(ctx, item, prefix)
            if outcome.truth is _F:
                return outcome
            if outcome.truth is _U:
                missing.extend(outcome.missing)
        return Outcome(_U, missing=list(dict.fromkeys(missing))) if missing else _HELD

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
    operand = atom.operand
    dynamic = atom.dynamic
    target = atom.target
    compare = OPERATORS[atom.op].comparison(operand)

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
        return Outcome(_U, missing=[full_path(target, prefix)])

    return run


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
    """A count, sum or classification atom (a field atom runs as its own closure: see ``_field_runner``)."""
    result = _atom_result(atom, ctx, item, prefix)
    if result.truth is Truth.UNKNOWN:
        return Outcome(Truth.UNKNOWN, missing=_missing_paths(atom, ctx, item, prefix))
    if result.truth is Truth.FALSE:
        return Outcome(Truth.FALSE, failed=[result])
    return _HELD


def full_path(path: str, prefix: str) -> str:
    if not prefix:
        return path
    return prefix if path == "." else f"{prefix}.{path}"


def _missing_paths(atom: Atom, ctx: Context, item: Any, prefix: str) -> list[str]:
    if atom.subject == "classification":
        return ctx.classification(atom.target)[1]
    base = item if prefix else ctx.data
    if atom.subject == "field":
        return [full_path(atom.target, prefix)]
    items = lookup(base, atom.target)
    list_path = full_path(atom.target, prefix)
    if not isinstance(items, list):
        return [list_path]
    missing: list[str] = []
    for i, element in enumerate(items):
        element_prefix = f"{list_path}[{i}]"
        if atom.where is not None:
            out = evaluate(atom.where, ctx, element, element_prefix)
            missing.extend(out.missing)
        if atom.subject == "sum" and atom.of is not None and lookup(element, atom.of) is MISSING:
            missing.append(full_path(atom.of, element_prefix))
    return list(dict.fromkeys(missing)) or [list_path]


def _atom_result(atom: Atom, ctx: Context, item: Any, prefix: str) -> AtomResult:
    required = atom.operand.resolve(ctx.as_of) if isinstance(atom.operand, AsOfOffset) else atom.operand
    base = item if prefix else ctx.data
    if atom.subject == "field":
        actual = lookup(base, atom.target)
        truth = compare(atom.op, actual, required)
        return AtomResult(atom, truth, actual, required)
    if atom.subject == "classification":
        value, _ = ctx.classification(atom.target)
        if value is None:
            # Partial figures can still decide: when every class still open gives the same answer.
            possible = ctx.possible_classes(atom.target)
            truths = {compare(atom.op, v, required) for v in possible}
            if len(truths) == 1:
                return AtomResult(atom, truths.pop(), " / ".join(possible), required)
            return AtomResult(atom, Truth.UNKNOWN, MISSING, required)
        return AtomResult(atom, compare(atom.op, value, required), value, required)
    items = _lookup_parts(base, atom.parts)
    if not isinstance(items, list):
        return AtomResult(atom, Truth.UNKNOWN, MISSING, required)
    list_path = full_path(atom.target, prefix)
    low: float = 0  # the aggregate lies between low (unknowns left out) and high (unknowns counted)
    high: float = 0
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
    t_low = compare(atom.op, low, required)
    t_high = compare(atom.op, high, required)
    if t_low is t_high:
        return AtomResult(atom, t_low, low, required)
    return AtomResult(atom, Truth.UNKNOWN, (low, high), required)

"""A condition's criteria-file form (``{field: x, ge: 5}``, ``{all: [...]}``) compiled into the engine's
classes. Nothing is ever passed to ``eval``, ``exec`` or a template engine."""

from __future__ import annotations

from typing import Any

from .compare import OPERATORS, AsOfOffset
from .engine import All, AnyOf, Atom, Condition, Not


class ConditionError(ValueError):
    """A condition in a criteria file is malformed (the schema normally catches this first)."""


SUBJECTS = ("field", "count", "sum", "classification")


def negated(cond: Condition) -> Condition:
    """``not`` pushed down to the atoms (De Morgan's laws hold in Kleene's three-valued logic, so every
    truth value stays the same): ``not (a and b)`` is ``not a or not b``, ``not not a`` is ``a``. A negation
    then only ever wraps an atom, and evaluating it never evaluates anything twice: the cost of a condition
    stays linear in its size however deeply ``not`` is nested (nested as written it was exponential)."""
    if isinstance(cond, Not):
        return cond.part
    if isinstance(cond, All):
        return AnyOf(tuple(negated(p) for p in cond.parts))
    if isinstance(cond, AnyOf):
        return All(tuple(negated(p) for p in cond.parts))
    return Not(cond)


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
        return negated(compile_condition(raw["not"]))
    subjects = [s for s in SUBJECTS if s in raw]
    ops = [o for o in OPERATORS if o in raw]
    if len(subjects) != 1 or len(ops) != 1:
        raise ConditionError("an atom needs exactly one subject and exactly one operator")
    subject, op = subjects[0], ops[0]
    operand = raw[op]
    if isinstance(operand, dict) and "as_of" in operand:
        offset = operand["as_of"] or {}
        operand = AsOfOffset(offset.get("years", 0), offset.get("months", 0), offset.get("days", 0))
    elif OPERATORS[op].operand in ("values", "prefixes"):
        operand = tuple(operand)
    if subject == "sum" and "of" not in raw:
        raise ConditionError("'sum' needs 'of'")
    where = compile_condition(raw["where"]) if "where" in raw else None
    gap = raw.get("gap")
    return Atom(subject, raw[subject], op, operand, raw.get("of"), where, gap)

"""Thresholds of the wrong type: a criterion comparing a number field with text (``ge: "5"``) can never
be met, so it is a bug of the criteria file, found when the file is loaded (and by ``criteria lint``)."""

from __future__ import annotations

from ..rules.compare import OPERATORS, AsOfOffset
from ..rules.engine import Condition, full_path
from ..rules.walk import iter_atoms
from .schema import schema_index


def field_types(path: str) -> frozenset[str] | None:
    """The JSON types the profile schema allows at ``path`` (``[]`` steps into a list), None if unknown."""
    index = schema_index("profile")
    node = index.resolve(index.root) or {}
    for part in path.replace("[]", ".[]").split("."):
        if not part:
            continue
        child = index.child(node, 0 if part == "[]" else part)
        if child is None:
            return None
        node = child
    types = set(index.types(node))
    if node.get("format") == "date" or node.get("$ref") == "#/$defs/date":
        types.add("date")
    return frozenset(types)


def _operand_kind(value: object) -> str:
    if isinstance(value, AsOfOffset):
        return "date"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "string"


def operand_type_problems(cond: Condition) -> list[str]:
    """Thresholds whose type the field can never have (``ge: "5"`` on a number): always false, so a bug."""
    out: list[str] = []
    for atom, prefix in iter_atoms(cond):
        if atom.subject in ("count", "sum"):
            if OPERATORS[atom.op].operand != "flag" and _operand_kind(atom.operand) != "number":
                out.append(f"{atom.subject} of {atom.target} compared with a non-number {atom.operand!r}")
            continue
        shape = OPERATORS[atom.op].operand
        if atom.subject != "field" or shape == "flag":
            continue
        path = full_path(atom.target, prefix)
        allowed = field_types(path)
        if not allowed:
            continue
        for operand in atom.operand if shape in ("values", "prefixes") else (atom.operand,):
            kind = "string" if shape == "prefixes" else _operand_kind(operand)
            fits = (
                (kind == "number" and allowed & {"integer", "number"})
                or (kind == "boolean" and "boolean" in allowed)
                or (kind == "string" and "string" in allowed)
                or (kind == "date" and "date" in allowed)
            )
            if not fits:
                out.append(f"{path} ({'/'.join(sorted(allowed))}) compared with {operand!r} ({kind})")
    return out

"""The one walk over a condition tree, and what lint, docs, reports and the batch read with it: the
profile fields a condition reads and the classifications it uses."""

from __future__ import annotations

from collections.abc import Iterator

from .engine import Atom, Condition, Not, full_path


def iter_atoms(cond: Condition, prefix: str = "") -> Iterator[tuple[Atom, str]]:
    """Every atom of a condition, depth first, each with the path of the list element it reads inside a
    ``where`` (``list[]`` marks an element; "" at the top)."""
    if isinstance(cond, Atom):
        yield cond, prefix
        if cond.where is not None:
            yield from iter_atoms(cond.where, f"{full_path(cond.target, prefix)}[]")
    elif isinstance(cond, Not):
        yield from iter_atoms(cond.part, prefix)
    else:
        for part in cond.parts:
            yield from iter_atoms(part, prefix)


def fields_read(cond: Condition) -> list[str]:
    """Every profile field path a condition reads (``[]`` marks a list element), for lint, docs and reports."""
    out: list[str] = []
    for atom, prefix in iter_atoms(cond):
        if atom.subject == "classification":
            continue
        path = full_path(atom.target, prefix)
        out.append(path)
        if atom.of is not None:
            out.append(full_path(atom.of, f"{path}[]"))
    return out


def classifications_read(cond: Condition) -> list[str]:
    """The classifications a condition uses (e.g. business size), in order."""
    return [atom.target for atom, _ in iter_atoms(cond) if atom.subject == "classification"]

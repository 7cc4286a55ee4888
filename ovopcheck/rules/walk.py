"""Walks over a condition tree: the profile fields and the classifications it reads (lint, docs, reports)."""

from __future__ import annotations

from .engine import All, AnyOf, Condition, Not, _full_path


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

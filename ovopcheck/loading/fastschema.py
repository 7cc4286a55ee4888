"""A fast yes/no validator for the JSON Schema subset ovopcheck's own schemas use.

jsonschema is precise but costs ~2 ms per profile, more than parsing it. Most files in a batch are
valid, so they are passed by closures compiled once from the schema; only a file this says "no" to is
handed to jsonschema, whose messages are the ones reported. A keyword this compiler does not know makes
``compile_schema`` return None, and jsonschema is then used for every file: it can be slower, never
laxer. A test checks that both agree on generated profiles.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Iterable
from typing import Any

Check = Callable[[Any], bool]

_KNOWN = {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "x-description-id",
    "x-label",
    "x-label-id",
    "x-heading-aliases",
    "examples",
    "type",
    "properties",
    "additionalProperties",
    "required",
    "enum",
    "const",
    "pattern",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "format",
    "anyOf",
    "allOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
}


class Unsupported(Exception):
    pass


def compile_schema(root: dict[str, Any]) -> Check | None:
    """A function telling whether data is valid against ``root``, or None if the schema is out of reach."""
    try:
        return _Compiler(root).compile(root)
    except Unsupported:
        return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_SCALARS = (str, int, float, bool)

_TYPES: dict[str, Check] = {
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "string": lambda v: type(v) is str,
    "integer": lambda v: type(v) is int or (type(v) is float and v.is_integer()),
    "number": lambda v: type(v) is int or type(v) is float,
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
}


def _valid_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.cache: dict[int, Check] = {}

    def resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise Unsupported(ref)
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def compile(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return lambda v: True
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        key = id(schema)
        if key in self.cache:
            return self.cache[key]
        unknown = set(schema) - _KNOWN
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        checks: list[Check] = []
        if "$ref" in schema:
            # Stands in for this schema while its target compiles, for a target that refers back to it;
            # it reads ``checks``, which is filled below.
            self.cache[key] = lambda v: all(c(v) for c in checks)
            checks.append(self.compile(self.resolve(schema["$ref"])))
        scalar = None if "$ref" in schema else _scalar(schema)
        if scalar is not None:
            checks.append(scalar)
        else:
            self._compile_keywords(schema, checks)
        if len(checks) == 1:
            compiled = checks[0]
        else:

            def compiled(v: Any, checks: list[Check] = checks) -> bool:
                for check in checks:  # noqa: SIM110 - a plain loop is faster than all() on the hot path
                    if not check(v):
                        return False
                return True

        self.cache[key] = compiled
        return compiled

    def _compile_keywords(self, s: dict[str, Any], checks: list[Check]) -> None:
        if "type" in s:
            names = [s["type"]] if isinstance(s["type"], str) else list(s["type"])
            tests = [_TYPES[n] for n in names]
            checks.append(tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests))
        if "pattern" in s:
            search = re.compile(s["pattern"]).search
            checks.append(lambda v: not isinstance(v, str) or search(v) is not None)
        if "const" in s:
            const = s["const"]
            checks.append(lambda v: v == const and type(v) is type(const))
        if "enum" in s:
            options = s["enum"]
            if all(type(o) in (str, int, float, bool) for o in options):
                allowed = frozenset((type(o), o) for o in options)
                checks.append(lambda v: type(v) in _SCALARS and (type(v), v) in allowed)
            else:
                checks.append(lambda v: any(v == o and type(v) is type(o) for o in options))
        if s.get("format") == "date":
            checks.append(_valid_date)
        bounds: tuple[tuple[str, Callable[[Any, Any], bool]], ...] = (
            ("minimum", operator.ge),
            ("maximum", operator.le),
        )
        for word, test in bounds:
            if word in s:
                checks.append(_bounded(s[word], test))
        if "minLength" in s or "maxLength" in s:
            low, high = s.get("minLength", 0), s.get("maxLength", float("inf"))
            checks.append(lambda v: not isinstance(v, str) or low <= len(v) <= high)
        if "minItems" in s or "maxItems" in s:
            low_i, high_i = s.get("minItems", 0), s.get("maxItems", float("inf"))
            checks.append(lambda v: not isinstance(v, list) or low_i <= len(v) <= high_i)
        if s.get("uniqueItems"):
            checks.append(lambda v: not isinstance(v, list) or _unique(v))
        if "items" in s:
            item = self.compile(s["items"])
            checks.append(lambda v: not isinstance(v, list) or all(item(x) for x in v))
        if "properties" in s or "required" in s or "additionalProperties" in s:
            checks.append(self._object(s))
        for branch_key, combine in (("anyOf", any), ("allOf", all)):
            if branch_key in s:
                branches = [self.compile(b) for b in s[branch_key]]
                checks.append(_combined(branches, combine))
        if "oneOf" in s:
            options = [self.compile(b) for b in s["oneOf"]]

            def exactly_one(v: Any, options: list[Check] = options) -> bool:
                matched = 0
                for option in options:
                    if option(v):
                        matched += 1
                        if matched > 1:
                            return False
                return matched == 1

            checks.append(exactly_one)
        if "not" in s:
            negated = self.compile(s["not"])
            checks.append(lambda v: not negated(v))
        if "if" in s:
            condition = self.compile(s["if"])
            then = self.compile(s.get("then", {}))
            otherwise = self.compile(s.get("else", {}))
            checks.append(lambda v: then(v) if condition(v) else otherwise(v))

    def _object(self, s: dict[str, Any]) -> Check:
        props = {k: self.compile(v) for k, v in s.get("properties", {}).items()}
        required = tuple(s.get("required", ()))
        extra = s.get("additionalProperties", True)
        extra_check = None if extra is True else (lambda v: False) if extra is False else self.compile(extra)

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name in required:
                if name not in value:
                    return False
            for name, item in value.items():
                sub = props.get(name)
                if sub is None:
                    if extra_check is not None and not extra_check(item):
                        return False
                elif not sub(item):
                    return False
            return True

        return check


_ANNOTATIONS = frozenset(
    {"title", "description", "x-description-id", "x-label", "x-label-id", "x-heading-aliases", "examples"}
)
_INF = float("inf")


def _scalar(s: dict[str, Any]) -> Check | None:
    """One closure for the scalar shapes most of a profile schema is made of (text with bounds or a
    pattern, a bounded number, a typed enum); None for anything else, compiled keyword by keyword."""
    words = set(s) - _ANNOTATIONS
    kind = s.get("type")
    if kind == "string" and words <= {"type", "pattern", "minLength", "maxLength"}:
        low, high = s.get("minLength", 0), s.get("maxLength", _INF)
        if "pattern" not in s:
            return lambda v: type(v) is str and low <= len(v) <= high
        search = re.compile(s["pattern"]).search
        return lambda v: type(v) is str and low <= len(v) <= high and search(v) is not None
    if kind in ("integer", "number") and words <= {"type", "minimum", "maximum"}:
        least, most = s.get("minimum", -_INF), s.get("maximum", _INF)
        if kind == "number":
            return lambda v: (type(v) is int or type(v) is float) and least <= v <= most
        return lambda v: (type(v) is int or (type(v) is float and v.is_integer())) and least <= v <= most
    options = s.get("enum")
    if (
        isinstance(options, list)
        and words <= {"type", "enum"}
        and all(type(o) in _SCALARS for o in options)
        and (kind is None or (isinstance(kind, str) and all(_TYPES[kind](o) for o in options)))
    ):
        # Every allowed value has the declared type, so membership alone decides.
        allowed = frozenset((type(o), o) for o in options)
        return lambda v: type(v) in _SCALARS and (type(v), v) in allowed
    return None


def _unique(values: list[Any]) -> bool:
    seen = []
    for value in values:
        marker = (type(value).__name__ if isinstance(value, bool) else "", value)
        if marker in seen:
            return False
        seen.append(marker)
    return True


def _bounded(bound: Any, test: Callable[[Any, Any], bool]) -> Check:
    """``minimum`` / ``maximum``: only numbers are bounded (other types are the ``type`` check's)."""
    return lambda v: not _is_number(v) or test(v, bound)


def _combined(branches: list[Check], combine: Callable[[Iterable[bool]], bool]) -> Check:
    """``anyOf`` (any) / ``allOf`` (all) over compiled branches."""
    return lambda v: combine(b(v) for b in branches)

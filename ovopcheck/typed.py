"""Turn a node tree into plain data, typing each plain scalar by what the schema expects there.

This is how identifiers survive: where the schema says ``string`` (NIB, KBLI, P-IRT, dates), the text
is kept exactly as written, so ``nib: 0123456789012`` stays ``"0123456789012"``. Where it says
``integer`` or ``number``, only plain decimal notation is a number (no ``1_000``, ``0x1f``, ``.inf``,
sexagesimal ``10:30``); where it says ``boolean``, only ``true``/``false``. Anything else stays text,
and schema validation then reports it precisely. Where the schema says nothing, YAML 1.2 core rules
apply, except that a number with a leading zero stays text.

An empty value (``nib:`` or ``nib: null``) means "not filled in" and the key is dropped, the same
as leaving it out, and so does a section whose fields are all empty; a half-filled template reads as
missing information rather than as invalid.
"""

from __future__ import annotations

import re
from typing import Any

from .yamlsource import Mapping, Node, Scalar, Sequence

Path = tuple[str | int, ...]
Positions = dict[Path, tuple[int, int]]

_INT = re.compile(r"[-+]?[0-9]{1,30}")
_FLOAT = re.compile(r"[-+]?([0-9]{1,30}(\.[0-9]{0,30})?|\.[0-9]{1,30})([eE][-+]?[0-9]{1,3})?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


class SchemaIndex:
    """Answers "what types are expected here" for a JSON Schema, following local ``$ref``s."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self._types: dict[int, frozenset[str]] = {}

    def resolve(self, schema: Any) -> dict[str, Any] | None:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 32:
            ref = schema["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                return None
            target: Any = self.root
            for part in ref[2:].split("/"):
                target = target.get(part) if isinstance(target, dict) else None
            schema = target
            seen += 1
        return schema if isinstance(schema, dict) else None

    def types(self, schema: dict[str, Any] | None) -> frozenset[str]:
        if schema is None:
            return frozenset()
        key = id(schema)
        cached = self._types.get(key)
        if cached is None:
            cached = frozenset(self._collect(schema, 0))
            self._types[key] = cached
        return cached

    def _collect(self, schema: dict[str, Any] | None, depth: int) -> set[str]:
        if schema is None or depth > 16:
            return set()
        found: set[str] = set()
        declared = schema.get("type")
        if isinstance(declared, str):
            found.add(declared)
        elif isinstance(declared, list):
            found.update(t for t in declared if isinstance(t, str))
        for value in [schema["const"]] if "const" in schema else schema.get("enum", []):
            found.add(_json_type(value))
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(key, []):
                found |= self._collect(self.resolve(branch), depth + 1)
        return found

    def child(self, schema: dict[str, Any] | None, key: str | int) -> dict[str, Any] | None:
        if schema is None:
            return None
        if isinstance(key, int):
            return self.resolve(schema.get("items"))
        props = schema.get("properties")
        if isinstance(props, dict) and key in props:
            return self.resolve(props[key])
        for pattern, sub in schema.get("patternProperties", {}).items():
            if re.search(pattern, key):
                return self.resolve(sub)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            return self.resolve(extra)
        # A key may be declared in an anyOf/oneOf branch (e.g. one condition form among several).
        for branch_key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(branch_key, []):
                sub = self.child(self.resolve(branch), key)
                if sub is not None:
                    return sub
        return None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def scalar_value(node: Scalar, expected: frozenset[str]) -> Any:
    """The value of one scalar, given the JSON types the schema allows at its place."""
    text = node.text
    if not node.plain:
        return text
    if text in _NULLS:
        return None
    if not expected:
        return _core_value(text)
    if "boolean" in expected:
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    if ("integer" in expected or "number" in expected) and _INT.fullmatch(text):
        return int(text)
    if "number" in expected and _FLOAT.fullmatch(text):
        return float(text)
    return text


def _core_value(text: str) -> Any:
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        digits = text.lstrip("+-")
        return text if len(digits) > 1 and digits.startswith("0") else int(text)
    if _FLOAT.fullmatch(text) and any(c.isdigit() for c in text):
        return float(text)
    return text


def to_data(node: Node, index: SchemaIndex | None, drop_empty_sections: bool = False) -> tuple[Any, Positions]:
    """Convert ``node`` to JSON-like data; also return the 1-based (line, column) of every path.

    Empty values are always dropped; with ``drop_empty_sections`` (profiles) so are mappings left empty.
    """
    positions: Positions = {}
    root_schema = index.resolve(index.root) if index else None
    value = _convert(node, root_schema, index, (), positions, drop_empty_sections)
    return value, positions


def _convert(
    node: Node,
    schema: dict[str, Any] | None,
    index: SchemaIndex | None,
    path: Path,
    positions: Positions,
    drop_empty: bool,
) -> Any:
    # Recursion depth is bounded by yamlsource.MAX_DEPTH.
    positions[path] = (node.line, node.column)
    if isinstance(node, Scalar):
        return scalar_value(node, index.types(schema) if index else frozenset())
    if isinstance(node, Sequence):
        out_list = []
        for i, item in enumerate(node.items):
            sub = index.child(schema, i) if index else None
            out_list.append(_convert(item, sub, index, (*path, i), positions, drop_empty))
        return out_list
    assert isinstance(node, Mapping)
    out: dict[str, Any] = {}
    for key, line, column, item in node.items:
        sub = index.child(schema, key) if index else None
        value = _convert(item, sub, index, (*path, key), positions, drop_empty)
        if value is None or (drop_empty and value == {} and isinstance(item, Mapping)):
            continue  # an empty value, or a section with nothing filled in, is "not filled in"
        positions[(*path, key)] = (line, column)
        out[key] = value
    return out

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
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import InputError, Problem
from ..model.results import Reading
from . import read
from .forms import NOT_READ, form_of
from .read import MAP_TAG, PLAIN, QUOTED, SEQ_TAG, STR_TAG, MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]
Positions = Mapping[Path, tuple[int, int]]

_INT = re.compile(r"[-+]?[0-9]{1,30}")
_FLOAT = re.compile(r"[-+]?([0-9]{1,30}(\.[0-9]{0,30})?|\.[0-9]{1,30})([eE][-+]?[0-9]{1,3})?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


class SchemaIndex:
    """Answers "what types are expected here" for a JSON Schema, following local ``$ref``s.

    ``forms``: whether values may also be written the way officers write them (profiles: see forms.py);
    criteria and config files, written by maintainers, keep to the canonical forms."""

    def __init__(self, schema: dict[str, Any], forms: bool = False) -> None:
        self.root = schema
        self.forms = forms
        self._types: dict[int, frozenset[str]] = {}
        self._children: dict[tuple[int, str | int], dict[str, Any] | None] = {}
        self._plans: dict[int, Plan] = {}

    def plan(self, schema: dict[str, Any]) -> Plan:
        key = id(schema)
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = Plan(self, schema)
        return found

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
        """The schema for ``key`` (a property name, or any int for list items) inside ``schema``; cached."""
        if schema is None:
            return None
        cache_key = (id(schema), 0 if isinstance(key, int) else key)
        try:
            return self._children[cache_key]
        except KeyError:
            pass
        found = self._child(schema, key)
        self._children[cache_key] = found
        return found

    def _child(self, schema: dict[str, Any], key: str | int) -> dict[str, Any] | None:
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
                resolved = self.resolve(branch)
                sub = self._child(resolved, key) if resolved is not None else None
                if sub is not None:
                    return sub
        return None


class Plan:
    """What the walk needs of one schema node: the types it allows and, found on first use, the plan of
    each child. Plain attribute and dict reads on the hot path, instead of schema lookups per value."""

    __slots__ = ("children", "index", "reader", "schema", "types")

    def __init__(self, index: SchemaIndex, schema: dict[str, Any]) -> None:
        self.index = index
        self.schema = schema
        self.types = index.types(schema)
        form = form_of(schema, self.types) if index.forms else None
        self.reader = form.reader() if form is not None else None  # values as officers write them
        self.children: dict[str | int, Plan | None] = {}

    def child(self, key: str | int) -> Plan | None:
        try:
            return self.children[key]
        except KeyError:
            sub = self.index.child(self.schema, key)
            found = None if sub is None else self.index.plan(sub)
            self.children[key] = found
            return found


_NO_TYPES: frozenset[str] = frozenset()


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


def plain_value(text: str, expected: frozenset[str]) -> Any:
    """The value of one plain scalar, given the JSON types the schema allows at its place."""
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


def to_data(
    node: Node,
    index: SchemaIndex | None,
    drop_empty_sections: bool = False,
    source: str = "<yaml>",
    aliases_possible: bool = True,
    readings: list[Reading] | None = None,
) -> tuple[Any, Positions]:
    """Convert ``node`` to JSON-like data; also return the 1-based (line, column) of every path.

    The same walk enforces the safe subset (see read.py): an alias, a tag other than ``!!str``, a
    duplicate or merge key, a non-text key, too deep or too many nodes, or a scalar too long is an
    InputError at its line and column. Empty values are always dropped; with ``drop_empty_sections``
    (profiles) so are mappings left empty.

    Positions are worked out from the node tree only when something asks for one (an invalid file, a
    report that points at lines): most valid profiles in a batch never need them.

    Values written the officer's way and read as canonical (see forms.py) are appended to ``readings``.
    """
    walker = _Walker(drop_empty_sections, source, aliases_possible)
    root_schema = index.resolve(index.root) if index else None
    value = walker.convert(node, index.plan(root_schema) if index and root_schema else None, 0)
    if walker.read and readings is not None:
        readings.extend(_located(node, walker.read))
    return value, NodePositions(node)


def _located(root: Node, read_nodes: list[tuple[Node, Any]]) -> list[Reading]:
    """Where each value read the officer's way stands in the document (a rare case: walked only then)."""
    wanted = {id(node): value for node, value in read_nodes}
    found: list[Reading] = []
    stack: list[tuple[Node, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in wanted:
            mark = node.start_mark
            found.append(Reading(path, node.value, wanted[id(node)], mark.line + 1, mark.column + 1))
        if type(node) is MappingNode:
            stack.extend((item, (*path, key.value)) for key, item in node.value)
        elif type(node) is SequenceNode:
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))
    return sorted(found, key=lambda r: (r.line, r.column))


class NodePositions(Mapping[Path, tuple[int, int]]):
    """Path -> (line, column) of a converted tree, built on first use: a mapping child is placed at its
    key, a list item and the root at the node itself."""

    __slots__ = ("_root", "_table")

    def __init__(self, root: Node) -> None:
        self._root: Node | None = root
        self._table: dict[Path, tuple[int, int]] | None = None

    def table(self) -> dict[Path, tuple[int, int]]:
        """The positions as a plain table, built now if not yet; the node tree is then let go."""
        table = self._table
        if table is None:
            assert self._root is not None
            table = {}
            mark = self._root.start_mark
            table[()] = (mark.line + 1, mark.column + 1)
            stack: list[tuple[Node, Path]] = [(self._root, ())]
            while stack:  # iterative: the tree was already bounded in depth and size by the walk
                node, path = stack.pop()
                if type(node) is MappingNode:
                    for key_node, item in node.value:
                        child = (*path, key_node.value)
                        mark = key_node.start_mark
                        table[child] = (mark.line + 1, mark.column + 1)
                        stack.append((item, child))
                elif type(node) is SequenceNode:
                    for i, item in enumerate(node.value):
                        child = (*path, i)
                        mark = item.start_mark
                        table[child] = (mark.line + 1, mark.column + 1)
                        stack.append((item, child))
            self._table = table
            self._root = None  # the node tree is no longer needed
        return table

    def __getitem__(self, path: Path) -> tuple[int, int]:
        return self.table()[path]

    def __iter__(self) -> Iterator[Path]:
        return iter(self.table())

    def __len__(self) -> int:
        return len(self.table())

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self.table(),))  # sent to another process as the plain table


_UNSET: Any = object()


class _Walker:
    def __init__(self, drop_empty: bool, source: str, aliases_possible: bool) -> None:
        self.drop_empty = drop_empty
        self.source = source
        self.seen: set[int] = set()
        # Without a "*" in the text there is no alias, so no node can be met twice and the node count is
        # already bounded by read.node_bound: the bookkeeping below can be skipped.
        self.track = aliases_possible
        self.read: list[tuple[Node, Any]] = []  # scalars read the officer's way, with the value read

    def fail(self, key: str, node: Node, /, **params: object) -> InputError:
        mark = node.start_mark
        return InputError(self.source, [Problem(key, dict(params), mark.line + 1, mark.column + 1)])

    def _visit(self, node: Node, at: Node | None) -> None:
        ident = id(node)
        if ident in self.seen:
            # The same node twice: an alias (*name) was used. Point at where it is used (its key).
            raise self.fail("alias_not_allowed", at or node)
        self.seen.add(ident)
        if len(self.seen) > read.MAX_NODES:
            raise self.fail("too_many_nodes", node, limit=read.MAX_NODES)

    def scalar(self, node: Node, plan: Plan | None) -> Any:
        text = node.value
        if len(text) > read.MAX_SCALAR_CHARS:
            raise self.fail("scalar_too_long", node, limit=read.MAX_SCALAR_CHARS)
        tag = node.tag
        if tag == PLAIN:
            value = plain_value(text, plan.types if plan is not None else _NO_TYPES)
        elif tag in (QUOTED, STR_TAG):
            value = text
        else:
            raise self.fail("tag_not_allowed", node, tag=tag)
        if plan is not None and plan.reader is not None and type(value) is str and value:
            read_as = plan.reader(value)  # canonical text comes back NOT_READ at once
            if read_as is not NOT_READ:
                self.read.append((node, read_as))
                return read_as
        return value

    def convert(self, node: Node, plan: Plan | None, depth: int, at: Node | None = None) -> Any:
        if self.track:
            self._visit(node, at)
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node, plan)
        if depth >= read.MAX_DEPTH:
            raise self.fail("too_deep", node, limit=read.MAX_DEPTH)
        if kind is SequenceNode:
            if node.tag != SEQ_TAG:
                raise self.fail("tag_not_allowed", node, tag=node.tag)
            sub = plan.child(0) if plan is not None else None
            return [self.convert(item, sub, depth + 1) for item in node.value]
        if node.tag != MAP_TAG:
            raise self.fail("tag_not_allowed", node, tag=node.tag)
        out: dict[str, Any] = {}
        seen_keys: set[str] = set()
        children = plan.children if plan is not None else None
        inline = not self.track  # scalars converted here, without a call per value
        for key_node, item in node.value:
            if type(key_node) is not ScalarNode:
                raise self.fail("key_not_scalar", key_node)
            key = key_node.value
            key_tag = key_node.tag
            if key_tag != PLAIN and key_tag != QUOTED and key_tag != STR_TAG:
                raise self.fail("tag_not_allowed", key_node, tag=key_tag)
            if key in seen_keys:
                raise self.fail("duplicate_key", key_node, key=key)
            if key == "<<" and key_tag == PLAIN:
                raise self.fail("merge_key_not_allowed", key_node)
            seen_keys.add(key)
            if children is None:
                sub = None
            else:
                sub = children.get(key, _UNSET)
                if sub is _UNSET:
                    sub = plan.child(key)  # type: ignore[union-attr]
            if inline and type(item) is ScalarNode:
                value = self.scalar(item, sub)
                if value is None:
                    continue  # an empty value is "not filled in"
            else:
                value = self.convert(item, sub, depth + 1, key_node)
                if value is None or (self.drop_empty and value == {} and type(item) is MappingNode):
                    continue  # an empty value, or a section with nothing filled in, is "not filled in"
            out[key] = value
        return out

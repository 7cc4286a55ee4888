"""Read a YAML file into a small node tree that remembers where every value was written.

Why not ``yaml.safe_load``: it turns ``0123`` into 83, ``no`` into False and ``2015-02-30`` into an
exception, it keeps the last of two duplicate keys, it expands aliases (billion laughs) and it forgets
line numbers. Here libyaml only tokenizes; this module composes the tree itself, iteratively, with:

* no anchors or aliases, and no tags except ``!!str`` (profiles and criteria never need them);
* duplicate keys rejected; keys must be plain strings;
* every scalar kept as the text that was written, with its style (plain or quoted): deciding whether
  ``0123`` is a number is left to the schema (see ``typing.py``), so identifiers are never mangled;
* limits on size, depth and node count, so no file can hang the tool or exhaust memory.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import InputError, Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_SCALAR_CHARS = 100_000

_STR_TAGS = {"tag:yaml.org,2002:str", "!!str"}
_Loader: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
HAVE_LIBYAML: bool = _Loader is not yaml.SafeLoader


class Scalar:
    __slots__ = ("column", "line", "plain", "text")

    def __init__(self, text: str, plain: bool, line: int, column: int) -> None:
        self.text = text
        self.plain = plain
        self.line = line
        self.column = column


class Mapping:
    __slots__ = ("column", "items", "keys", "line")

    def __init__(self, line: int, column: int) -> None:
        # items: list of (key, key_line, key_column, value node)
        self.items: list[tuple[str, int, int, Node]] = []
        self.keys: set[str] = set()
        self.line = line
        self.column = column


class Sequence:
    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.items: list[Node] = []
        self.line = line
        self.column = column


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True)
class Document:
    source: str
    root: Node


def read_text(path: str | os.PathLike[str], source: str | None = None, max_bytes: int = MAX_BYTES) -> str:
    """Read a regular file as text; anything else (FIFO, device, too big, not UTF-8/16) is an InputError."""
    name = source if source is not None else os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO must not block; the fstat below then rejects it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(name, [Problem("file_not_found")]) from None
    except IsADirectoryError:
        raise InputError(name, [Problem("is_directory")]) from None
    except PermissionError:
        raise InputError(name, [Problem("file_unreadable", {"reason": "permission denied"})]) from None
    except OSError as exc:
        raise InputError(name, [Problem("file_unreadable", {"reason": exc.strerror or str(exc)})]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, [Problem("is_directory")])
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, [Problem("not_regular_file")])
        if info.st_size > max_bytes:
            raise InputError(name, [Problem("file_too_large", {"size": info.st_size, "limit": max_bytes})])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(name, [Problem("file_unreadable", {"reason": exc.strerror or str(exc)})]) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(name, [Problem("file_too_large", {"size": len(data), "limit": max_bytes})])
    return decode(data, name)


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; anything else is an error."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, [Problem("not_utf8", {"offset": 0})]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(source, [Problem("not_utf8", {"offset": exc.start}, line=line, column=column)]) from None


def parse(text: str, source: str) -> Document:
    """Compose one YAML document from ``text``. Raises InputError with line and column."""
    loader = _Loader(text)
    try:
        return Document(source, _compose(loader, source))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        reason = " ".join(p for p in (exc.context, exc.problem) if p)
        raise InputError(source, [Problem("yaml_syntax", {"reason": reason}, line, column)]) from None
    except yaml.YAMLError as exc:
        raise InputError(source, [Problem("yaml_syntax", {"reason": str(exc)})]) from None
    finally:
        loader.dispose()


def _fail(source: str, message_key: str, event: Any, **params: object) -> InputError:
    mark = event.start_mark
    return InputError(source, [Problem(message_key, dict(params), mark.line + 1, mark.column + 1)])


def _compose(loader: Any, source: str) -> Node:
    get = loader.get_event
    event = get()
    if not isinstance(event, yaml.StreamStartEvent):  # pragma: no cover - libyaml always starts so
        raise _fail(source, "yaml_syntax", event, reason="no stream start")
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        raise InputError(source, [Problem("empty_document")])
    root: Node | None = None
    # The stack holds open containers; for a mapping, a pending key waits for its value.
    stack: list[Mapping | Sequence] = []
    pending_key: list[tuple[str, int, int] | None] = []
    nodes = 0
    while True:
        event = get()
        node: Node | None = None
        if isinstance(event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise _fail(source, "too_many_nodes", event, limit=MAX_NODES)
            if event.anchor is not None:
                raise _fail(source, "anchor_not_allowed", event)
            tag = event.tag
            if tag is not None and tag != "!" and not (isinstance(event, yaml.ScalarEvent) and tag in _STR_TAGS):
                raise _fail(source, "tag_not_allowed", event, tag=tag)
            mark = event.start_mark
            if isinstance(event, yaml.ScalarEvent):
                if len(event.value) > MAX_SCALAR_CHARS:
                    raise _fail(source, "scalar_too_long", event, limit=MAX_SCALAR_CHARS)
                plain = not event.style and tag is None  # libyaml says "", PyYAML None
                node = Scalar(event.value, plain, mark.line + 1, mark.column + 1)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _fail(source, "too_deep", event, limit=MAX_DEPTH)
                container: Mapping | Sequence = (
                    Mapping(mark.line + 1, mark.column + 1)
                    if isinstance(event, yaml.MappingStartEvent)
                    else Sequence(mark.line + 1, mark.column + 1)
                )
                _attach(container, stack, pending_key, source, event)
                if not stack:
                    root = container
                stack.append(container)
                pending_key.append(None)
                continue
        elif isinstance(event, yaml.AliasEvent):
            raise _fail(source, "alias_not_allowed", event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            stack.pop()
            pending_key.pop()
            continue
        elif isinstance(event, yaml.DocumentEndEvent):
            break
        else:  # pragma: no cover - libyaml emits nothing else inside a document
            raise _fail(source, "yaml_syntax", event, reason=type(event).__name__)
        if stack:
            _attach(node, stack, pending_key, source, event)
        else:
            root = node
    event = get()
    if isinstance(event, yaml.DocumentStartEvent):
        raise _fail(source, "multiple_documents", event)
    assert root is not None
    return root


def _attach(
    node: Node,
    stack: list[Mapping | Sequence],
    pending_key: list[tuple[str, int, int] | None],
    source: str,
    event: Any,
) -> None:
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent, Sequence):
        parent.items.append(node)
        return
    key = pending_key[-1]
    if key is None:
        if not isinstance(node, Scalar):
            raise _fail(source, "key_not_scalar", event)
        if node.text in parent.keys:
            raise _fail(source, "duplicate_key", event, key=node.text)
        if node.plain and node.text == "<<":
            raise _fail(source, "merge_key_not_allowed", event)
        parent.keys.add(node.text)
        pending_key[-1] = (node.text, node.line, node.column)
        return
    parent.items.append((key[0], key[1], key[2], node))
    pending_key[-1] = None

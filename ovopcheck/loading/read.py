"""Read a YAML file into PyYAML's node tree, safely: the one place input text becomes structure.

Why not ``yaml.safe_load``: it turns ``0123`` into 83, ``no`` into False and ``2015-02-30`` into an
exception, it keeps the last of two duplicate keys, it expands aliases (billion laughs) and it forgets
line numbers. Here libyaml only composes the node tree (nodes keep their line and column), with a
resolver that types nothing: every plain scalar is tagged ``PLAIN`` and every quoted or block scalar
``QUOTED``, so deciding whether ``0123`` is a number is left to the schema (``typed.py``). The walk in
``typed.py`` then enforces the safe subset: no aliases, no tags except ``!!str``, no duplicate or merge
keys, bounded depth and size. libyaml itself refuses nesting deeper than 1000 levels.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import InputError, Problem
from ..frozen import record
from .syntax import character_problem, not_a_profile, syntax_problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 50_000  # a real profile has a few hundred values; a large Upakarti list a few thousand
MAX_SCALAR_CHARS = 100_000

PLAIN = "ovopcheck:plain"
QUOTED = "ovopcheck:quoted"
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

try:
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml: slower, same results
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_LIBYAML = False


class _UntypedResolver(yaml.resolver.BaseResolver):
    # No path-based resolvers are used: skip PyYAML's bookkeeping, called for every node.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else QUOTED
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


class _Loader(_Parser, _UntypedResolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _UntypedResolver.__init__(self)


@record
class Document:
    """A composed YAML document: its node tree and the file it came from."""

    source: str
    root: Node


__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode"]


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
        raise InputError(name, [Problem("file_unreadable", _os_reason(errno.EACCES, "permission denied"))]) from None
    except OSError as exc:
        raise InputError(name, [Problem("file_unreadable", _os_reason(exc.errno, exc.strerror or str(exc)))]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, [Problem("is_directory")])
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, [Problem("not_regular_file")])
        if info.st_size > max_bytes:
            raise InputError(name, [Problem("file_too_large", {"size": info.st_size, "limit": max_bytes})])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # Ask for what fstat announced (plus one byte, to notice a file that grew): asking for the
            # limit itself would allocate megabytes for every small file.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise InputError(name, [Problem("file_unreadable", _os_reason(exc.errno, exc.strerror or str(exc)))]) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(name, [Problem("file_too_large", {"size": len(data), "limit": max_bytes})])
    return decode(data, name)


def _os_reason(code: int | None, text: str) -> dict[str, object]:
    """The reason an OS call failed, by its errno name (said in the report language by the catalog's
    ``oserror.*``), and the system's own words for one the catalog does not know."""
    return {"reason": text, "errno": errno.errorcode.get(code or 0, "")}


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; anything else is an error, said
    plainly for a spreadsheet or for UTF-16 saved without its BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, [Problem("not_utf8", {"offset": 0})]) from None
    else:
        wrong = not_a_profile(data)
        if wrong is not None:
            raise InputError(source, [Problem(wrong)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(source, [Problem("not_utf8", {"offset": exc.start}, line=line, column=column)]) from None


def node_bound(text: str) -> int:
    """A cheap bound on the number of YAML nodes in ``text``, taken before composing anything.

    Every node but the first needs a separator: a comma or bracket (flow), a newline or a colon (block),
    so the nodes number at most about twice these characters. Rejecting on this bound keeps a small file
    of a million tiny values from ever being composed (which would cost seconds and hundreds of MB).
    """
    return sum(text.count(c) for c in ",\n:[{")


def parse(text: str, source: str) -> Document:
    """Compose one YAML document from ``text``. Raises InputError with line and column."""
    if node_bound(text) > MAX_NODES:
        raise InputError(source, [Problem("too_many_nodes", {"limit": MAX_NODES})])
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if "single document" in str(exc.context or ""):
            raise InputError(source, [Problem("multiple_documents", {}, line, column)]) from None
        if "undefined alias" in str(exc.problem or "") or "found duplicate anchor" in str(exc.problem or ""):
            raise InputError(source, [Problem("alias_not_allowed", {}, line, column)]) from None
        raise InputError(source, [syntax_problem(text, exc, MAX_DEPTH)]) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError(source, [syntax_problem(text, exc, MAX_DEPTH)]) from None
    except yaml.reader.ReaderError as exc:
        raise InputError(source, [character_problem(text, exc)]) from None
    except yaml.YAMLError as exc:
        raise InputError(source, [Problem("yaml_syntax", {"reason": str(exc)})]) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
    if root is None:
        raise InputError(source, [Problem("empty_document")])
    return Document(source, root)

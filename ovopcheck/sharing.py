"""Send results between processes without re-sending the criteria they point to.

A result refers to criteria, classifications and conditions: pickled by value, each result would carry
a copy of them. Worker processes are forked after ``share`` has listed these objects, so a worker's
objects sit at the same identities as the parent's, and a result travels with references that the
parent resolves to its own objects. Anything not shared (or under the spawn start method, where no
identities are shared) is pickled by value as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T", bound=type)

_REFS: dict[int, object] = {}


def share(objects: Iterable[object]) -> None:
    for obj in objects:
        _REFS[id(obj)] = obj


def resolve(key: int) -> object:
    return _REFS[key]


def reduce(obj: Any, protocol: int) -> Any:
    """For ``__reduce_ex__``: a reference when ``obj`` is shared, else the ordinary reduction."""
    if _REFS.get(id(obj)) is obj:
        return (resolve, (id(obj),))
    return object.__reduce_ex__(obj, protocol)


def shared(cls: T) -> T:
    """Class decorator: an instance ``share`` has listed travels to another process as a reference."""
    cls.__reduce_ex__ = reduce  # type: ignore[assignment]
    return cls

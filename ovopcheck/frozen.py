"""Immutable records: what ``@dataclass(frozen=True, eq=False)`` makes, for a quarter of the import cost.

A frozen dataclass gets four functions generated from source and compiled when its module is imported
(``__init__``, ``__repr__``, ``__setattr__``, ``__delattr__``): about 0.4 ms a class. ovopcheck has some
forty such classes and every run imports most of them, so that was ~9% of a one-profile run. Here only
``__init__`` is generated (the same code a frozen dataclass gets, so building a record costs the same);
refusing changes and ``repr`` are shared functions. ``dataclass_transform`` tells type checkers so,
which then see its constructor as they would a frozen dataclass's. The class is still a dataclass: ``fields``,
``replace`` and ``asdict`` work, and equality stays identity, as with ``eq=False``.
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def record(cls: T) -> T:
    """Make ``cls`` a frozen, identity-compared dataclass."""
    dataclass(init=False, repr=False, eq=False)(cls)  # in place: with slots off, the same class comes back
    cls.__init__ = _init_for(cls)  # type: ignore[misc]
    cls.__setattr__ = _refuse_change  # type: ignore[assignment]
    cls.__delattr__ = _refuse_delete  # type: ignore[assignment]
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _repr  # type: ignore[assignment]
    return cls


_FACTORY: Any = object()  # marks an argument left out whose default comes from a factory


def _init_for(cls: type) -> Any:
    params: list[str] = []
    body: list[str] = []
    names: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    for f in fields(cls):
        default = f"_default_{f.name}"
        factory = f"_factory_{f.name}"
        if f.default is not MISSING:
            names[default] = f.default
        if f.default_factory is not MISSING:
            names[factory] = f.default_factory
        if f.init:
            if f.default is not MISSING:
                params.append(f"{f.name}={default}")
            elif f.default_factory is not MISSING:
                params.append(f"{f.name}=_FACTORY")
                body.append(f"if {f.name} is _FACTORY: {f.name} = {factory}()")
            else:
                params.append(f.name)
            body.append(f"_set(self, {f.name!r}, {f.name})")
        elif f.default is not MISSING:
            body.append(f"_set(self, {f.name!r}, {default})")
        elif f.default_factory is not MISSING:
            body.append(f"_set(self, {f.name!r}, {factory}())")
        # else: an init=False field without a default, set by __post_init__
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    exec(source, names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _refuse_change(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _repr(self: object) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name, '<unset>')!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
    return f"{type(self).__qualname__}({shown})"

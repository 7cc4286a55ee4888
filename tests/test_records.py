"""Records behave as frozen, identity-compared dataclasses (they are built more cheaply at import)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovopcheck.frozen import record


def _shape(decorate):  # the same class body, made a record or a frozen dataclass
    @decorate
    class Shape:
        """A test shape."""

        name: str
        sides: int = 3
        tags: list[str] = dataclasses.field(default_factory=list)
        area: float = dataclasses.field(init=False, repr=False)
        kind: str = dataclasses.field(init=False, default="polygon")

        def __post_init__(self) -> None:
            object.__setattr__(self, "area", float(self.sides))

    return Shape


Record = _shape(record)
Reference = _shape(dataclasses.dataclass(frozen=True, eq=False))


@given(st.text(max_size=5), st.none() | st.integers(0, 9), st.none() | st.lists(st.text(max_size=2), max_size=2))
def test_built_like_a_frozen_dataclass(name: str, sides: int | None, tags: list[str] | None) -> None:
    kwargs = {k: v for k, v in (("sides", sides), ("tags", tags)) if v is not None}
    ours, theirs = Record(name, **kwargs), Reference(name, **kwargs)
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert repr(ours).replace("_shape.<locals>.", "") == repr(theirs).replace("_shape.<locals>.", "")
    assert ours.area == theirs.area and ours.kind == "polygon"
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in dataclasses.fields(theirs)]


def test_frozen_and_compared_by_identity() -> None:
    a, b = Record("a"), Record("a")
    assert a != b and a == a and len({a, b}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.extra = 1  # type: ignore[attr-defined]
    assert a.tags is not b.tags  # a factory default is made for each record


def test_replace_and_errors_like_a_dataclass() -> None:
    changed = dataclasses.replace(Record("a", 4), sides=6)
    assert (changed.name, changed.sides, changed.area) == ("a", 6, 6.0)
    with pytest.raises(TypeError):
        Record()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Record("a", 3, [], 1.0)  # type: ignore[call-arg]


def test_pickles() -> None:
    from ovopcheck.model.criteria import Basis

    again = pickle.loads(pickle.dumps(Basis("PP 29/2018", "legal", "https://example.org", article="Pasal 1")))
    assert (again.instrument, again.tag, again.article, again.note) == ("PP 29/2018", "legal", "Pasal 1", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.tag = "inferred"  # type: ignore[misc]

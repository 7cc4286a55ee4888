"""Every condition kind, three-valued logic, and properties of the rule engine."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovopcheck.rules.compare import Truth, shift_date
from ovopcheck.rules.compile import ConditionError, compile_condition
from ovopcheck.rules.engine import Context, evaluate
from ovopcheck.rules.walk import fields_read

from .strategies import condition_trees

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
AS_OF = dt.date(2026, 11, 28)


def truth(cond: dict[str, Any], data: dict[str, Any], as_of: dt.date = AS_OF) -> Truth:
    return evaluate(compile_condition(cond), Context(data, as_of)).truth


@pytest.mark.parametrize(
    ("cond", "data", "expected"),
    [
        ({"field": "a", "eq": 5}, {"a": 5}, T),
        ({"field": "a", "eq": 5}, {"a": 4}, F),
        ({"field": "a", "eq": 5}, {}, U),
        ({"field": "a", "ne": "x"}, {"a": "y"}, T),
        ({"field": "a", "lt": 5}, {"a": 4}, T),
        ({"field": "a", "lt": 5}, {"a": 5}, F),
        ({"field": "a", "le": 5}, {"a": 5}, T),
        ({"field": "a", "gt": 5}, {"a": 5}, F),
        ({"field": "a", "ge": 5}, {"a": 5}, T),
        ({"field": "a", "ge": 5}, {"a": "5"}, F),  # text is never a number
        ({"field": "a", "eq": True}, {"a": 1}, F),  # a boolean is never a number
        ({"field": "a.b", "eq": 1}, {"a": {"b": 1}}, T),
        ({"field": "a.b", "eq": 1}, {"a": 3}, U),
        ({"field": "a", "in": ["x", "y"]}, {"a": "y"}, T),
        ({"field": "a", "in": ["x", "y"]}, {"a": "z"}, F),
        ({"field": "a", "not_in": ["x"]}, {"a": "z"}, T),
        ({"field": "a", "starts_with": ["10", "11"]}, {"a": "10796"}, T),
        ({"field": "a", "starts_with": ["10", "11"]}, {"a": "13134"}, F),
        ({"field": "a", "present": True}, {"a": "x"}, T),
        ({"field": "a", "present": True}, {}, U),  # absence is missing information, not a gap
        ({"field": "a", "present": True}, {"a": ""}, U),
        ({"field": "a", "present": False}, {}, T),
        ({"field": "a", "present": False}, {"a": 1}, F),
        ({"field": "d", "le": {"as_of": {}}}, {"d": "2026-11-28"}, T),
        ({"field": "d", "le": {"as_of": {}}}, {"d": "2026-11-29"}, F),
        ({"field": "d", "ge": {"as_of": {"years": -5}}}, {"d": "2021-11-28"}, T),
        ({"field": "d", "ge": {"as_of": {"years": -5}}}, {"d": "2021-11-27"}, F),
        ({"field": "d", "ge": "2020-01-01"}, {"d": "2020-01-01"}, T),
        ({"field": "d", "ge": {"as_of": {}}}, {"d": "not a date"}, F),
    ],
)
def test_atoms(cond: dict[str, Any], data: dict[str, Any], expected: Truth) -> None:
    assert truth(cond, data) is expected


def test_kleene_truth_tables() -> None:
    atoms = {T: {"field": "t", "eq": 1}, F: {"field": "f", "eq": 1}, U: {"field": "u", "eq": 1}}
    data = {"t": 1, "f": 0}
    order = {F: 0, U: 1, T: 2}
    for a, ca in atoms.items():
        assert truth({"not": ca}, data) is {T: F, F: T, U: U}[a]
        for b, cb in atoms.items():
            assert truth({"all": [ca, cb]}, data) is min(a, b, key=order.__getitem__)
            assert truth({"any": [ca, cb]}, data) is max(a, b, key=order.__getitem__)


def test_count_with_where_and_unknown_items() -> None:
    cond = {"count": "items", "where": {"field": "origin", "eq": "local"}, "ge": 2}
    assert truth(cond, {"items": [{"origin": "local"}, {"origin": "local"}]}) is T
    assert truth(cond, {"items": [{"origin": "local"}, {"origin": "imported"}]}) is F
    assert truth(cond, {"items": [{"origin": "local"}, {}]}) is U  # the second item could be local
    assert truth(cond, {"items": [{"origin": "local"}, {}, {"origin": "local"}]}) is T
    assert truth(cond, {}) is U
    assert truth({"count": "items", "ge": 1}, {"items": []}) is F


def test_count_over_scalars_uses_dot() -> None:
    cond = {"count": "kbli", "where": {"field": ".", "starts_with": ["13"]}, "ge": 1}
    assert truth(cond, {"kbli": ["47711", "13134"]}) is T
    assert truth(cond, {"kbli": ["47711"]}) is F


def test_sum() -> None:
    cond = {"sum": "m", "of": "share", "where": {"field": "origin", "eq": "local"}, "ge": 80}
    assert truth(cond, {"m": [{"origin": "local", "share": 50}, {"origin": "local", "share": 30}]}) is T
    assert truth(cond, {"m": [{"origin": "local", "share": 50}, {"origin": "imported", "share": 50}]}) is F
    assert truth(cond, {"m": [{"origin": "local", "share": 50}, {"origin": "local"}]}) is U


def test_classification_subject() -> None:
    cond = compile_condition({"classification": "size", "in": ["kecil"]})
    ctx = Context({}, AS_OF, lambda cid: ("kecil", []) if cid == "size" else (None, ["x"]))
    assert evaluate(cond, ctx).truth is T
    unknown = Context({}, AS_OF, lambda cid: (None, ["size.workforce"]))
    outcome = evaluate(cond, unknown)
    assert outcome.truth is U and outcome.missing == ["size.workforce"]


def test_gap_details_name_the_failing_atom() -> None:
    cond = compile_condition({"all": [{"field": "a", "ge": 5}, {"field": "b", "eq": True}]})
    outcome = evaluate(cond, Context({"a": 4, "b": True}, AS_OF))
    assert outcome.truth is F
    assert [(r.atom.target, r.actual, r.required) for r in outcome.failed] == [("a", 4, 5)]


def test_missing_fields_are_listed() -> None:
    cond = compile_condition({"all": [{"field": "a", "ge": 5}, {"field": "b.c", "eq": True}]})
    assert evaluate(cond, Context({}, AS_OF)).missing == ["a", "b.c"]


def test_not_reports_the_atom_that_held() -> None:
    outcome = evaluate(compile_condition({"not": {"field": "a", "eq": "x"}}), Context({"a": "x"}, AS_OF))
    assert outcome.truth is F and outcome.failed[0].negated


@pytest.mark.parametrize(
    "raw",
    [
        {"field": "a"},
        {"field": "a", "eq": 1, "ne": 2},
        {"all": []},
        {"all": [{"field": "a", "eq": 1}], "any": []},
        {"sum": "a", "ge": 1},
        "not a mapping",
    ],
)
def test_malformed_conditions_are_rejected(raw: Any) -> None:
    with pytest.raises(ConditionError):
        compile_condition(raw)


def test_fields_read() -> None:
    cond = compile_condition(
        {"all": [{"field": "a.b", "eq": 1}, {"count": "l", "where": {"field": "x", "eq": 1}, "ge": 1}]}
    )
    assert fields_read(cond) == ["a.b", "l", "l[].x"]


def test_shift_date_handles_leap_days() -> None:
    assert shift_date(dt.date(2024, 2, 29), years=1) == dt.date(2025, 2, 28)
    assert shift_date(dt.date(2026, 1, 31), months=1) == dt.date(2026, 2, 28)
    assert shift_date(dt.date(2026, 11, 28), years=-5) == dt.date(2021, 11, 28)


# ---------------------------------------------------------------- properties

FIELDS = ["a", "b", "c"]
atoms = st.builds(
    lambda f, op, v: {"field": f, op: v},
    st.sampled_from(FIELDS),
    st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge"]),
    st.integers(-3, 3),
)
conditions = condition_trees(atoms, max_leaves=8)
full_data = st.fixed_dictionaries({f: st.integers(-3, 3) for f in FIELDS})


@given(conditions, full_data, st.sets(st.sampled_from(FIELDS)))
def test_missing_information_never_decides(cond: dict[str, Any], data: dict[str, int], hidden: set[str]) -> None:
    """Hiding fields can only turn an answer into UNKNOWN, never into the opposite answer."""
    complete = truth(cond, data)
    assert complete is not U  # with every field given, the answer is definite
    partial = truth(cond, {k: v for k, v in data.items() if k not in hidden})
    assert partial in (complete, U)


@given(conditions, full_data)
def test_double_negation_and_de_morgan(cond: dict[str, Any], data: dict[str, int]) -> None:
    assert truth({"not": {"not": cond}}, data) is truth(cond, data)
    other = {"field": "a", "ge": 0}
    assert truth({"not": {"all": [cond, other]}}, data) is truth({"any": [{"not": cond}, {"not": other}]}, data)


@given(conditions, st.dictionaries(st.sampled_from(FIELDS), st.integers(-3, 3)))
def test_unknown_comes_with_the_missing_fields(cond: dict[str, Any], data: dict[str, int]) -> None:
    outcome = evaluate(compile_condition(cond), Context(data, AS_OF))
    if outcome.truth is U:
        assert outcome.missing and all(m in FIELDS and m not in data for m in outcome.missing)
    if outcome.truth is F:
        assert outcome.failed

"""Criteria files are untrusted, so evaluating them is bounded in time (issue 16, class 2): the work of
a condition is linear in its size (nested ``not`` was exponential), and a criteria file over the budgets
is refused when loaded, with its location."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovopcheck.errors import InputError
from ovopcheck.loading.criteria import MAX_SET_ATOMS, MAX_WHERE_ATOMS, load_criteria_file
from ovopcheck.rules import compare, engine
from ovopcheck.rules.compile import compile_condition
from ovopcheck.rules.engine import Context, evaluate
from ovopcheck.rules.walk import iter_atoms

from .conftest import criteria_with
from .strategies import condition_trees

atoms = st.builds(lambda f, v: {"field": f, "eq": v}, st.sampled_from(["a", "b", "c", "z"]), st.integers(0, 1))
trees = condition_trees(atoms, max_leaves=40)


@settings(max_examples=300, deadline=2000)  # ms: an exponential evaluation fails here rather than hangs
@given(trees, st.fixed_dictionaries({"a": st.integers(0, 1), "b": st.integers(0, 1), "c": st.integers(0, 1)}))
def test_evaluation_work_is_bounded_by_the_size_of_the_condition(raw: dict[str, Any], data: dict[str, int]) -> None:
    calls = 0
    original = compare.OPERATORS["eq"]

    def counted(actual: Any, required: Any) -> Any:
        nonlocal calls
        calls += 1
        return original.compare(actual, required)

    engine.OPERATORS["eq"] = replace(original, compare=counted, fast=None)
    try:
        cond = compile_condition(raw)  # compiled with the counting comparison
        evaluate(cond, Context(data, dt.date(2026, 1, 1)))
    finally:
        engine.OPERATORS["eq"] = original
    size = sum(1 for _ in iter_atoms(cond))
    assert calls <= 2 * size  # each atom compared once, and once more to report it when a negation fails


def test_deeply_nested_not_is_quick() -> None:
    raw: dict[str, Any] = {"field": "a", "eq": 1}
    for _ in range(60):
        raw = {"not": {"all": [raw, {"field": "b", "eq": 1}]}}
    cond = compile_condition(raw)
    calls = sum(1 for _ in iter_atoms(cond))
    assert calls == 61  # the tree stays the size it was written
    evaluate(cond, Context({"a": 1, "b": 1}, dt.date(2026, 1, 1)))


def test_a_where_over_the_budget_is_refused_where_it_is_written(tmp_path: Path) -> None:
    where = ", ".join(f"{{field: name, eq: x{i}}}" for i in range(MAX_WHERE_ATOMS + 1))
    path = criteria_with(f"{{count: product.raw_materials, where: {{any: [{where}]}}, ge: 1}}", tmp_path)
    with pytest.raises(InputError) as info:
        load_criteria_file(path)
    problem = info.value.problems[0]
    assert problem.message_key == "criteria_where_too_large" and problem.line > 0


def test_a_set_over_the_budget_is_refused(tmp_path: Path) -> None:
    group = ", ".join(f"{{field: product.name, ne: x{i}}}" for i in range(90))  # a list holds at most 100
    many = ", ".join(f"{{all: [{group}]}}" for _ in range(MAX_SET_ATOMS // 90 + 1))
    path = criteria_with(f"{{all: [{many}]}}", tmp_path)
    with pytest.raises(InputError) as info:
        load_criteria_file(path)
    assert [p.message_key for p in info.value.problems] == ["criteria_too_many_atoms"]

"""Each closed vocabulary is written once: the operators, the output formats, --fail-on and the languages.
These tests hold every other place that names them (schemas, the message catalog, the CLI) to that one."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ovopcheck.loading.resources import schema
from ovopcheck.policy import FAIL_ON
from ovopcheck.report.formats import FORMATS
from ovopcheck.report.messages import LANGUAGES, MESSAGES
from ovopcheck.rules.compare import MISSING, OPERATORS, Truth

from .conftest import run_cli


def test_the_operators_are_the_criteria_schemas() -> None:
    atom = schema("criteria")["$defs"]["atom"]
    required_once = [option["required"][0] for option in atom["allOf"][0]["oneOf"]]
    assert sorted(required_once) == sorted(OPERATORS)
    assert set(OPERATORS) <= set(atom["properties"])


def test_every_operator_says_what_it_requires_in_every_language() -> None:
    for op in OPERATORS.values():
        for operand in (True, False, 5):
            assert set(MESSAGES[op.message_key(operand)]) == set(LANGUAGES)
        assert op.operand in ("value", "values", "prefixes", "flag")
        assert (op.symbol is not None) == (op.operand == "value")


def test_a_missing_value_is_unknown_to_every_operator_but_present() -> None:
    for op in OPERATORS.values():
        if op.name != "present":
            assert op.compare(MISSING, 1) is Truth.UNKNOWN
            assert op.comparison("x")(MISSING, "x") is Truth.UNKNOWN
    assert OPERATORS["present"].compare(MISSING, True) is Truth.UNKNOWN
    assert OPERATORS["present"].compare(MISSING, False) is Truth.TRUE


_values = st.one_of(
    st.just(MISSING),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(-5, 5, allow_nan=False),
    st.sampled_from(["a", "b", "2024-01-01", "2025-06-30", "", "ab"]),
    st.dates(dt.date(2023, 1, 1), dt.date(2026, 1, 1)),
)
_scalars = st.one_of(st.booleans(), st.integers(-5, 5), st.floats(-5, 5, allow_nan=False), st.sampled_from(["a", "b"]))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(OPERATORS)), _values, _scalars, st.lists(st.sampled_from(["a", "b", "c"]), min_size=1))
def test_a_fast_comparison_agrees_with_the_general_one(name: str, actual: Any, scalar: Any, texts: list[str]) -> None:
    op = OPERATORS[name]
    operand: Any = tuple(texts) if op.operand in ("values", "prefixes") else scalar
    if op.operand == "flag":
        operand = bool(scalar)
    assert op.comparison(operand)(actual, operand) is op.compare(actual, operand)


def test_the_cli_choices_are_the_registries() -> None:
    from ovopcheck.cli.options import FAIL_ON_METAVAR, FORMAT_CHOICE, LANG_CHOICE

    assert list(FORMAT_CHOICE.choices) == list(FORMATS)
    assert "[" + "|".join(FAIL_ON) + "],..." == FAIL_ON_METAVAR
    assert list(LANG_CHOICE.choices) == list(LANGUAGES)
    config = schema("config")
    assert config["properties"]["fail_on"]["oneOf"][0]["items"]["enum"] == list(FAIL_ON)
    assert all(name in config["properties"]["fail_on"]["oneOf"][1]["pattern"] for name in FAIL_ON)
    assert config["properties"]["format"]["enum"] == list(FORMATS)
    help_text = run_cli("check", "--help").stdout
    for name in (*FORMATS, *FAIL_ON):
        assert name in help_text


def test_the_report_schema_knows_every_verdict_and_status() -> None:
    from ovopcheck.model.enums import Status, Verdict

    text = json.dumps(schema("report"))
    for value in (*Verdict, *Status):
        assert f'"{value.value}"' in text

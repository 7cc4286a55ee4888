"""Profiles: identifiers kept as written, YAML 1.1 traps defused, errors located with field paths."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovopcheck.errors import InputError
from ovopcheck.loading.profile import profile_from_text

BASE = "schema_version: 1\nbusiness:\n  name: Batik\n"


def load(extra: str) -> dict:
    return dict(profile_from_text(BASE + extra).data)


def problems(extra: str) -> list[tuple[str, int, int, str]]:
    with pytest.raises(InputError) as info:
        profile_from_text(BASE + extra, "p.yaml")
    return [(p.message_key, p.line, p.column, p.field_path) for p in info.value.problems]


def test_nib_with_leading_zero_stays_text() -> None:
    data = load("  nib: 0123456789012\n  kbli: [01311, 13134]\n")
    assert data["business"]["nib"] == "0123456789012"
    assert data["business"]["kbli"] == ["01311", "13134"]


@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_any_13_digit_nib_round_trips_exactly(nib: str) -> None:
    assert load(f"  nib: {nib}\n")["business"]["nib"] == nib


def test_dates_stay_text_and_impossible_dates_are_errors() -> None:
    data = load("sentra:\n  decree: {date: 2019-04-22}\n")
    assert data["sentra"]["decree"]["date"] == "2019-04-22"
    assert problems("sentra:\n  decree: {date: 2015-02-30}\n") == [
        ("form_date_impossible", 5, 12, "sentra.decree.date")
    ]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("on", "form_boolean"),  # YAML 1.1 look-alikes that are no officer's yes or no
        ("off", "form_boolean"),
        ("y", "form_boolean"),
        ("1", "form_boolean"),
    ],
)
def test_only_true_false_are_booleans(value: str, key: str) -> None:
    # ya/tidak, yes/no and the like are read (tests/test_officer_forms.py); these are not.
    assert problems(f"sentra:\n  is_penghela: {value}\n")[0][:2] == (key, 5)


def test_true_false_are_booleans() -> None:
    assert load("sentra:\n  is_penghela: false\n")["sentra"]["is_penghela"] is False


@pytest.mark.parametrize("value", ["1_000", "0x1f", ".inf", ".nan", "10:30", "1e3", "12.5", "dua belas", '"12,5"'])
def test_only_plain_decimals_are_whole_numbers(value: str) -> None:
    found = problems(f"size:\n  workforce: {value}\n")
    assert found[0][0] == "form_integer" and found[0][3] == "size.workforce"


def test_huge_integer_is_rejected_not_crashing() -> None:
    assert problems("size:\n  workforce: " + "9" * 5000 + "\n")[0][0] == "form_integer"


def test_non_ascii_digits_in_nib_are_rejected() -> None:
    assert problems("  nib: ٠١٢٣٤٥٦٧٨٩٠١٢\n")[0][0] == "form_digits"  # Arabic-Indic digits are not read


def test_empty_values_mean_not_filled_in() -> None:
    data = load("  nib:\n  owner: null\nsize:\n  workforce: ~\n")
    assert "nib" not in data["business"] and "owner" not in data["business"]
    assert "size" not in data  # a section with nothing filled in is not filled in either


def test_unknown_field_is_located_and_named() -> None:
    assert problems("sentra:\n  bussiness_units: 4\n") == [("schema_unknown_key", 5, 3, "sentra.bussiness_units")]


def test_missing_required_field() -> None:
    # Only the format's version is required; a profile without a name is missing information (issue 13).
    with pytest.raises(InputError) as info:
        profile_from_text("business:\n  owner: X\n")
    assert info.value.problems[0].message_key == "schema_required"
    assert info.value.problems[0].field_path == "schema_version"


def test_pirt_and_bpom_number_shapes() -> None:
    found = problems("food_permits:\n  izin_edar: {held: true, type: spp_irt, number: P-IRT 1234}\n")
    assert found[0][0] == "schema_pirt"
    found = problems("food_permits:\n  izin_edar: {held: true, type: bpom_md, number: ML123456789012}\n")
    assert found[0][0] == "schema_bpom"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_document_must_be_a_mapping(text: str) -> None:
    with pytest.raises(InputError) as info:
        profile_from_text(text)
    assert info.value.problems[0].message_key == "not_a_mapping"


@given(st.text(max_size=200))
def test_any_text_either_loads_or_raises_input_error(text: str) -> None:
    try:
        profile_from_text(text)
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.line >= 0 and p.column >= 0


def test_every_problem_message_renders_in_both_languages() -> None:
    from ovopcheck.errors import Problem
    from ovopcheck.report.messages import MESSAGES
    from ovopcheck.report.sentences import problem_sentence

    with pytest.raises(InputError) as info:
        profile_from_text(BASE + "  name: twice\n", "p.yaml")
    problem = info.value.problems[0]
    assert problem.message_key == "duplicate_key"
    for lang in ("id", "en"):
        assert "name" in problem_sentence(problem, lang)
    for key, texts in MESSAGES.items():
        assert set(texts) == {"id", "en"}, key
        assert problem_sentence(Problem(key, {"key": "k", "lang": "l"}), "en")

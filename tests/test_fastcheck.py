"""The fast validator agrees with jsonschema: on every example, and on generated profiles."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ovopcheck.loading.profile import load_profile
from ovopcheck.loading.schema import fast_validator, validator

from .conftest import EXAMPLES

BASE = dict(load_profile(EXAMPLES / "dossiers" / "dodol-halal-expired" / "profile.yaml").data)
PATHS: list[tuple[Any, ...]] = []


def _walk(value: Any, path: tuple[Any, ...]) -> None:
    PATHS.append(path)
    if isinstance(value, dict):
        for k, v in value.items():
            _walk(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk(v, (*path, i))


_walk(BASE, ())
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**17),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2021-02-30",
            "2021-02-28",
            "0123456789012",
            "MD123456789012",
            "spp_irt",
            "bpom_md",
            "kain_batik",
            "local",
            "",
            "12345",
            "206321301234530",
        ]
    ),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def agree(data: Any) -> None:
    slow = not any(True for _ in validator("profile").iter_errors(data))
    assert fast_validator("profile")(data) is slow, data


def test_examples_agree() -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        if "criteria" in path.parts or "invalid" in path.parts:
            continue
        agree(dict(load_profile(path).data))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATHS[1:]), VALUES, st.booleans())
def test_mutated_profiles_agree(path: tuple[Any, ...], value: Any, delete: bool) -> None:
    data = copy.deepcopy(BASE)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    agree(data)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([p for p in PATHS if len(p) >= 1]), st.text(min_size=1, max_size=10))
def test_unknown_keys_agree(path: tuple[Any, ...], key: str) -> None:
    data = copy.deepcopy(BASE)
    target = data
    for part in path:
        if isinstance(target, dict | list):
            target = target[part]
    if isinstance(target, dict):
        target[key] = 1
    agree(data)


def test_criteria_files_agree() -> None:
    import json

    from ovopcheck.loading.profile import parse_document
    from ovopcheck.loading.resources import bundled_criteria_dir

    assert fast_validator("criteria") is not None
    for path in sorted(bundled_criteria_dir().glob("*.yaml")):
        data, _ = parse_document(path.read_text(encoding="utf-8"), str(path), "criteria")
        assert fast_validator("criteria")(data)
        if not data["criteria"]:
            continue
        broken = json.loads(json.dumps(data))
        broken["criteria"][0]["requires"] = {"field": "a", "eq": 1, "ne": 2}  # two operators
        slow = not any(True for _ in validator("criteria").iter_errors(broken))
        assert fast_validator("criteria")(broken) is slow is False


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.builds(
            lambda f, op, v: {"field": f, op: v},
            st.sampled_from(["a", "b.c", "."]),
            st.sampled_from(["eq", "ge", "in", "present", "matches"]),
            st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), max_size=2), st.text(max_size=3)),
        ),
        lambda inner: st.one_of(
            st.builds(lambda xs: {"all": xs}, st.lists(inner, max_size=3)),
            st.builds(lambda x: {"not": x}, inner),
            st.builds(lambda x, y: {"any": [x], "all": [y]}, inner, inner),
        ),
        max_leaves=5,
    )
)
def test_generated_conditions_agree(condition: Any) -> None:
    data = {
        "format_version": 1,
        "set": {
            "id": "x",
            "programme": "x",
            "version": "1",
            "title": {"id": "a", "en": "a"},
            "regime": {"id": "a", "en": "a"},
        },
        "criteria": [
            {
                "id": "x.y",
                "kind": "gate",
                "title": {"id": "a", "en": "a"},
                "explanation": {"id": "a", "en": "a"},
                "basis": [{"instrument": "abc", "tag": "legal", "source_url": "https://x.y"}],
                "advice": {"id": "a", "en": "a"},
                "gap": {"id": "a", "en": "a"},
                "requires": condition,
                "tests": [{"expect": "met", "profile": {}}],
            }
        ],
    }
    slow = not any(True for _ in validator("criteria").iter_errors(data))
    assert fast_validator("criteria")(data) is slow

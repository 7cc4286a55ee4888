"""Fuzz criteria files and config files with hypothesis, by hand (a short run is in the test suite).

    .venv/bin/python fuzz/fuzz_settings.py criteria 20000
    .venv/bin/python fuzz/fuzz_settings.py config 20000

Criteria: random condition trees within the budgets (loading/criteria.py) replace a criterion's condition
of the bundled OVOP set; the file either loads and then evaluates every example profile within a time
limit, or is refused with located problems. Config: random mappings of the config keys (and others), with
values of every YAML type; each either gives settings or is refused with located problems. Anything else
(another exception, a slow evaluation) is a bug, and hypothesis prints the input that shows it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["OVOPCHECK_NO_CACHE"] = "1"  # thousands of generated criteria files must not fill the user's cache

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ovopcheck.checker import evaluate_data  # noqa: E402
from ovopcheck.config import settings_from  # noqa: E402
from ovopcheck.errors import InputError  # noqa: E402
from ovopcheck.loading.criteria import load_criteria_file  # noqa: E402
from ovopcheck.loading.profile import load_profile  # noqa: E402
from tests.strategies import condition_trees  # noqa: E402

AS_OF = dt.date(2026, 11, 28)
EVALUATION_LIMIT = 0.5  # seconds for one criteria set over every example profile
MARKER = (
    "    requires:\n      field: product.commodity_group\n"
    "      in: [makanan_minuman, kain_tenun, kain_batik, anyaman, gerabah]"
)
FIELDS = ["product.commodity_group", "product.name", "size.workforce", "size.investment_idr", "business.nib", "x.y"]
VALUES = st.one_of(st.integers(-5, 10**16), st.sampled_from(["makanan_minuman", "0120304050607", "", "x"]))


def _atom(field: str, operator: str, value: Any) -> dict[str, Any]:
    if operator == "present":
        return {"field": field, "present": True}
    if operator in ("in", "not_in"):
        return {"field": field, operator: [value]}
    return {"field": field, operator: value}


atoms = st.builds(
    _atom, st.sampled_from(FIELDS), st.sampled_from(["eq", "ne", "ge", "lt", "in", "not_in", "present"]), VALUES
)
conditions = condition_trees(atoms, max_leaves=60, width=4)

config_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 300), st.text(max_size=12), st.dates().map(str)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
config_keys = st.sampled_from(
    ["as_of", "program", "lang", "format", "output", "fail_on", "criteria", "exclude", "jobs", "quiet", "verbose",
     "width", "waivers", "unknown"]
)  # fmt: skip


def _profiles() -> list[dict[str, Any]]:
    return [load_profile(p).data for p in sorted((ROOT / "examples").glob("*.yaml"))]


def check_criteria(condition: dict[str, Any], folder: Path, profiles: list[dict[str, Any]]) -> None:
    import json

    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    path = folder / "ovop-2021.yaml"
    path.write_text(text.replace(MARKER, "    requires: " + json.dumps(condition)), encoding="utf-8")
    try:
        cset = load_criteria_file(path)
    except InputError as exc:
        assert exc.problems and all(p.message_key for p in exc.problems)
        return
    start = time.perf_counter()
    for data in profiles:
        result = evaluate_data(cset, data, AS_OF)
        assert len(result.evaluations[0].findings) == len(cset.criteria)
    assert time.perf_counter() - start < EVALUATION_LIMIT, "evaluation too slow"


def check_config(data: dict[str, Any], folder: Path) -> None:
    import yaml

    path = folder / ".ovopcheck.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        settings_from(path)
    except InputError as exc:
        assert exc.problems and all(p.message_key for p in exc.problems)


def run(target: str, examples: int) -> None:
    common = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if target == "criteria":
            profiles = _profiles()

            @common
            @given(conditions)
            def criteria(condition: dict[str, Any]) -> None:
                check_criteria(condition, folder, profiles)

            criteria()
        elif target == "config":

            @common
            @given(st.dictionaries(config_keys, config_values, max_size=6))
            def config(data: dict[str, Any]) -> None:
                check_config(data, folder)

            config()
        else:
            raise SystemExit(f"unknown target {target!r}: criteria or config")
    print(f"{target}: {examples} inputs checked, no invariant broken")


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "criteria", int(sys.argv[2]) if len(sys.argv) > 2 else 1000)

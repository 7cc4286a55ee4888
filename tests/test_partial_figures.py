"""Decided by what is known (issue 14, part 8): a classification's classes that the known figures rule out
are out for good, so partial figures can decide a criterion (≤ 19 workers is never industri besar), and a
criterion is unknown only when the missing figure could change the outcome."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovopcheck import load_programme
from ovopcheck.evaluate import evaluate_criterion, make_context
from ovopcheck.model.enums import Status
from ovopcheck.sets import load_sets

DAY = dt.date(2026, 11, 28)
SIZE_FIELDS = ("workforce", "investment_idr", "business_capital_idr", "annual_sales_idr", "net_assets_idr")
BILLIONS = [5_000_000_000, 10_000_000_000, 15_000_000_000, 50_000_000_000]
# Around every threshold the bundled classes use, and far from them.
AMOUNTS = st.one_of(
    st.sampled_from(
        [0, 19, 20, 50_000_000, 300_000_000, 500_000_000, 1_000_000_000, 2_000_000_000, 2_500_000_000, *BILLIONS]
    ).flatmap(lambda n: st.sampled_from([max(n - 1, 0), n, n + 1])),
    st.integers(min_value=0, max_value=10**14),
)
FULL_SIZE = st.fixed_dictionaries(dict.fromkeys(SIZE_FIELDS, AMOUNTS))


def _ovop() -> Any:
    return load_programme("ovop", DAY)


@settings(max_examples=300, deadline=None)
@given(size=FULL_SIZE, day=st.sampled_from([dt.date(2020, 6, 1), DAY]))
def test_an_exhaustive_classification_puts_every_complete_profile_in_one_class(
    size: dict[str, int], day: dt.date
) -> None:
    cset = load_programme("ovop", day)
    ctx = make_context(cset, {"size": size}, day)
    for definition in cset.classifications:
        if not definition.exhaustive or not definition.in_force.contains(day):
            continue
        value, missing = ctx.classification(definition.id)
        assert value is not None and missing == [], (definition.id, size)


@settings(max_examples=300, deadline=None)
@given(size=FULL_SIZE, hidden=st.sets(st.sampled_from(SIZE_FIELDS), min_size=1))
def test_what_partial_figures_decide_no_completion_overturns(size: dict[str, int], hidden: set[str]) -> None:
    # Sound: when the known figures decide "is an IKM", the full figures decide the same way.
    cset = _ovop()
    criterion = cset.criterion("ovop.ikm-scale")
    partial = {k: v for k, v in size.items() if k not in hidden}
    known = evaluate_criterion(criterion, make_context(cset, {"size": partial}, DAY)).status
    full = evaluate_criterion(criterion, make_context(cset, {"size": size}, DAY)).status
    assert known in (full, Status.UNKNOWN)


@pytest.mark.parametrize(
    ("size", "status"),
    [
        ({"workforce": 19}, Status.MET),  # never industri besar, whatever the investment
        ({"investment_idr": 15_000_000_000}, Status.MET),  # never besar, whatever the workforce
        ({"workforce": 20}, Status.UNKNOWN),  # besar if investment > Rp 15 bn
        ({"investment_idr": 15_000_000_001}, Status.UNKNOWN),  # besar if 20 workers or more
        ({"workforce": 20, "investment_idr": 15_000_000_001}, Status.GAP),
        ({}, Status.UNKNOWN),
    ],
)
def test_is_an_ikm_from_partial_figures(size: dict[str, Any], status: Status) -> None:
    cset = _ovop()
    criterion = cset.criterion("ovop.ikm-scale")
    finding = evaluate_criterion(criterion, make_context(cset, {"size": size}, DAY))
    assert finding.status is status
    if status is Status.UNKNOWN:
        assert finding.missing  # the figure that could still change the outcome is named


def test_a_classification_that_is_not_exhaustive_never_decides_from_partial_figures() -> None:
    # Without the promise that every profile is in some class, "no class rules it out" proves nothing.
    from dataclasses import replace

    cset = _ovop()
    definition = cset.classification("industri_64_2016")
    loose = replace(cset, classifications=(replace(definition, exhaustive=False),))
    criterion = cset.criterion("ovop.ikm-scale")
    finding = evaluate_criterion(criterion, make_context(loose, {"size": {"workforce": 19}}, DAY))
    assert finding.status is Status.UNKNOWN


def test_every_bundled_classification_has_a_period_and_says_whether_it_is_exhaustive() -> None:
    for cset in load_sets():
        for definition in cset.classifications:
            assert definition.in_force.start or definition.in_force.end, definition.id
            assert definition.exhaustive, definition.id

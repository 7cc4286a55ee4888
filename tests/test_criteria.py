"""The bundled criteria: they load, cite their basis, and pass the test cases they carry."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ovopcheck.errors import InputError
from ovopcheck.evaluate import evaluate_criterion, make_context
from ovopcheck.loading.criteria import build_criteria_set
from ovopcheck.loading.profile import parse_document
from ovopcheck.loading.resources import bundled_criteria_dir
from ovopcheck.loading.schema import problems
from ovopcheck.model.enums import Status
from ovopcheck.rules.engine import All, Atom, Not
from ovopcheck.sets import load_sets

from .conftest import AS_OF

SETS = load_sets()
OVOP_FILE = Path(next(s for s in SETS if s.id == "ovop-2021").source)
CRITERIA = [(cset, c) for cset in SETS for c in cset.criteria]
CASES = [
    pytest.param(cset, c, case, id=f"{c.id}#{i}:{case.expect}")
    for cset, c in CRITERIA
    for i, case in enumerate(c.tests)
]
BASIS_TAGS = {"legal", "official", "practice", "historic-form", "inferred"}


def test_bundled_criteria_exist() -> None:
    assert bundled_criteria_dir().is_dir()
    assert any(cset.programme == "ovop" for cset in SETS)


@pytest.mark.parametrize(("cset", "criterion"), CRITERIA, ids=[c.id for _, c in CRITERIA])
def test_every_criterion_cites_its_basis(cset, criterion) -> None:
    assert criterion.basis, f"{criterion.id} has no basis"
    for basis in criterion.basis:
        assert basis.tag in BASIS_TAGS
        assert re.match(r"https?://\S+$", basis.source_url)
        assert basis.instrument.id.strip() and basis.instrument.en.strip()


@pytest.mark.parametrize(("cset", "criterion"), CRITERIA, ids=[c.id for _, c in CRITERIA])
def test_every_criterion_has_both_languages_and_advice(cset, criterion) -> None:
    for text in (criterion.title, criterion.explanation, criterion.advice, criterion.gap):
        if text is not None:
            assert text.id.strip() and text.en.strip()


@pytest.mark.parametrize(("cset", "criterion"), CRITERIA, ids=[c.id for _, c in CRITERIA])
def test_every_criterion_has_met_and_unknown_cases_and_a_gap_case_where_it_can(cset, criterion) -> None:
    expects = {case.expect for case in criterion.tests}
    assert Status.MET in expects and Status.UNKNOWN in expects, criterion.id
    if not _never_false(criterion.requires):
        assert Status.GAP in expects, criterion.id


def _never_true(cond) -> bool:
    """A condition that can be false or unknown, never true: the negation of what can never be false."""
    if isinstance(cond, Not):
        return _never_false(cond.part)
    if isinstance(cond, Atom):
        return False
    combine = any if isinstance(cond, All) else all  # all() is never true when a part is never true
    return combine(_never_true(p) for p in cond.parts)


def _never_false(cond) -> bool:
    """A condition that can be met or unknown, never a gap: presence checks (a value not given is unknown,
    not missing for sure), "no entry lacks X", and any-of with such a branch."""
    if cond is None:
        return False
    if isinstance(cond, Atom):
        if cond.subject == "count" and cond.op == "le" and cond.operand == 0 and cond.where is not None:
            # "no entry lacks X": an entry lacking X is unknown (to fill in), never counted for sure.
            return _never_true(cond.where)
        return cond.op == "present" and cond.operand is True
    if isinstance(cond, Not):
        return _never_true(cond.part)
    combine = all if isinstance(cond, All) else any
    return combine(_never_false(p) for p in cond.parts)


@pytest.mark.parametrize(("cset", "criterion", "case"), CASES)
def test_criterion_case(cset, criterion, case) -> None:
    finding = evaluate_criterion(criterion, make_context(cset, case.profile, case.as_of or AS_OF))
    assert finding.status is case.expect, (finding.failed, finding.missing)
    if case.points is not None:
        assert finding.points == case.points


@pytest.mark.parametrize(("cset", "criterion", "case"), CASES)
def test_case_profiles_are_valid_partial_profiles(cset, criterion, case) -> None:
    # The test profiles leave out required fields, so only type/shape problems count here.
    found = [p for p in problems("profile", dict(case.profile), {}) if p.message_key != "schema_required"]
    assert found == []


def test_criteria_errors_are_located() -> None:
    text = OVOP_FILE.read_text(encoding="utf-8").replace("id: ovop.sentra-units", "id: ovop.commodity-group", 1)
    data, positions = parse_document(text, "c.yaml", "criteria")
    with pytest.raises(InputError) as info:
        build_criteria_set(data, positions, "c.yaml", "")
    problem = info.value.problems[0]
    assert problem.message_key == "criteria_duplicate_id" and problem.line > 0


def test_criteria_schema_rejects_an_unknown_operator() -> None:
    text = OVOP_FILE.read_text(encoding="utf-8").replace(
        "requires: {field: sentra.business_units, ge: 5}",
        "requires: {field: sentra.business_units, matches: '(a+)+$'}",
    )
    with pytest.raises(InputError) as info:
        parse_document(text, "c.yaml", "criteria")
    assert info.value.problems[0].line > 0


def test_classification_boundaries(ovop_set) -> None:
    def cls(workforce: int, investment: int) -> str | None:
        ctx = make_context(ovop_set, {"size": {"workforce": workforce, "investment_idr": investment}}, AS_OF)
        return ctx.classification("industri_64_2016")[0]

    assert cls(19, 999_999_999) == "kecil"
    assert cls(19, 1_000_000_000) == "menengah"
    assert cls(20, 999_999_999) == "menengah"
    assert cls(20, 15_000_000_000) == "menengah"
    assert cls(20, 15_000_000_001) == "besar"
    assert cls(19, 15_000_000_001) == "menengah"


def test_date_handling_in_criteria_uses_as_of(ovop_set) -> None:
    # Before PP 42/2024 a halal certificate ended on its written end date (ovop.food-halal-valid).
    criterion = ovop_set.criterion("ovop.food-halal-valid")
    profile = {
        "product": {"commodity_group": "makanan_minuman"},
        "food_permits": {"halal_certificate": {"held": True, "number": "X", "expires": "2023-12-31"}},
    }
    before = evaluate_criterion(criterion, make_context(ovop_set, profile, dt.date(2023, 12, 31)))
    after = evaluate_criterion(criterion, make_context(ovop_set, profile, dt.date(2024, 1, 1)))
    assert (before.status, after.status) == (Status.MET, Status.GAP)


@pytest.mark.parametrize(
    ("field", "classification", "cases"),
    [
        (
            "business_capital_idr",
            "umkm_capital_pp7_2021",
            [
                (1_000_000_000, "mikro"),
                (1_000_000_001, "kecil"),
                (5_000_000_000, "kecil"),
                (5_000_000_001, "menengah"),
                (10_000_000_000, "menengah"),
                (10_000_000_001, "besar"),
            ],
        ),
        (
            "annual_sales_idr",
            "umkm_sales_pp7_2021",
            [
                (2_000_000_000, "mikro"),
                (2_000_000_001, "kecil"),
                (15_000_000_000, "kecil"),
                (15_000_000_001, "menengah"),
                (50_000_000_000, "menengah"),
                (50_000_000_001, "besar"),
            ],
        ),
    ],
)
def test_pp7_2021_boundaries(ovop_set, field: str, classification: str, cases: list[tuple[int, str]]) -> None:
    for amount, expected in cases:
        ctx = make_context(ovop_set, {"size": {field: amount}}, AS_OF)
        assert ctx.classification(classification)[0] == expected, amount
    assert make_context(ovop_set, {}, AS_OF).classification(classification) == (None, [f"size.{field}"])


def test_a_files_exit_code_follows_its_verdict_under_the_default_policy() -> None:
    # The one exit-code rule (policy.exit_code) reads the findings; under the default --fail-on it must say
    # what the verdict says: 0 eligible, 1 not eligible or incomplete, 2 could not be checked. A file with
    # several evaluations (Upakarti categories) passes when one does.
    import datetime as dt

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ovopcheck.errors import Problem
    from ovopcheck.model.criteria import Waiver
    from ovopcheck.model.enums import Verdict
    from ovopcheck.model.results import Evaluation, FileResult, Finding
    from ovopcheck.policy import DEFAULT_FAIL_ON, exit_code
    from ovopcheck.sets import load_programme

    cset = load_programme("ovop", AS_OF)
    waiver = Waiver("x", "approved", "Dinas", dt.date(2030, 1, 1))
    statuses = st.sampled_from(list(Status))
    by_verdict = {Verdict.ELIGIBLE: 0, Verdict.NOT_ELIGIBLE: 1, Verdict.INCOMPLETE: 1, Verdict.INVALID: 2}

    def evaluation(draw_statuses: list[Status], waived: list[bool]) -> Evaluation:
        findings = tuple(
            Finding(c, s, waiver=waiver if w else None)
            for c, s, w in zip(cset.criteria, draw_statuses, waived, strict=False)
        )
        return Evaluation({}, cset, AS_OF, findings)

    n = len(cset.criteria)

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.tuples(st.lists(statuses, min_size=n, max_size=n), st.lists(st.booleans(), min_size=n, max_size=n)),
            min_size=1,
            max_size=3,
        ),
        st.booleans(),
    )
    def agree(runs: list[tuple[list[Status], list[bool]]], broken: bool) -> None:
        evaluations = tuple(evaluation(s, w) for s, w in runs)
        result = FileResult("p.yaml", () if broken else evaluations, (Problem("yaml_syntax"),) if broken else ())
        assert exit_code(result, DEFAULT_FAIL_ON) == by_verdict[result.verdict]
        if not broken:
            assert exit_code(result) == min(by_verdict[e.verdict] for e in evaluations)
            assert result.best is not None and result.verdict is result.best.verdict

    agree()

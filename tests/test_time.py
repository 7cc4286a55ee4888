"""--as-of evaluates the law as it stood that day: regimes, phase-ins and validity periods."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ovopcheck import check_file, load_programme
from ovopcheck.model.enums import Status, Verdict

from .conftest import AS_OF, EXAMPLES, run_cli

AS_OF_TEXT = AS_OF.isoformat()


@pytest.mark.parametrize(
    ("as_of", "set_id"),
    [
        ("2015-01-01", "ovop-2007"),
        ("2021-07-14", "ovop-2007"),
        ("2021-07-15", "ovop-2021"),
        ("2026-11-28", "ovop-2021"),
    ],
)
def test_ovop_regime_follows_the_date(as_of: str, set_id: str) -> None:
    assert load_programme("ovop", dt.date.fromisoformat(as_of)).id == set_id


def test_regime_change_changes_the_outcome() -> None:
    """The food IKM without halal certificate: no halal gate under 78/2007, a gap under 14/2021."""
    before = check_file(
        EXAMPLES / "food-no-halal.yaml", load_programme("ovop", dt.date(2020, 6, 1)), dt.date(2020, 6, 1)
    )
    after = check_file(
        EXAMPLES / "food-no-halal.yaml", load_programme("ovop", dt.date(2026, 6, 1)), dt.date(2026, 6, 1)
    )
    assert before.verdict is Verdict.ELIGIBLE
    assert after.verdict is Verdict.NOT_ELIGIBLE
    old = run_cli("examples/food-no-halal.yaml", "--as-of", "2020-06-01", "--lang", "en", "--width", "200")
    new = run_cli("examples/food-no-halal.yaml", "--as-of", "2026-06-01", "--lang", "en", "--width", "200")
    assert (old.returncode, new.returncode) == (0, 1)
    assert "Permenperin 78/M-IND/PER/9/2007" in old.stdout and "2020-06-01" in old.stdout
    assert "Permenperin 14 Tahun 2021" in new.stdout


def _halal_obligation(as_of: dt.date, capital: int) -> Status:
    cset = load_programme("ovop", as_of)
    profile = {
        "product": {"commodity_group": "makanan_minuman"},
        # Both PP 7/2021 scales agree (capital and sales): PP 42/2024 Pasal 98(2) judges by either.
        "size": {"business_capital_idr": capital, "annual_sales_idr": 20_000_000_000 if capital > 5e9 else 900_000_000},
        "food_permits": {"halal_certificate": {"held": False}},
    }
    from ovopcheck.evaluate import evaluate_profile

    result = evaluate_profile(cset, profile, as_of)
    statuses = {f.criterion.id: f.status for f in result.findings}
    medium = statuses["ovop.halal-obligation-medium-large"]
    small = statuses["ovop.halal-obligation-micro-small"]
    return medium if capital > 5_000_000_000 else small


@pytest.mark.parametrize(
    ("as_of", "capital", "expected"),
    [
        ("2024-10-17", 6_000_000_000, Status.NOT_APPLICABLE),  # medium firm, before the first deadline
        ("2024-10-18", 6_000_000_000, Status.GAP),
        ("2025-06-01", 350_000_000, Status.NOT_APPLICABLE),  # micro firm, postponed to October 2026
        ("2026-10-17", 350_000_000, Status.NOT_APPLICABLE),
        ("2026-10-18", 350_000_000, Status.GAP),
    ],
)
def test_halal_phase_in_by_size_and_date(as_of: str, capital: int, expected: Status) -> None:
    assert _halal_obligation(dt.date.fromisoformat(as_of), capital) is expected


def test_halal_phase_in_through_the_cli(tmp_path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "schema_version: 1\nbusiness: {name: Keripik}\n"
        "size: {business_capital_idr: 350000000, annual_sales_idr: 900000000}\n"
        "product: {commodity_group: makanan_minuman}\nfood_permits: {halal_certificate: {held: false}}\n",
        encoding="utf-8",
    )
    before = run_cli(str(profile), "--as-of", "2026-10-17", "--lang", "en", "--width", "200")
    after = run_cli(str(profile), "--as-of", "2026-10-18", "--lang", "en", "--width", "200")
    line = "Halal certification obligation for food and beverages of micro and small"
    assert any(line in row and "N/A" in row for row in before.stdout.splitlines())
    assert any(line in row and "ADVICE" in row for row in after.stdout.splitlines())  # an advisory: not a GAP
    assert "not in force on this date" in before.stdout


def test_spp_irt_validity_is_five_years() -> None:
    from ovopcheck.evaluate import evaluate_criterion, make_context

    cset = load_programme("ovop", dt.date(2026, 1, 1))
    criterion = cset.criterion("ovop.food-izin-edar")
    profile = {
        "product": {"commodity_group": "makanan_minuman"},
        "food_permits": {"izin_edar": {"held": True, "type": "spp_irt", "number": "1" * 15, "issued": "2021-03-01"}},
    }
    on = evaluate_criterion(criterion, make_context(cset, profile, dt.date(2026, 2, 28)))
    off = evaluate_criterion(criterion, make_context(cset, profile, dt.date(2026, 3, 1)))
    assert (on.status, off.status) == (Status.MET, Status.GAP)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2015-01-01", Status.UNKNOWN),
        ("2016-06-30", Status.UNKNOWN),
        ("2016-07-30", Status.UNKNOWN),
        ("2016-07-31", Status.GAP),
        ("2016-08-01", Status.GAP),
    ],
)
def test_before_permenperin_64_2016_being_an_ikm_is_for_the_assessor(day: str, status: Status) -> None:
    # Being an IKM was required throughout the 2007 regime; only the thresholds did not exist before July
    # 2016. So an industri besar is never "not applicable" (it was ELIGIBLE in 0.1.0), nor judged by 2016 rules.
    as_of = dt.date.fromisoformat(day)
    cset = load_programme("ovop", as_of)
    result = check_file(EXAMPLES / "gerabah-industri-besar.yaml", cset, as_of)
    evaluation = result.evaluations[0]
    finding = next(f for f in evaluation.findings if f.criterion.id == "ovop2007.ikm-scale")
    assert finding.status is status and not finding.not_in_force
    if status is Status.UNKNOWN:
        assert [c.id for c in finding.assessor] == ["industri_64_2016"] and finding.missing == ()
        assert evaluation.verdict is not Verdict.ELIGIBLE
        assert "industri_64_2016" not in {c.classification.id for c in evaluation.classifications}


def test_one_set_evaluated_through_many_dates_stays_right_and_small() -> None:
    # Criteria are compiled once per set and date; a caller stepping through dates keeps only a few.
    from ovopcheck.evaluate import _STEPS, evaluate_criterion, evaluate_profile, make_context

    cset = load_programme("ovop", dt.date(2026, 11, 28))
    profile = {
        "product": {"commodity_group": "makanan_minuman"},
        "size": {"business_capital_idr": 350_000_000},
        "food_permits": {"halal_certificate": {"held": False}},
    }
    for offset in range(0, 400, 20):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=offset)
        compiled = [f.status for f in evaluate_profile(cset, profile, day).findings]
        one_by_one = [evaluate_criterion(c, make_context(cset, profile, day)).status for c in cset.criteria]
        assert compiled == one_by_one
    assert len(_STEPS[cset]) <= 8


@pytest.mark.parametrize("day", ["2005-01-01", "2007-08-31", "2007-09-29"])
def test_a_date_before_any_rules_of_the_programme_is_said_and_exits_2(day: str) -> None:
    for lang, words in (("id", "tidak ada aturan program ovop"), ("en", "no rules of the ovop programme")):
        proc = run_cli("examples/batik-eligible.yaml", "--as-of", day, "--lang", lang)
        assert proc.returncode == 2 and words in proc.stderr and "2007-09-30" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr


def test_an_upakarti_profile_before_permenperin_5_2020_cannot_be_checked() -> None:
    # Not quietly checked against OVOP: the file says which programme had no rules that day, and when they start.
    proc = run_cli(
        "examples/upakarti/pengabdian-eligible.yaml", "examples/batik-eligible.yaml", "--as-of", "2019-06-01",
        "--lang", "en", "-q",
    )  # fmt: skip
    assert proc.returncode == 2
    assert "batik-eligible.yaml: ELIGIBLE" in proc.stdout
    said = "for the upakarti programme, but no rules of that programme were in force on 2019-06-01"
    assert said in proc.stderr and "2020-04-01" in proc.stderr  # problems go to stderr in text mode


@pytest.mark.parametrize(
    ("day", "shown", "hidden"),
    [
        ("2021-02-01", "UU 20/2008", "PP 7/2021"),
        ("2021-02-02", "PP 7/2021", "UU 20/2008"),
    ],
)
def test_the_umkm_classes_are_those_in_force_that_day(day: str, shown: str, hidden: str) -> None:
    proc = run_cli("examples/batik-eligible.yaml", "--as-of", day, "--lang", "en", "-f", "json")
    classes = [c["id"] for c in json.loads(proc.stdout)["files"][0]["evaluations"][0]["classifications"]]
    text = run_cli("examples/batik-eligible.yaml", "--as-of", day, "--lang", "en", env={"COLUMNS": "200"}).stdout
    header = text.split("Outcome")[0]
    assert shown in header and hidden not in header, header
    assert ("umkm_sales_pp7_2021" in classes) is (shown == "PP 7/2021")
    assert ("umkm_sales_uu20_2008" in classes) is (shown == "UU 20/2008")


def test_the_header_marks_an_inferred_start_day() -> None:
    text = run_cli("examples/batik-eligible.yaml", "--lang", "en", "--as-of", AS_OF_TEXT).stdout
    assert "2021-07-15 – … (start day inferred)" in text

"""examples/ are acceptance fixtures: each has a documented outcome and exit code."""

from __future__ import annotations

import pytest

from ovopcheck import FailedFile, ProfileResult, Status, Verdict, check_file

from .conftest import AS_OF, EXAMPLES, run_cli

# file -> (verdict, exit code, gate gaps, gate unknowns)
EXPECTED = {
    "batik-eligible.yaml": (Verdict.ELIGIBLE, 0, [], []),
    "food-no-halal.yaml": (Verdict.NOT_ELIGIBLE, 1, ["ovop.food-halal"], []),
    "anyaman-missing-info.yaml": (
        Verdict.INCOMPLETE,
        1,
        [],
        [
            "ovop.ikm-scale",
            "ovop.sentra-decree",
            "ovop.penghela",
            "ovop.industrial-legality",
            "ovop.proposed-by-dinas",
            "ovop.regional-flagship",
            "ovop.quality-consistency",
        ],
    ),
    "gerabah-industri-besar.yaml": (Verdict.NOT_ELIGIBLE, 1, ["ovop.ikm-scale"], []),
    "tenun-sentra-four-units.yaml": (Verdict.NOT_ELIGIBLE, 1, ["ovop.sentra-units"], []),
}


def test_every_example_has_an_expectation() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_outcome(name: str, ovop_set) -> None:
    verdict, code, gaps, unknowns = EXPECTED[name]
    result = check_file(EXAMPLES / name, ovop_set, AS_OF)
    assert isinstance(result, ProfileResult)
    assert result.verdict is verdict and result.exit_code == code
    gate = [f for f in result.findings if f.criterion.kind.value == "gate"]
    assert [f.criterion.id for f in gate if f.status is Status.GAP] == gaps
    assert [f.criterion.id for f in gate if f.status is Status.UNKNOWN] == unknowns


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_exit_code_through_the_real_command(name: str) -> None:
    proc = run_cli(f"examples/{name}", "--as-of", AS_OF.isoformat())
    assert proc.returncode == EXPECTED[name][1], proc.stderr
    assert proc.stderr == ""
    assert "Traceback" not in proc.stdout


def test_sentra_gap_is_said_in_plain_words() -> None:
    proc = run_cli("examples/tenun-sentra-four-units.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en")
    assert "the sentra has 4 business units; at least 5 required" in proc.stdout
    assert "PP 29/2018, Pasal 1 angka 8 [legal]" in proc.stdout
    assert "NOT YET ELIGIBLE (1 gap, 0 unknown)" in proc.stdout


def test_invalid_example_gives_located_one_line_errors(ovop_set) -> None:
    result = check_file(EXAMPLES / "invalid" / "workforce-in-words.yaml", ovop_set, AS_OF)
    assert isinstance(result, FailedFile) and result.exit_code == 2
    proc = run_cli("examples/invalid/workforce-in-words.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines == [
        "examples/invalid/workforce-in-words.yaml:6:3: business.nib: NIB '312345678901' must be exactly 13 digits"
        " (quote it so leading zeros are kept)",
        "examples/invalid/workforce-in-words.yaml:8:3: size.workforce: must be of type integer, not 'dua belas'",
    ]


def test_batch_of_all_examples_exits_with_the_worst_code() -> None:
    names = [f"examples/{n}" for n in sorted(EXPECTED)] + ["examples/invalid/workforce-in-words.yaml"]
    proc = run_cli(*names, "--as-of", AS_OF.isoformat())
    assert proc.returncode == 2
    assert proc.stdout.count("Kesimpulan:") == len(EXPECTED)

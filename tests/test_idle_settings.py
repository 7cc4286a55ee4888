"""Settings that match nothing are said (issue 16, class 8): a waiver naming no criterion, or whose profile
pattern matches no file checked, waives nothing; the officer is told (an error with --strict), and
``ovopcheck config`` marks it inactive."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ovopcheck.model.criteria import Waiver
from ovopcheck.policy import PatternUse, waivers_for_unknown_criteria

from .conftest import AS_OF, EXAMPLES, run_cli

WAIVER = """  - criterion: {criterion}
    justification: Sertifikat halal sedang diproses BPJPH
    approved_by: Kepala Dinas
    expires: "{expires}"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "kab-a").mkdir()
    shutil.copy(EXAMPLES / "food-no-halal.yaml", tmp_path / "kab-a" / "food.yaml")
    return tmp_path


def _config(folder: Path, *waivers: tuple[str, str, str | None]) -> None:
    text = "waivers:\n"
    for criterion, expires, profile in waivers:
        text += WAIVER.format(criterion=criterion, expires=expires)
        if profile:
            text += f"    profile: {profile}\n"
    (folder / ".ovopcheck.yaml").write_text(text, encoding="utf-8")


def test_a_waiver_naming_no_criterion_is_said_with_the_nearest_id(folder: Path) -> None:
    _config(folder, ("ovop.food-halall", "2099-01-01", None))
    proc = run_cli("kab-a", "-q", "--lang", "en", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert proc.returncode == 1  # the gap is not waived
    assert "'ovop.food-halall' waives nothing" in proc.stderr
    assert "did you mean 'ovop.food-halal'?" in proc.stderr
    assert ".ovopcheck.yaml:" in proc.stderr  # where it was written
    strict = run_cli("kab-a", "-q", "--strict", "--lang", "id", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert strict.returncode == 2 and "tidak mengecualikan apa pun" in strict.stderr
    assert "--strict" in strict.stderr and strict.stdout == ""  # stopped before checking


def test_a_profile_pattern_matching_no_file_is_said_after_the_run(folder: Path) -> None:
    _config(folder, ("ovop.food-halal", "2099-01-01", "kab-b/*.yaml"))
    proc = run_cli("kab-a", "-q", "--lang", "en", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert proc.returncode == 1 and "matched no file that was checked" in proc.stderr
    strict = run_cli("kab-a", "-q", "--strict", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert strict.returncode == 2 and "food.yaml" in strict.stdout  # checked and reported, then the error


def test_a_waiver_that_applies_is_not_warned_about(folder: Path) -> None:
    _config(folder, ("ovop.food-halal", "2099-01-01", "kab-a/*.yaml"))
    proc = run_cli("kab-a", "-q", "--strict", "--lang", "en", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert proc.returncode == 0, proc.stderr  # the one gap is waived
    assert "waive" not in proc.stderr.replace("waived", "")


def test_config_marks_waivers_that_cannot_apply(folder: Path) -> None:
    _config(
        folder,
        ("ovop.food-halall", "2099-01-01", None),
        ("ovop.food-halal", "2020-01-01", None),
        ("ovop.food-halal", "2099-01-01", None),
    )
    lines = run_cli("config", cwd=folder, env={"OVOPCHECK_LANG": "en"}).stdout
    shown = next(line for line in lines.splitlines() if line.startswith("waivers = "))
    assert "ovop.food-halall until 2099-01-01 (Kepala Dinas)  [inactive: no criterion has this id]" in shown
    assert "ovop.food-halal until 2020-01-01 (Kepala Dinas)  [inactive: expired]" in shown
    assert shown.count("[inactive") == 2
    lines = run_cli("config", cwd=folder, env={"OVOPCHECK_LANG": "id"}).stdout
    shown = next(line for line in lines.splitlines() if line.startswith("waivers = "))
    assert "ovop.food-halal sampai 2020-01-01 (Kepala Dinas)  [tidak berlaku: kedaluwarsa]" in shown
    assert shown.count("[tidak berlaku") == 2


def test_pattern_use_drops_a_waiver_once_it_matched(tmp_path: Path) -> None:
    def waiver(profile: str | None, criterion: str = "ovop.nib") -> Waiver:
        return Waiver(criterion, "alasan", "Kepala", AS_OF, profile=profile)

    use = PatternUse([waiver(None), waiver("kab-a/*"), waiver("kab-b/*")])
    assert [w.profile for w in use.unmatched] == ["kab-a/*", "kab-b/*"]  # no pattern: applies to all
    assert list(use.watch(["kab-a/p.yaml", "kab-a/q.yaml"])) == ["kab-a/p.yaml", "kab-a/q.yaml"]
    assert [w.profile for w in use.unmatched] == ["kab-b/*"]
    unknown = waivers_for_unknown_criteria([waiver(None, "ovop.nib"), waiver(None, "ovop.nibb")], {"ovop.nib"})
    assert [w.criterion for w in unknown] == ["ovop.nibb"]

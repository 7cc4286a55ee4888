"""Nothing the tool writes destroys an input (issue 16, class 1): an output that is a file of the run is
refused before anything is opened, and each output is written beside its target and moved into place
only at the end, so a run that stops early leaves the previous report as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import AS_OF, EXAMPLES, run_cli

PROFILE = (EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "link.json").symlink_to("p.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("inputs", "output"),
    [
        (["p.yaml"], "json:p.yaml"),  # the profile itself
        (["p.yaml"], "sarif:link.json"),  # the profile, through a link
        (["."], "json:q.yaml"),  # would be read as a profile of the walked folder
        (["p.yaml"], "p.yaml"),  # by extension: no format, and an input anyway
    ],
)
def test_an_output_on_an_input_is_refused_and_the_input_kept(folder: Path, inputs: list[str], output: str) -> None:
    proc = run_cli(*inputs, "-q", "-o", output, "--as-of", AS_OF.isoformat(), "--lang", "en", cwd=folder)
    assert proc.returncode == 2
    assert (folder / "p.yaml").read_text(encoding="utf-8") == PROFILE
    assert not (folder / "q.yaml").exists()


def test_the_refusal_says_why(folder: Path) -> None:
    proc = run_cli("p.yaml", "-o", "json:p.yaml", "--lang", "en", cwd=folder)
    assert "a report is never written over an input" in proc.stderr


def test_a_run_that_stops_early_leaves_the_previous_report(folder: Path) -> None:
    (folder / "laporan.json").write_text("previous report\n", encoding="utf-8")
    (folder / "kosong").mkdir()
    # An empty folder: nothing to check, the run stops with exit 2 before any report is finished.
    proc = run_cli("kosong", "-o", "json:laporan.json", cwd=folder)
    assert proc.returncode == 2
    assert (folder / "laporan.json").read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in folder.iterdir()) == ["kosong", "laporan.json", "link.json", "p.yaml"]


def test_a_finished_run_replaces_the_report_with_the_usual_permissions(folder: Path) -> None:
    proc = run_cli("p.yaml", "-q", "-o", "json:laporan.json", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert proc.returncode == 0
    report = folder / "laporan.json"
    assert report.read_text(encoding="utf-8").startswith("{")
    umask = os.umask(0)
    os.umask(umask)
    assert report.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in folder.iterdir()) == ["laporan.json", "link.json", "p.yaml"]

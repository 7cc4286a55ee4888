"""The hand-run fuzzers stay runnable: a short run of each target, in its own process (as by hand)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.parametrize("target", ["criteria", "config"])
def test_a_short_fuzzing_run_finds_nothing(target: str) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_settings.py"), target, "60"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"{target}: 60 inputs checked, no invariant broken" in proc.stdout

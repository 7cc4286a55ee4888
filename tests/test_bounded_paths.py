"""Every path a flag or a config names is read like any input (issue 16, class 3): regular files only,
a size limit, a non-blocking open; a FIFO, a device, a missing path or a huge config is a clear message
(exit 2 when it was asked for), never a hang or an internal error."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from .conftest import EXAMPLES, run_cli

PROFILE = str(EXAMPLES / "batik-eligible.yaml")


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("flag", "make", "said"),
    [
        ("--config", lambda d: fifo(d / "pyproject.toml"), "not a regular file"),
        ("--config", lambda d: fifo(d / ".ovopcheck.yaml"), "not a regular file"),
        ("--config", lambda d: d / "missing.yaml", "file not found"),
        ("--criteria", lambda d: Path("/dev/zero"), "not a regular file"),
        ("--criteria", lambda d: fifo(d / "criteria.yaml"), "not a regular file"),
        ("--criteria", lambda d: d / "missing.yaml", "file not found"),
    ],
)
def test_a_named_path_that_is_not_a_file_is_a_clear_message(tmp_path: Path, flag: str, make, said: str) -> None:
    started = time.monotonic()
    proc = run_cli(PROFILE, flag, str(make(tmp_path)), "--lang", "en", cwd=tmp_path)
    assert time.monotonic() - started < 10  # never a hang
    assert proc.returncode == 2 and said in proc.stderr and "internal error" not in proc.stderr


def test_a_huge_or_odd_pyproject_found_on_the_way_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the repository root: the search stops here
    (tmp_path / "pyproject.toml").write_text("#" * (3 * 2**20), encoding="utf-8")  # over the 2 MiB limit
    started = time.monotonic()
    proc = run_cli(PROFILE, "-q", cwd=tmp_path)
    assert proc.returncode == 0 and time.monotonic() - started < 10
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "pyproject.toml").symlink_to("/dev/zero")
    assert run_cli(PROFILE, "-q", cwd=tmp_path).returncode == 0

"""The wheel carries the criteria: installed into a fresh virtualenv, run from an unrelated folder, it works."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

from .conftest import EXAMPLES, lend_dependencies


def test_wheel_contains_criteria_and_schemas(wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "ovopcheck/criteria/ovop-2021.yaml" in names
    assert "ovopcheck/schemas/profile.schema.json" in names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_installed_wheel_runs_from_an_unrelated_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # Install the wheel itself into the fresh environment...
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        check=True,
    )
    # ...and borrow only its dependencies from this environment (the machine is offline).
    lend_dependencies(site, tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    profile = outside / "batik.yaml"
    profile.write_text((EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(
        [str(python), "-m", "ovopcheck", "batik.yaml", "--as-of", "2026-11-28", "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ELIGIBLE TO BE PROPOSED" in proc.stdout
    where = subprocess.run(
        [str(python), "-c", "import ovopcheck.loading.resources as r; print(r.bundled_criteria_dir())"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site)

"""The README's officer guide, run as an officer would on Linux: install once from the wheel, open a new
terminal, and every command of the guide works. (The Windows block is held to the same file names and
paths; there is no Windows machine here to run it.)

The machine is offline: pip is told not to fetch (PIP_NO_INDEX, PIP_NO_DEPS) and the new environment
borrows its dependencies from this one, as tests/test_wheel.py does; everything else is the README's text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT, lend_dependencies

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = README[README.index("## Panduan petugas Dinas") : README.index("## Programmes, regimes and dates")]


def block(after: str, language: str) -> list[str]:
    """The lines of the first ``language`` code block after the text ``after`` in the guide."""
    start = GUIDE.index(after)
    found = re.search(rf"```{language}\n(.*?)```", GUIDE[start:], re.DOTALL)
    assert found is not None, after
    return [line.split("  #")[0].strip() for line in found.group(1).strip().splitlines()]


def bash(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    downloads = home / "Unduhan"
    downloads.mkdir()
    assert f"`{wheel.name}`" in GUIDE, "the guide names the wheel the project builds"
    shutil.copy(wheel, downloads / wheel.name)
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "PIP_NO_INDEX": "1", "PIP_NO_DEPS": "1"}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    python = shutil.which("python3.11") or shutil.which("python3")
    assert python is not None
    env["PATH"] = f"{Path(python).parent}:{env['PATH']}"
    for line in block("Pasang sekali — Linux", "sh"):
        proc = bash(line, downloads, env)
        assert proc.returncode == 0, f"{line}\n{proc.stdout}\n{proc.stderr}"
    # Offline only: lend the new environment this one's dependencies.
    (site,) = (home / ".local/share/ovopcheck/lib").glob("python3*/site-packages")
    lend_dependencies(site, home)
    # A new terminal: ~/.local/bin on PATH (as Debian and Ubuntu's profile puts it), nothing else of ours.
    return {"HOME": str(home), "PATH": f"{home}/.local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}


def test_install_once_then_ovopcheck_is_on_path_in_a_new_terminal(installed: dict[str, str], tmp_path: Path) -> None:
    results = [bash(line, tmp_path, installed) for line in block("tutup terminal dan buka yang baru", "sh")]
    version, init, check = results
    assert version.returncode == 0 and version.stdout.startswith("ovopcheck ")
    assert init.returncode == 0 and (tmp_path / "berkas-ikm" / "profile.yaml").is_file()
    assert check.returncode == 1, check.stderr  # a fresh dossier: what to fill in, not "could not check"
    assert "Isian yang perlu dilengkapi" in check.stdout


def test_every_command_of_cara_memakai_runs(installed: dict[str, str], tmp_path: Path) -> None:
    section = README[README.index("## Cara memakai") :]
    lines = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert lines is not None
    shutil.copytree(EXAMPLES / "dossiers" / "batik-sekar-jagad", tmp_path / "berkas-ikm")
    shutil.copy(EXAMPLES / "food-no-halal.yaml", tmp_path / "profil-ikm.yaml")
    shutil.copytree(EXAMPLES, tmp_path / "usulan-2026", ignore=shutil.ignore_patterns("invalid"))
    shutil.copy(EXAMPLES / "upakarti" / "no-category.yaml", tmp_path / "calon.yaml")
    shutil.copy(EXAMPLES / "provinsi" / "rekap-jabar.xlsx", tmp_path / "rekap.xlsx")  # a filled template
    for line in (raw.split("  #")[0].strip() for raw in lines.group(1).strip().splitlines()):
        if line.startswith("ovopcheck init"):
            continue  # the dossier and the sheet are there already: init never overwrites (tested elsewhere)
        proc = bash(line, tmp_path, installed)
        assert proc.returncode in (0, 1), f"{line}\n{proc.stderr}"
        assert "Traceback" not in proc.stderr


def test_the_windows_block_names_the_same_wheel_and_paths(wheel: Path) -> None:
    lines = block("Pasang sekali — Windows", "bat")
    assert lines[0] == 'py -m venv "%LOCALAPPDATA%\\ovopcheck"'
    assert lines[1].endswith(f"install {wheel.name}")
    assert all("%LOCALAPPDATA%\\ovopcheck\\Scripts\\" in line for line in lines[1:])
    assert "%LOCALAPPDATA%\\ovopcheck\\Scripts" in GUIDE  # and the folder to add to Path

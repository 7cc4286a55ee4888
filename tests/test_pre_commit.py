"""pre-commit that catches what it should (issue 17, part 2), run by pre-commit itself in a scratch git
repository: the hook of .pre-commit-hooks.yaml, as a local hook (``language: system``, so the test needs no
network to build the hook's environment; its entry and file selection are the published hook's).

- any YAML that is a profile by its content is checked, whatever its name (the README's profil-ikm.yaml);
  criteria files and CI configuration are not;
- a dossier's profile.yaml is checked once, as its folder, with its documents;
- the work-in-progress setup blocks what cannot be checked and lets "not yet eligible" be committed;
- a hook never writes a file into the repository, whatever .ovopcheck.yaml's ``output:`` says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLES, ROOT, missing

HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, args: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    hook = {k: HOOK[k] for k in ("id", "name", "entry", "types")} | {"language": "system"}
    if args is not None:
        hook["args"] = args
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    _git(repo, "add", "-A")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env |= {"PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "OVOPCHECK_LANG": "en", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        missing("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        missing("pre-commit is not installed (pip install -e '.[test]' installs it)")
    repo = tmp_path / "usulan"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "petugas@dinas.example")
    _git(repo, "config", "user.name", "Petugas")
    shutil.copytree(EXAMPLES / "dossiers" / "batik-sekar-jagad", repo / "berkas" / "batik-sekar-jagad")
    shutil.copy(EXAMPLES / "anyaman-missing-info.yaml", repo / "profil-ikm.yaml")  # not yet eligible
    shutil.copy(ROOT / "criteria" / "ovop-2021.yaml", repo / "kriteria-dinas.yaml")  # no profile
    (repo / ".ovopcheck.yaml").write_text("as_of: 2026-11-28\noutput: [sarif:ovopcheck.sarif]\n", encoding="utf-8")
    return repo


def _changed(repo: Path) -> list[str]:
    """What the hook run left beside what was staged for it: new files, or staged files changed."""
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    return [line for line in status.splitlines() if not line.startswith("A  ")]


def test_the_hook_checks_profiles_by_content_and_each_dossier_once(repo: Path) -> None:
    proc = _pre_commit(repo)
    out = proc.stdout
    assert proc.returncode == 1, out  # profil-ikm.yaml is not yet eligible: the default fails on it
    assert "profil-ikm.yaml: NOT YET ELIGIBLE" in out
    assert out.count("batik-sekar-jagad") == 1 and "berkas/batik-sekar-jagad: ELIGIBLE" in out  # once, as a dossier
    assert "kriteria-dinas.yaml" not in out and ".ovopcheck.yaml" not in out  # not profiles
    assert _changed(repo) == [] and not (repo / "ovopcheck.sarif").exists()  # although the config asks for it


def test_work_in_progress_blocks_only_what_cannot_be_checked(repo: Path) -> None:
    wip = ["--fail-on", "invalid"]
    assert _pre_commit(repo, wip).returncode == 0  # "not yet eligible" may be committed
    (repo / "profil-rusak.yaml").write_text("schema_version: 1\nsize:\n  workforce: dua belas\n", encoding="utf-8")
    broken = _pre_commit(repo, wip)
    assert broken.returncode == 1 and "profil-rusak.yaml:3:3: size.workforce" in broken.stdout, broken.stdout
    assert _changed(repo) == []

"""Recipes that work as pasted (issue 17, part 3): each CI job of the README is run, install step
included, against this checkout's wheel, in a fresh virtualenv; the pre-commit snippet pins a rev that
names this version.

Offline: the recipe's URL is the only thing replaced (by the local wheel, whose file name must be the
recipe's), pip is told not to fetch (PIP_NO_INDEX, PIP_NO_DEPS) and the environment borrows ovopcheck's
dependencies from this one. Everything else is the README's text, run by bash.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
import yaml

from ovopcheck import __version__

from .conftest import EXAMPLES, ROOT, lend_dependencies, missing

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _recipe(kind: str) -> list[str]:
    """The shell commands of the README's ``kind`` CI job, in order."""
    block = README.split(f"<!-- ci-example: {kind} -->", 1)[1].split("```", 2)[1]
    job = yaml.safe_load(block.removeprefix("yaml\n"))
    if kind == "github":
        steps = job["jobs"]["dossiers"]["steps"]
        return [s["run"] for s in steps if "run" in s and "GITHUB_STEP_SUMMARY" not in s["run"]]
    return list(job["ovopcheck"]["script"])


@pytest.fixture(scope="module")
def environment(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A fresh virtualenv (with pip, from the standard library) on PATH, as a CI runner has."""
    home = tmp_path_factory.mktemp("runner")
    venv.EnvBuilder(with_pip=True).create(home / "venv")
    bin_dir = home / "venv" / "bin"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    return env | {"PIP_NO_INDEX": "1", "PIP_NO_DEPS": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.mark.parametrize("kind", ["github", "gitlab"])
def test_each_ci_recipe_runs_as_pasted(kind: str, wheel: Path, environment: dict[str, str], tmp_path: Path) -> None:
    install, command = _recipe(kind)
    url = re.search(r"pip install (\S+)", install)
    assert url is not None and url.group(1).endswith("/" + wheel.name), install  # pinned to this version
    assert url.group(1).startswith("https://") and "pypi" not in url.group(1)  # never a package index
    repo = tmp_path / "usulan"  # a dossier repository as the CI job checks it out
    shutil.copytree(EXAMPLES / "dossiers", repo / "dossiers")
    run = {"cwd": repo, "env": environment, "capture_output": True, "text": True, "timeout": 300}
    if shutil.which("git") is None:
        missing("git is not installed")
    subprocess.run(["git", "init", "-q"], **run, check=True)
    installed = subprocess.run(["bash", "-c", install.replace(url.group(1), str(wheel))], **run)
    assert installed.returncode == 0, installed.stderr
    (site,) = (Path(environment["HOME"]) / "venv" / "lib").glob("python3*/site-packages")
    lend_dependencies(site, tmp_path)
    proc = subprocess.run(["bash", "-c", command], **run)
    assert proc.returncode == 1, proc.stderr  # the example dossier lacking its sentra decree is not eligible
    assert json.loads((repo / "ovopcheck.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (repo / "summary.md").read_text(encoding="utf-8").startswith("### ovopcheck")
    if kind == "github":
        assert "::error file=dossiers/dodol-halal-expired/profile.yaml" in proc.stdout
    else:
        from junitparser import JUnitXml

        assert len(list(JUnitXml.fromfile(str(repo / "ovopcheck-junit.xml")))) == 2
    version = subprocess.run(["bash", "-c", "ovopcheck --version"], **run).stdout
    assert version.startswith(f"ovopcheck {__version__} (criteria: ")  # what the CI log shows


def test_the_pre_commit_snippet_pins_this_version() -> None:
    snippet = README[README.index("# .pre-commit-config.yaml") :].split("```", 1)[0]
    config = yaml.safe_load(snippet)
    (hook_repo,) = config["repos"]
    assert hook_repo["rev"] == f"v{__version__}"
    assert [h["id"] for h in hook_repo["hooks"]] == ["ovopcheck"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"ovopcheck"}
    if (ROOT / ".git").exists():
        tags = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split()
        if tags:  # a checkout with its tags (a shallow CI checkout may have none): the pinned rev is one
            assert hook_repo["rev"] in tags, tags


def test_no_recipe_sends_anyone_to_a_package_index() -> None:
    for line in README.splitlines():
        if re.search(r"pip install\s+['\"]?ovopcheck(\s|$|['\"=<>~])", line):
            assert "jangan" in line or "not" in line.lower(), line  # only as a warning

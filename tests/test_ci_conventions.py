"""What CI engineers expect from a checker (issue 17, part 4 and 6): a profile from stdin, --color,
--list-files, field paths in GitHub annotations, JUnit cases named for people, shell completion, and a
--version that names the bundled criteria sets. Each runs the real command."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import AS_OF, EXAMPLES, ROOT, run_cli


def _stdin(text: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "OVOPCHECK_LANG")}
    env |= {"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "ovopcheck", *args], input=text, capture_output=True, text=True,
        encoding="utf-8", env=env, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip


def test_a_profile_from_stdin_is_checked_under_the_name_given() -> None:
    text = (EXAMPLES / "food-no-halal.yaml").read_text(encoding="utf-8")
    proc = _stdin(text, "-", "--stdin-name", "usulan/keripik.yaml", "-q", "--lang", "en", "--as-of", AS_OF.isoformat())
    assert proc.returncode == 1 and proc.stdout.startswith("usulan/keripik.yaml: NOT YET ELIGIBLE"), proc.stdout
    github = _stdin(text, "-", "-f", "github", "--lang", "en", "--as-of", AS_OF.isoformat())
    assert "::error file=<stdin>,line=" in github.stdout  # the default name, with the line of the finding
    assert "/tmp" not in github.stdout + github.stderr  # the temporary copy never shows


def test_broken_yaml_from_stdin_is_located_and_exits_2() -> None:
    proc = _stdin("schema_version: 1\nbusiness:\n\tname: x\n", "-", "--lang", "en")
    assert proc.returncode == 2 and proc.stderr.startswith("<stdin>:3:1:"), proc.stderr


def test_an_oversized_stdin_is_refused_like_a_file() -> None:
    proc = _stdin("# " + "x" * (3 * 1024 * 1024) + "\n", "-", "--lang", "en")
    assert proc.returncode == 2 and "<stdin>" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(("choice", "escapes"), [("always", True), ("never", False)])
def test_color_flag_wins_over_the_environment(choice: str, escapes: bool) -> None:
    env = {"NO_COLOR": "1"} if escapes else {"FORCE_COLOR": "1"}
    proc = run_cli("examples/batik-eligible.yaml", "-q", "--color", choice, env=env)
    assert ("\x1b[" in proc.stdout) is escapes


def test_list_files_previews_a_run_without_checking(tmp_path: Path) -> None:
    proc = run_cli("examples", "--list-files")
    listed = proc.stdout.splitlines()
    assert proc.returncode == 0 and "examples/batik-eligible.yaml" in listed
    assert "examples/dossiers/batik-sekar-jagad" in listed  # a dossier is one item
    assert not any("criteria" in line for line in listed)  # criteria files are not profiles
    assert "ELIGIBLE" not in proc.stdout and "LAYAK" not in proc.stdout
    (tmp_path / "kosong").mkdir()
    assert run_cli(str(tmp_path / "kosong"), "--list-files").returncode == 2


def test_github_annotations_keep_the_field_path() -> None:
    proc = run_cli("examples/invalid/workforce-in-words.yaml", "-f", "github", "--lang", "en")
    assert "line=8,col=3,title=ovopcheck%3A invalid input::size.workforce: 'dua belas'" in proc.stdout


def test_junit_cases_are_named_with_the_ikm_and_the_criterion_title() -> None:
    proc = run_cli("examples/batik-eligible.yaml", "-f", "junit", "--lang", "en", "--as-of", AS_OF.isoformat())
    names = [case.get("name") for case in ET.fromstring(proc.stdout).iter("testcase")]
    assert "Batik Tulis Sekar Jagad — The business is an IKM (industri kecil or menengah) (ovop.ikm-scale)" in names


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_completion_scripts_for_each_shell(shell: str) -> None:
    proc = run_cli("completion", shell)
    assert proc.returncode == 0 and "_OVOPCHECK_COMPLETE" in proc.stdout


def test_completion_completes_commands_and_options() -> None:
    commands = run_cli(env={"_OVOPCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "ovopcheck crit", "COMP_CWORD": "1"})
    assert commands.stdout.split() == ["criteria"]
    options = run_cli(
        env={"_OVOPCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "ovopcheck check --fail", "COMP_CWORD": "2"}
    )
    assert "--fail-on" in options.stdout.split()


def test_install_completion_is_not_taken_as_a_file_to_check() -> None:
    proc = run_cli("--install-completion", "--lang", "en")
    assert proc.returncode == 2 and "ovopcheck completion bash" in proc.stderr and "not found" not in proc.stderr


def test_version_names_the_bundled_criteria_sets() -> None:
    from ovopcheck import __version__
    from ovopcheck.sets import load_sets

    line = run_cli("--version").stdout.strip()
    assert line.startswith(f"ovopcheck {__version__} (criteria: ")
    for cset in load_sets():
        assert f"{cset.id} {cset.version}" in line


def test_markdown_never_truncates_silently(tmp_path: Path) -> None:
    from ovopcheck.report.formats.markdown import MAX_ROWS

    text = (EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8")
    for i in range(MAX_ROWS + 5):
        (tmp_path / f"ikm-{i:03d}.yaml").write_text(text, encoding="utf-8")
    proc = run_cli(str(tmp_path), "-f", "markdown", "--lang", "en", "--as-of", AS_OF.isoformat(), "-j", "1")
    rows = [line for line in proc.stdout.splitlines() if line.startswith(f"| `{tmp_path}")]
    assert len(rows) == MAX_ROWS
    assert "… and 5 more files (see the json or csv report for all of them)" in proc.stdout
    assert f"{MAX_ROWS + 5}" in proc.stdout  # the counts cover every file


def test_only_profiles_never_opens_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.yaml"
    os.mkfifo(fifo)  # opened for reading, it would block until a writer came
    criteria = tmp_path / "kriteria.yaml"
    criteria.write_text("format_version: 1\nset: {id: x}\ncriteria: []\n", encoding="utf-8")
    proc = run_cli("--only-profiles", "--list-files", str(fifo), str(criteria))
    assert proc.returncode == 0 and proc.stdout.splitlines() == [str(fifo)]  # checking it says what it is
    checked = run_cli("--only-profiles", str(fifo), "--lang", "en")
    assert checked.returncode == 2 and "not a regular file" in checked.stderr

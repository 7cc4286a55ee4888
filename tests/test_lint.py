"""The code stays ruff-clean and mypy-clean: a lint or type error fails CI like any other test."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

from .conftest import ROOT, missing


def test_ruff_check_is_clean() -> None:
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(ROOT / ".venv" / "bin"))
    if ruff is None:
        _missing("ruff")
    proc = subprocess.run([ruff, "check", "--no-cache", str(ROOT)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean() -> None:
    # The annotations are checked, not only written (configuration: [tool.mypy] in pyproject.toml).
    if importlib.util.find_spec("mypy") is None:
        _missing("mypy")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _missing(tool: str) -> None:
    missing(f"{tool} is not installed (pip install -e '.[test]' installs it)")


def test_every_dataclass_has_a_docstring() -> None:
    # Besides saying what the class is for: without a docstring, @dataclass computes one from
    # inspect.signature at import, ~0.3 ms per class, paid by every run of the command.
    import ast

    undocumented = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for path in sorted((ROOT / "ovopcheck").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(d).startswith(("dataclass", "record")) for d in node.decorator_list)
        and ast.get_docstring(node) is None
    ]
    assert undocumented == []

"""Where the packaged schemas and the bundled criteria are, installed or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # ovopcheck/, whose schemas/ and criteria/ these are
SCHEMA_DIR = PACKAGE_DIR / "schemas"


def bundled_criteria_dir() -> Path:
    """The wheel carries ``criteria/`` inside the package; a source checkout has it beside it."""
    inside = PACKAGE_DIR / "criteria"
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / "criteria"


def bundled_versions() -> list[str]:
    """``ovop-2021 1.1`` for each bundled set, read from the files' ``set:`` headers without loading them
    (for ``--version``, which must stay instant)."""
    import re

    header = re.compile(r"^set:\n(?:[ #].*\n)*?  id: *(\S+)\n(?:[ #].*\n)*?  version: *\"?([0-9.]+)", re.MULTILINE)
    found = []
    for path in sorted(bundled_criteria_dir().glob("*.yaml")):
        match = header.search(path.read_text(encoding="utf-8"))
        if match:
            found.append(f"{match.group(1)} {match.group(2)}")
    return found


@cache
def schema(name: str) -> dict[str, Any]:
    """A packaged JSON Schema by short name: ``profile`` or ``criteria``."""
    with (SCHEMA_DIR / f"{name}.schema.json").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def schema_text(name: str) -> str:
    return (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")

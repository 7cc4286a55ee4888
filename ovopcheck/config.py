"""Configuration: ``.ovopcheck.yaml`` or ``[tool.ovopcheck]`` in ``pyproject.toml``, found by walking up
from the current folder to the repository root. Command-line flags override it. Every value remembers
where it came from, for ``ovopcheck config``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .loading.read import read_text
from .model.criteria import Waiver
from .policy import DEFAULT_FAIL_ON
from .report.messages import LANGUAGES as LANGUAGES
from .report.messages import resolve_language as resolve_language

CONFIG_NAMES = (".ovopcheck.yaml", ".ovopcheck.yml")
KEYS = (
    "program",
    "criteria",
    "lang",
    "format",
    "output",
    "fail_on",
    "as_of",
    "quiet",
    "verbose",
    "width",
    "waivers",
    "exclude",
    "jobs",
)
DEFAULTS: dict[str, Any] = {
    "program": "ovop",
    "criteria": [],
    "lang": None,
    "format": "text",
    "output": [],
    "fail_on": sorted(DEFAULT_FAIL_ON),
    "as_of": None,
    "quiet": False,
    "verbose": False,
    "width": None,
    "waivers": [],
    "exclude": [],
    "jobs": None,
}


@dataclass
class Settings:
    """The merged settings of a run, and where each value came from (for ``ovopcheck config``)."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DEFAULTS, "default"))
    file: Path | None = None

    def set(self, key: str, value: Any, source: str) -> None:
        self.values[key] = value
        self.sources[key] = source


def find_config(start: Path) -> Path | None:
    """The nearest config from ``start`` upward, stopping at the repository root (a folder with .git)."""
    here = start.resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = read_text(path, os.fspath(path))  # bounded like every input: no FIFO, device or huge file
    except InputError:
        return False
    return re.search(r"^\s*\[tool\.ovopcheck\]\s*$", text, re.MULTILINE) is not None


def load_config(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The config's values and the line each key was written on. InputError when invalid."""
    if path.name == "pyproject.toml":
        return _load_toml(path)
    from .loading.profile import parse_document

    source = os.fspath(path)
    data, positions = parse_document(read_text(path, source), source, "config")
    lines = {key: positions.get((key,), (0, 0))[0] for key in data}
    return data, lines


def _load_toml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib

    from .loading.schema import problems

    source = os.fspath(path)
    text = read_text(path, source)
    try:
        table = tomllib.loads(text).get("tool", {}).get("ovopcheck", {})
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, [Problem("config_toml", {"reason": str(exc)})]) from None
    lines = _toml_lines(text)
    data: dict[str, Any] = {}
    positions: dict[tuple[str | int, ...], tuple[int, int]] = {}
    for key, value in table.items():
        norm = key.replace("-", "_")
        data[norm] = value.isoformat() if isinstance(value, dt.date) else value
        positions[(norm,)] = (lines.get(key, 0), 1)
    found = problems("config", data, positions)
    if found:
        raise InputError(source, found)
    return data, {k: positions[(k,)][0] for k in data}


def _toml_lines(text: str) -> dict[str, int]:
    """Line of each key inside the [tool.ovopcheck] table (tomllib keeps no positions)."""
    out: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.startswith("[tool.ovopcheck]") or stripped.startswith("[[tool.ovopcheck.")
            continue
        match = re.match(r"([A-Za-z0-9_-]+)\s*=", stripped)
        if inside and match:
            out.setdefault(match.group(1), number)
    return out


def settings_from(path: Path | None) -> Settings:
    settings = Settings(file=path)
    if path is None:
        return settings
    data, lines = load_config(path)
    base = path.parent
    for key, value in data.items():
        where = f"{path}:{lines.get(key, 0)}"
        if key in ("criteria",):
            value = [os.fspath(base / v) for v in value]
        elif key == "output":
            value = [_relative_output(v, base) for v in value]
        elif key == "waivers":
            value = [_waiver(w, base, where) for w in value]
        settings.set(key, value, where)
    return settings


def _relative_output(spec: str, base: Path) -> str:
    fmt, _, target = spec.partition(":")
    return f"{fmt}:{os.fspath(base / target)}"


def _waiver(raw: dict[str, Any], base: Path, where: str) -> Waiver:
    profile = raw.get("profile")
    return Waiver(
        criterion=raw["criterion"],
        justification=raw["justification"],
        approved_by=raw["approved_by"],
        expires=dt.date.fromisoformat(raw["expires"]),
        profile=(base / profile).as_posix() if profile else None,
        source=where,
    )

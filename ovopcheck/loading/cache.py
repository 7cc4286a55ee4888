"""A cache of validated criteria data, so a start does not re-parse and re-validate unchanged YAML.

Entries are plain JSON (never pickle: loading one cannot run code), named by the SHA-256 of the file's
text together with the ovopcheck version and the criteria schema, so any change misses. The cache is
best effort: an unwritable or corrupt cache only costs the time it was meant to save.
Location: OVOPCHECK_CACHE_DIR, else $XDG_CACHE_HOME/ovopcheck, else ~/.cache/ovopcheck;
OVOPCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .._version import __version__
from .resources import schema_text


def _folder() -> Path | None:
    if os.environ.get("OVOPCHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("OVOPCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "ovopcheck"


def key(text: str) -> str:
    digest = hashlib.sha256()
    for part in (__version__, schema_text("criteria"), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def get(cache_key: str) -> Any | None:
    folder = _folder()
    if folder is None:
        return None
    try:
        with (folder / f"criteria-{cache_key}.json").open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def put(cache_key: str, data: Any) -> None:
    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Write then rename, so a reader never sees half a file.
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".criteria-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        Path(temp).replace(folder / f"criteria-{cache_key}.json")
    except OSError:
        return

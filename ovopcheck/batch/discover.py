"""What to check under the given paths: deterministic (sorted), hidden folders skipped, never following a
symlink out of a root, never entering a folder twice. A folder holding a ``profile.yaml`` is a dossier and is
not searched further; other ``*.yaml``/``*.yml`` files are profiles, except inside a folder named
``criteria`` (criteria files for ``--criteria``, as in ``examples/criteria``)."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator

from ..checker import PROFILE_NAMES

SUFFIXES = (".yaml", ".yml")
CRITERIA_FOLDER = "criteria"  # a folder of this name inside a walked folder holds criteria, not profiles


def _excluded(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def discover(paths: Iterable[str | os.PathLike[str]], exclude: Iterable[str] = ()) -> Iterator[str]:
    """What to check under ``paths``: files as given, folders walked. Yields paths as text, in order."""
    patterns = tuple(p.rstrip("/") for p in exclude)
    for given in paths:
        text = os.fspath(given)
        if not os.path.isdir(text):
            yield text  # a file (or something that is not there: check_file reports it)
            continue
        if any(os.path.isfile(os.path.join(text, n)) for n in PROFILE_NAMES):
            yield text
            continue
        yield from _walk(text, patterns)


def _walk(root: str, patterns: tuple[str, ...]) -> Iterator[str]:
    real_root = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue  # already walked: a symlink loop or a second link to the same folder
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        files: list[str] = []
        folders: list[str] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # .git, .venv and other hidden entries
            path = entry.path
            if patterns and _excluded(os.path.relpath(path, root).replace(os.sep, "/"), name, patterns):
                continue
            if entry.is_symlink():
                target = os.path.realpath(path)
                if os.path.commonpath([real_root, target]) != real_root:
                    continue  # never follow a link out of the root
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if name == CRITERIA_FOLDER:
                    continue  # criteria files (--criteria), not profiles: never checked as dossiers
                if any(os.path.isfile(os.path.join(path, n)) for n in PROFILE_NAMES):
                    files.append(path)  # a dossier: checked whole, not searched further
                else:
                    folders.append(path)
            elif name.endswith(SUFFIXES):
                files.append(path)
        # Files and dossiers of this folder in name order, then its sub-folders in name order.
        yield from sorted(files)
        stack.extend(sorted(folders, reverse=True))

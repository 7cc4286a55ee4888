"""What to check under the given paths: deterministic (sorted), hidden folders skipped, never following a
symlink out of a root, never entering a folder twice. A folder holding a ``profile.yaml`` is a dossier and is
not searched further; other ``*.yaml``/``*.yml`` files are profiles, except inside a folder named
``criteria`` (criteria files for ``--criteria``, as in ``examples/criteria``).

A file given by name that holds a spreadsheet (by its content: an xlsx workbook, a CSV table) yields its
rows, one IKM each; spreadsheets inside walked folders are left alone (in a dossier they are attachments).

Every path given is accounted for: a folder holding a ``profile.yaml`` of any kind (a folder, a broken link, a
link out) is yielded as a dossier, for the check to say what is wrong with it; a given folder with nothing to
check in it is yielded itself (the check says so) when anything else is checked in the run, and a link out
of a walked folder is yielded as ``Skipped``, reported and not read. Only a run that finds nothing at all
yields nothing (the caller's "nothing to check")."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from typing import Self

from ..checker import PROFILE_NAMES
from ..loading.sheet import kind_of, read_rows

SUFFIXES = (".yaml", ".yml")
CRITERIA_FOLDER = "criteria"  # a folder of this name inside a walked folder holds criteria, not profiles


class _Tagged(str):
    """A path (a ``str``, to travel with the other paths) that carries one more text, kept on its way to
    a worker process and back."""

    tag: str

    def __new__(cls, text: str, tag: str) -> Self:
        self = super().__new__(cls, text)
        self.tag = tag
        return self

    def __reduce__(self) -> tuple[type[_Tagged], tuple[str, str]]:
        return (type(self), (str(self), self.tag))


class Skipped(_Tagged):
    """A path found in a walked folder that is not read: reported as could-not-check, with ``reason`` (a
    message key), so that the run is known to be incomplete."""

    @property
    def reason(self) -> str:
        return self.tag


class Named(_Tagged):
    """A file checked under another name (a profile read from standard input, saved to a temporary file):
    the ``str`` is the name every report shows, ``path`` the file read."""

    @property
    def path(self) -> str:
        return self.tag


def _has_profile(folder: str) -> bool:
    # lexists, not isfile: a profile.yaml that is a folder or a link out makes a dossier the check reports
    return any(os.path.lexists(os.path.join(folder, n)) for n in PROFILE_NAMES)


def _excluded(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def discover(paths: Iterable[str | os.PathLike[str]], exclude: Iterable[str] = ()) -> Iterator[str]:
    """What to check under ``paths``: files as given, folders walked. Yields paths as text, in order."""
    patterns = tuple(p.rstrip("/") for p in exclude)
    empty: list[str] = []  # given folders with nothing to check, said once anything else is found
    found_any = False
    for given in paths:
        text = os.fspath(given)
        if isinstance(given, Named):
            # read from standard input: a file, whatever its name; a spreadsheet's rows, if it is one
            kind = kind_of(given.path)
            found: Iterator[str] = read_rows(given.path, str(given), kind) if kind else iter((given,))
        elif os.path.isdir(text) and not _has_profile(text):
            found = _walk(text, patterns)
        elif kind := kind_of(text):
            found = read_rows(text, text, kind)  # a spreadsheet given by name: its rows, each an IKM
        else:
            found = iter((text,))  # a file, a dossier, or something that is not there: check_file says
        first = next(found, None)
        if first is None:
            empty.append(text)
            if found_any:
                yield from empty
                empty.clear()
            continue
        found_any = True
        yield from empty
        empty.clear()
        yield first
        yield from found


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
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if entry.is_symlink():
                target = os.path.realpath(path)
                if os.path.commonpath([real_root, target]) != real_root:
                    # Never followed out of the root, but said: the run did not check what it points to.
                    if is_dir or name.endswith(SUFFIXES):
                        files.append(Skipped(path, "link_outside_folder"))
                    continue
            if is_dir:
                if name == CRITERIA_FOLDER:
                    continue  # criteria files (--criteria), not profiles: never checked as dossiers
                if _has_profile(path):
                    files.append(path)  # a dossier: checked whole, not searched further
                else:
                    folders.append(path)
            elif name.endswith(SUFFIXES):
                files.append(path)
        # Files and dossiers of this folder in name order, then its sub-folders in name order.
        yield from sorted(files)
        stack.extend(sorted(folders, reverse=True))

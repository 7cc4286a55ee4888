"""YAML mistakes in plain words (issue 13, part 3), through the real command, in both languages: located
file:line:col, the line shown with a caret under the column, never libyaml's own English."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_cli

START = "schema_version: 1\nbusiness:\n  name: X\n"
# name -> (bytes of the file, line, column, Indonesian words, English words)
CASES: dict[str, tuple[bytes, int, int, str, str]] = {
    "tab": ((START + "size:\n\tworkforce: 9\n").encode(), 5, 1, "diawali karakter tab", "indented with a tab"),
    "indent": (
        (START + '  nib: "0120304050607"\n   owner: Y\n').encode(),
        5,
        4,
        "tidak sejajar",
        "not indented like",
    ),
    "outdent": ((START + " owner: Y\n").encode(), 4, 2, "tidak sejajar", "not indented like"),
    "colon": (
        b"schema_version: 1\nbusiness:\n  name: UD Dodol: Nanas Subang\n",
        3,
        17,
        "apit nilainya",
        "put it in quotes",
    ),
    "quote": (b'schema_version: 1\nbusiness:\n  name: "UD Dodol\n  owner: Y\n', 3, 9, "tidak ditutup", "never closed"),
    "control": ((START + "  owner: A\x07B\n").encode(), 4, 11, "U+0007", "U+0007"),
    "utf16": (START.encode("utf-16-le"), 0, 0, "UTF-16 tanpa penanda BOM", "UTF-16 without a byte-order mark"),
    "xlsx": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", 0, 0, "spreadsheet", "spreadsheet"),
}
LIBYAML_WORDS = ("while scanning", "mapping values", "block mapping", "unacceptable character", "position ")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_yaml_mistake_is_said_in_plain_words(tmp_path: Path, name: str, lang: str) -> None:
    content, line, column, words_id, words_en = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    proc = run_cli(str(path), "--lang", lang)
    assert proc.returncode == 2
    first, *rest = proc.stderr.splitlines()
    where = f"{path}:{line}:{column}: " if line else f"{path}: "
    assert first.startswith(where), first
    assert (words_id if lang == "id" else words_en) in first
    assert not any(word in proc.stderr for word in LIBYAML_WORDS), proc.stderr
    if line:  # the line as written, and a caret under the column
        assert rest[1] == "    " + " " * (column - 1) + "^", proc.stderr


def test_an_empty_file_points_to_init(tmp_path: Path) -> None:
    path = tmp_path / "kosong.yaml"
    path.write_text("", encoding="utf-8")
    proc = run_cli(str(path))
    assert proc.returncode == 2 and "ovopcheck init" in proc.stderr and "schema" not in proc.stderr

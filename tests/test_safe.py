"""The terminal-safety boundary (issue 16, class 5): one table of what is unsafe, held to unicodedata over
every code point, and applied to every human-readable format."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from ovopcheck.report.safe import safe, safe_line

from .conftest import run_cli

UNSAFE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def test_the_table_is_unicodes_every_invisible_and_control_character() -> None:
    wrong = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if (unicodedata.category(chr(code)) in UNSAFE_CATEGORIES and chr(code) not in "\t\n")
        != (safe(chr(code)) != chr(code))
    ]
    assert wrong == [], f"unicodedata {unicodedata.unidata_version}: regenerate the table in report/safe.py"


def test_what_is_escaped_reads_as_its_code_and_text_stays_text() -> None:
    assert safe("a\x1b[31mb") == "a\\u001b[31mb"
    assert safe("\U000e0041") == "\\U000e0041"  # a tag character
    assert safe("Kopi\u00adLuwak") == "Kopi\\u00adLuwak"  # a soft hyphen hides nothing either
    assert safe("Batik Tulis — Rp 1.000.000 ✔ ñ 漢") == "Batik Tulis — Rp 1.000.000 ✔ ñ 漢"
    assert safe_line("a\tb\nc") == "a\\tb\\nc"


# YAML escapes (the file is plain text; libyaml decodes them into the value): soft hyphen, Mongolian
# vowel separator, zero-width space, RLO, LRI, BOM, a tag character, a musical format character, and an
# OSC 52 clipboard write (ESC ... BEL).
INVISIBLE = r"\u00ad\u180e\u200b\u202e\u2066\ufeff\U000e0041\U0001d173\e]52;c;SGVsbG8=\a"


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "github", "junit", "csv"])
def test_no_invisible_character_reaches_a_reader(tmp_path: Path, fmt: str) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(f'schema_version: 1\nbusiness: {{name: "IKM{INVISIBLE}X"}}\n', encoding="utf-8")
    proc = run_cli(str(profile), "-f", fmt, "--lang", "en")
    shown = proc.stdout + proc.stderr
    assert "IKM" in shown and "X" in shown
    leaked = [hex(ord(c)) for c in shown if unicodedata.category(c) in UNSAFE_CATEGORIES and c not in "\t\n\r"]
    assert leaked == []

"""The terminal-safety boundary (issue 16, class 5): one table of what is unsafe, held to unicodedata over
every code point, and applied to every human-readable format."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from ovopcheck.report.safe import safe, safe_line

from .conftest import read_report, run_cli

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


def test_criteria_texts_pass_the_same_boundary_in_every_format(tmp_path: Path) -> None:
    # Criteria files are untrusted too (issue 16, class 4): a title, a regime and a set title holding
    # terminal escapes, an OSC 52 clipboard write, RLO and a zero-width space reach no reader.
    from ovopcheck.report.formats import FORMATS

    from .conftest import ROOT

    hostile = r'"Evil\e[2J\e]52;c;SGVsbG8=\a\u202e\u200bX"'
    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    for line in (
        "      id: Komoditi termasuk lima kelompok OVOP",
        "      en: Commodity is one of the five OVOP groups",
        "    id: Penghargaan OVOP (One Village One Product) Kementerian Perindustrian",
        "    en: Permenperin 14 Tahun 2021 (development of IKM in Sentra IKM through One Village One Product)",
    ):
        assert line in text
        text = text.replace(line, line.split(":")[0] + ": " + hostile)
    criteria = tmp_path / "ovop-2021.yaml"
    criteria.write_text(text, encoding="utf-8")
    outputs = [f"{fmt}:{tmp_path / fmt}" for fmt in FORMATS if fmt != "text"]
    proc = run_cli(
        "examples/food-no-halal.yaml", "--criteria", str(criteria), "--as-of", "2026-11-28", "--lang", "en", "-v",
        *(a for o in outputs for a in ("-o", o)),
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    shown = {"text": proc.stdout + proc.stderr}
    shown |= {fmt: read_report(fmt, tmp_path / fmt) for fmt in FORMATS if fmt != "text"}
    for fmt, output in shown.items():
        assert "Evil" in output or fmt not in ("text", "html", "json", "sarif", "markdown"), fmt
        leaked = [hex(ord(c)) for c in output if unicodedata.category(c) in UNSAFE_CATEGORIES and c not in "\t\n\r"]
        assert leaked == [], fmt
    for command in (["explain", "ovop.commodity-group"], ["criteria", "show", "ovop-2021"], ["criteria", "list"]):
        out = run_cli(*command, "--criteria", str(criteria))
        assert not [c for c in out.stdout if unicodedata.category(c) in UNSAFE_CATEGORIES and c not in "\t\n\r"]

"""No integer is rounded through a float in any message of any format (issue 16, class 9)."""

from __future__ import annotations

import json
from pathlib import Path

from ovopcheck.report.formats import FORMATS

from .conftest import read_report, run_cli

BIG = 2**53 + 1  # 9007199254740993: the first integer a float cannot hold


def test_figures_above_2_53_are_shown_exactly_everywhere(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "schema_version: 1\nbusiness: {name: X}\nsize:\n  workforce: 5\n  investment_idr: Rp 9.007.199.254.740.993\n",
        encoding="utf-8",
    )
    outputs = [f"{fmt}:{tmp_path / fmt}" for fmt in FORMATS if fmt != "text"]
    proc = run_cli(str(profile), "-v", "--lang", "en", "--width", "300", *(a for o in outputs for a in ("-o", o)))
    assert proc.returncode == 1, proc.stderr
    assert "read as Rp 9,007,199,254,740,993" in proc.stdout
    record = json.loads((tmp_path / "json").read_text(encoding="utf-8"))
    assert record["files"][0]["readings"][0]["read_as"] == BIG
    for fmt in FORMATS:
        if fmt != "text":
            assert "9007199254740992" not in read_report(fmt, tmp_path / fmt).replace(",", ""), fmt


def test_an_amount_in_words_is_worked_out_exactly(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("schema_version: 1\nsize:\n  investment_idr: 9007199,254740993 triliun\n", encoding="utf-8")
    proc = run_cli(str(profile), "--lang", "en")
    assert proc.returncode == 2 and "write the figure alone, without dots: 9007199254740993000" in proc.stderr

"""Values as officers write them (issue 13, part 2), through the real command, in both languages.

Each case is examples/food-no-halal.yaml with one line changed. What can be read without doubt is read:
the check goes on, and the JSON decision record keeps the text as written beside the value read. What is
ambiguous or impossible is refused, located, with the exact text to write.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import AS_OF, EXAMPLES, run_cli

BASE = (EXAMPLES / "food-no-halal.yaml").read_text(encoding="utf-8")

# (name, the line as written in the example, the line as an officer writes it, field, value read)
READ = [
    ("rp-dots", "investment_idr: 320000000", "investment_idr: 320.000.000", "size.investment_idr", 320000000),
    ("rp-prefix", "investment_idr: 320000000", "investment_idr: Rp 320.000.000", "size.investment_idr", 320000000),
    ("rp-dash", "investment_idr: 320000000", "investment_idr: Rp320.000.000,-", "size.investment_idr", 320000000),
    ("rp-spaces", "investment_idr: 320000000", "investment_idr: 320 000 000", "size.investment_idr", 320000000),
    ("quoted-count", "workforce: 9", 'workforce: "9"', "size.workforce", 9),
    ("ya", "held: false", "held: ya", "food_permits.halal_certificate.held", True),
    ("tidak-upper", "held: false", "held: TIDAK", "food_permits.halal_certificate.held", False),
    ("yes", "held: false", "held: Yes", "food_permits.halal_certificate.held", True),
    ("no", "held: false", "held: no", "food_permits.halal_certificate.held", False),
    ("ada", "held: false", "held: ada", "food_permits.halal_certificate.held", True),
    ("tidak-ada", "held: false", "held: Tidak Ada", "food_permits.halal_certificate.held", False),
    ("percent", "share_percent: 70}", "share_percent: 70%}", "product.raw_materials[0].share_percent", 70),
    ("percent-space", "share_percent: 70}", "share_percent: 70 %}", "product.raw_materials[0].share_percent", 70),
    ("date-dashes", "letter_date: 2026-04-14", "letter_date: 14-04-2026", "proposal.letter_date", "2026-04-14"),
    ("date-slashes", "letter_date: 2026-04-14", "letter_date: 14/04/2026", "proposal.letter_date", "2026-04-14"),
    ("date-month", "letter_date: 2026-04-14", "letter_date: 14 April 2026", "proposal.letter_date", "2026-04-14"),
    ("date-agt", "date: 2020-08-17", "date: 17 Agt 2020", "sentra.decree.date", "2020-08-17"),
    ("date-agustus", "date: 2020-08-17", "date: 17 Agustus 2020", "sentra.decree.date", "2020-08-17"),
    ("nib-spaces", 'nib: "9120011223344"', "nib: 9120 0112 2334 4", "business.nib", "9120011223344"),
    ("nib-dots", 'nib: "9120011223344"', "nib: 9120.0112.2334.4", "business.nib", "9120011223344"),
    ("nib-zero", 'nib: "9120011223344"', "nib: 0120 0112 2334 4", "business.nib", "0120011223344"),
    ("choice-words", "commodity_group: makanan_minuman", "commodity_group: Makanan dan Minuman",
     "product.commodity_group", "makanan_minuman"),
    ("choice-case", "legal_form: ud", "legal_form: UD", "business.legal_form", "ud"),
]  # fmt: skip

# (name, original line, written line, field, message code, text the Indonesian message holds, English)
REFUSED = [
    ("words-m", "investment_idr: 320000000", "investment_idr: 1,5 M", "size.investment_idr",
     "form_amount_words", "1500000000", "1500000000"),
    ("words-juta", "investment_idr: 320000000", "investment_idr: 500 juta", "size.investment_idr",
     "form_amount_words", "500000000", "500000000"),
    ("words-miliar", "investment_idr: 320000000", "investment_idr: 1,5 miliar", "size.investment_idr",
     "form_amount_words", "1500000000", "1500000000"),
    ("in-words", "workforce: 9", "workforce: sembilan", "size.workforce", "form_integer", "bilangan bulat",
     "whole number"),
    ("ambiguous-comma", "workforce: 9", "workforce: 1,500", "size.workforce", "form_integer", "1500", "1500"),
    ("maybe", "held: false", "held: mungkin", "food_permits.halal_certificate.held", "form_boolean",
     "ya atau tidak", "ya (yes) or tidak (no)"),
    ("impossible", "letter_date: 2026-04-14", "letter_date: 31-02-2026", "proposal.letter_date",
     "form_date_impossible", "tidak ada di kalender", "not in the calendar"),
    ("month-first", "letter_date: 2026-04-14", "letter_date: 04/14/2026", "proposal.letter_date",
     "form_date_month_first", "2026-04-14", "2026-04-14"),
    ("short-year", "letter_date: 2026-04-14", "letter_date: 14-04-26", "proposal.letter_date",
     "form_date_short_year", "2026-04-14", "2026-04-14"),
    ("iso-impossible", "letter_date: 2026-04-14", "letter_date: 2026-02-30", "proposal.letter_date",
     "form_date_impossible", "TTTT-BB-HH", "YYYY-MM-DD"),
    ("nib-short", 'nib: "9120011223344"', "nib: 9120 0112 2334", "business.nib", "form_digits",
     "berisi 12 angka; harus tepat 13 angka", "holds 12 digits; it must be exactly 13 digits"),
    ("choice-unknown", "legal_form: ud", "legal_form: yayasan", "business.legal_form", "form_choice",
     "perorangan, ud (UD), cv (CV), pt (PT), koperasi", "perorangan (sole proprietor), ud (UD), cv (CV)"),
]  # fmt: skip


def _write(folder: Path, name: str, original: str, written: str) -> Path:
    assert original in BASE, original
    path = folder / f"{name}.yaml"
    path.write_text(BASE.replace(original, written, 1), encoding="utf-8")
    return path


def _records(folder: Path, paths: list[Path], lang: str) -> dict[str, dict]:
    proc = run_cli(*map(str, paths), "-f", "json", "--lang", lang, "--as-of", AS_OF.isoformat(), "-j", "1")
    assert "Traceback" not in proc.stderr
    return {Path(f["path"]).stem: f for f in json.loads(proc.stdout)["files"]}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("forms")
    for name, original, written, *_ in READ + REFUSED:
        _write(folder, name, original, written)
    return folder


@pytest.mark.parametrize("lang", ["id", "en"])
def test_what_officers_write_is_read_and_kept_as_written(folder: Path, lang: str) -> None:
    records = _records(folder, [folder / f"{case[0]}.yaml" for case in READ], lang)
    for name, _, written, field, value in READ:
        record = records[name]
        assert record["verdict"] != "invalid", (name, record["problems"])
        reading = next(r for r in record["readings"] if r["field"] == field)
        assert reading["read_as"] == value, name
        assert reading["written"] == written.split(": ", 1)[1].rstrip("}").strip('"'), name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_what_cannot_be_read_safely_is_refused_with_what_to_write(folder: Path, lang: str) -> None:
    records = _records(folder, [folder / f"{case[0]}.yaml" for case in REFUSED], lang)
    for name, _, _, field, code, text_id, text_en in REFUSED:
        record = records[name]
        assert record["verdict"] == "invalid", name
        problem = next(p for p in record["problems"] if p["field"] == field)
        assert problem["code"] == code, (name, problem)
        assert (text_id if lang == "id" else text_en) in problem["message"], (name, problem["message"])
        assert problem["line"] > 0 and problem["column"] > 0
        assert [p["field"] for p in record["problems"]].count(field) == 1, f"{name}: one error per mistake"
        assert not re.search(r"\^\[|\{\d|\$'", problem["message"]), f"{name}: no regex in the message"


def test_a_canonical_profile_has_no_readings() -> None:
    proc = run_cli(str(EXAMPLES / "food-no-halal.yaml"), "-f", "json", "--as-of", AS_OF.isoformat())
    assert json.loads(proc.stdout)["files"][0]["readings"] == []


def test_the_report_says_how_a_value_was_read(folder: Path) -> None:
    path = folder / "rp-dash.yaml"
    quiet = run_cli(str(path), "--as-of", AS_OF.isoformat(), "--width", "200")
    assert "1 nilai ditulis dengan cara lain dan dibaca ulang" in quiet.stdout
    verbose = run_cli(str(path), "--as-of", AS_OF.isoformat(), "-v", "--width", "200")
    assert "size.investment_idr (baris 18): 'Rp320.000.000,-' dibaca sebagai Rp 320.000.000" in verbose.stdout
    english = run_cli(str(path), "--as-of", AS_OF.isoformat(), "-v", "--lang", "en", "--width", "200")
    assert "size.investment_idr (line 18): 'Rp320.000.000,-' read as Rp 320,000,000" in english.stdout

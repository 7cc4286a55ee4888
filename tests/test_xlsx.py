"""``-o xlsx:hasil.xlsx`` (issue 15, part 4), read back by real readers: openpyxl (every sheet and cell
type) and LibreOffice Calc (Debian's headless package, which .ci/run installs: under CI its absence
fails, elsewhere the test skips with the reason)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .conftest import AS_OF, EXAMPLES, libreoffice_sheets, run_cli

DATE = ["--as-of", AS_OF.isoformat()]
INPUTS = ["examples/batik-eligible.yaml", "examples/food-no-halal.yaml", "examples/invalid/workforce-in-words.yaml"]


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    (tmp_path / "=SUM(A1).yaml").write_text(
        (EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8").replace("Batik Tulis Sekar Jagad", "=1+1"),
        encoding="utf-8",
    )
    target = tmp_path / "hasil.xlsx"
    proc = run_cli(*INPUTS, str(tmp_path / "=SUM(A1).yaml"), "-q", "-o", str(target), "--as-of", AS_OF.isoformat())
    assert proc.returncode == 2, proc.stderr  # the invalid example
    return target


def test_openpyxl_reads_every_sheet_with_its_types(workbook: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Ringkasan", "IKM", "Temuan"]  # the summary first, in the report language
    from ovopcheck.report.formats.csvikm import COLUMNS

    ikm = book["IKM"]
    assert [c.value for c in ikm[1]][:3] == ["berkas", "nama IKM", "NIB"]  # headers people read
    rows = [dict(zip(COLUMNS, (c for c in row), strict=True)) for row in ikm.iter_rows(min_row=2)]
    assert [r["file"].value for r in rows][:3] == INPUTS
    batik = rows[0]
    assert (batik["nib"].value, batik["nib"].data_type) == ("0120304050607", "s")  # text, leading zero kept
    assert (batik["gaps"].value, batik["gaps"].data_type) == (0, "n")  # a count is a number
    assert batik["readiness_points"].value == 16
    assert rows[1]["blocking_gaps"].value == "Sertifikat halal"
    assert rows[2]["problems"].value.startswith("examples/invalid/workforce-in-words.yaml:")
    formula = rows[3]["name"]
    assert (formula.value, formula.data_type) == ("=1+1", "s")  # never run as a formula
    summary = [[c for c in row if c is not None] for row in book["Ringkasan"].iter_rows(values_only=True)]
    assert summary[0] == ["Ringkasan 4 berkas"] and summary[2] == [2, 1, 0, 1, 4]
    assert ["Sertifikat halal", 1] in summary  # most frequent gaps, by title
    findings = list(book["Temuan"].iter_rows(min_row=2, values_only=True))
    assert ("examples/food-no-halal.yaml", "ovop.food-halal", "KURANG") in {(r[0], r[2], r[5]) for r in findings}
    assert {r[5] for r in findings} <= {"KURANG", "BELUM DIKETAHUI", "SARAN"}  # only what needs attention


def test_libreoffice_opens_and_converts_every_sheet(workbook: Path, tmp_path: Path) -> None:
    out = libreoffice_sheets(workbook, tmp_path)
    ikm = list(csv.DictReader(io.StringIO((out / "hasil-IKM.csv").read_text(encoding="utf-8"))))
    assert ikm[0]["NIB"] == "0120304050607" and ikm[1]["kesimpulan"].startswith("BELUM LAYAK")
    assert (out / "hasil-Ringkasan.csv").read_text(encoding="utf-8").startswith("Ringkasan 4 berkas")
    assert (out / "hasil-Temuan.csv").is_file()


def test_xlsx_is_written_to_a_file_never_to_the_screen() -> None:
    proc = run_cli("examples/batik-eligible.yaml", "-f", "xlsx", "--lang", "en")
    assert proc.returncode == 2 and "-o xlsx:result.xlsx" in proc.stderr and proc.stdout == ""


def test_an_empty_run_still_leaves_a_workbook_saying_why(tmp_path: Path) -> None:
    import openpyxl

    (tmp_path / "kosong").mkdir()
    target = tmp_path / "hasil.xlsx"
    assert run_cli(str(tmp_path / "kosong"), "-o", f"xlsx:{target}", "--lang", "en").returncode == 2
    (sheet,) = openpyxl.load_workbook(target).worksheets
    assert "nothing" in str(sheet["A1"].value).lower() or "no " in str(sheet["A1"].value).lower()


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_python_csv_reads_the_one_row_per_ikm_table_with_either_delimiter(tmp_path: Path, delimiter: str) -> None:
    target = tmp_path / "hasil.csv"
    proc = run_cli(
        *INPUTS, "-q", "-o", f"csv:{target}", "--delimiter", delimiter, "--bom", "--as-of", AS_OF.isoformat()
    )
    assert proc.returncode == 2, proc.stderr
    text = target.read_text(encoding="utf-8-sig")  # the byte-order mark for Excel
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    assert [r["nib"] for r in rows][:2] == ["0120304050607", "9120011223344"]
    assert rows[1]["blocking_gaps"] == "Sertifikat halal" and rows[2]["verdict"] == "invalid"

"""Spreadsheets in (issue 15, parts 1-3): a sheet of IKM checked row by row like profiles, a template to
fill, and conversion both ways that loses nothing. Outcomes are compared with the same IKM written as YAML
profiles, through the real command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import AS_OF, EXAMPLES, ROOT, libreoffice_sheets, run_cli

DATE = ["--as-of", AS_OF.isoformat()]
OVOP_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.yaml"))  # the loose OVOP profiles, mixed outcomes
EVERY_EXAMPLE = sorted(
    p for p in EXAMPLES.rglob("*.yaml") if "criteria" not in p.parts and "invalid" not in p.parts
)  # fmt: skip


def outcomes(*args: str) -> list[tuple[str, dict[str, str]]]:
    """(verdict, {criterion: status}) of every file or row a check reports, in order, from its JSON."""
    proc = run_cli(*args, "-f", "json", *DATE)
    assert proc.returncode in (0, 1, 2), proc.stderr
    report = json.loads(proc.stdout)
    found = []
    for entry in report["files"]:
        best = entry["evaluations"][0] if entry["evaluations"] else {"findings": []}
        found.append((entry["verdict"], {f["criterion"]: f["status"] for f in best["findings"]}))
    return found


def write_book(path: Path, rows: list[list[Any]], sheet: str = "Data", above: list[list[Any]] = ()) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in [*above, *rows]:
        ws.append(row)
    book.save(path)
    return path


# ---------------------------------------------------------------- part 1: a sheet checked like profiles


@pytest.mark.parametrize(("target", "lang"), [("rekap.xlsx", "id"), ("rekap.csv", "id"), ("rekap.csv", "en")])
def test_a_sheet_gives_the_results_of_its_yaml_profiles(tmp_path: Path, target: str, lang: str) -> None:
    sheet = tmp_path / target
    proc = run_cli("convert", *map(str, OVOP_EXAMPLES), "--to", str(sheet), "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    if target.endswith(".csv"):  # Indonesian: ';' (Excel's separator there); English: ','; a BOM for Excel
        text = sheet.read_bytes()
        assert text.startswith(b"\xef\xbb\xbf")
        delimiter = ";" if lang == "id" else ","
        header = next(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=delimiter))
        assert ("Nama usaha" if lang == "id" else "Business name") in header
    assert outcomes(str(sheet)) == outcomes(*map(str, OVOP_EXAMPLES))


def test_csv_without_bom_and_with_either_delimiter(tmp_path: Path) -> None:
    rows = [["Nama usaha", "NIB", "Tenaga kerja", "Kelompok komoditas"], ["UD A", "0120304050607", "12", "kain_batik"]]
    results = []
    for delimiter in (",", ";"):
        path = tmp_path / f"rekap{len(results)}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(rows)
        proc = run_cli(str(path), "-f", "json", *DATE)
        entry = json.loads(proc.stdout)["files"][0]
        results.append((entry["subject"]["nib"], entry["subject"]["name"], entry["verdict"]))
    assert results[0] == results[1] == ("0120304050607", "UD A", "incomplete")


def test_officer_forms_title_rows_a_running_number_and_empty_rows(tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "rekap.xlsx",
        above=[["REKAP IKM KABUPATEN BANTUL 2026"], []],
        rows=[
            ["No", "Nama usaha", "NIB", "KBLI", "Tenaga kerja", "Nilai investasi (Rp)", "Tanggal SK sentra",
             "Sentra ditetapkan dengan SK", "Bahan baku"],
            [1, "Batik Sekar", "0120304050607", "13134; 13133", 18, "Rp 850.000.000", dt.datetime(2019, 4, 22),
             "ya", "kain mori | national | Pekalongan | 55\npewarna alam (mahoni\\; indigo) | local | Imogiri | 30"],
            [None] * 9,
            [2, "Batik Lintang", "0120304050608", 13134, 7, 90000000, "22/04/2019", "tidak", None],
        ],
    )  # fmt: skip
    proc = run_cli(str(book), "-f", "json", *DATE)
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["files"]] == [f"{book}:Data!A4", f"{book}:Data!A6"]
    first, second = (f["evaluations"][0]["findings"] for f in report["files"])
    profile_one = report["files"][0]
    assert profile_one["subject"]["nib"] == "0120304050607"
    assert not [r for r in profile_one["readings"] if r["written"] == "ya"]  # the drop-down's own words
    assert any(r["written"] == "Rp 850.000.000" for r in profile_one["readings"])
    by_id = {f["criterion"]: f for f in first}
    assert by_id["ovop.ikm-scale"]["status"] == "met"
    assert {f["criterion"]: f["status"] for f in second}["ovop.sentra-decree"] == "gap"
    assert len(report["files"]) == 2  # the empty row is no IKM


def test_a_bad_cell_is_located_with_its_heading_and_the_business_name(tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "rekap.xlsx",
        [["Nama usaha", "Kabupaten/kota", "NIB", "Tenaga kerja"],
         ["Batik Sekar", "Bantul", 120304050607, 18],  # typed as a number: the leading zero is lost
         ["Dodol Nanas", "Garut", "3123456789012", "dua belas"]],
    )  # fmt: skip
    for lang, column in (("id", "kolom 'NIB'"), ("en", "column 'NIB'")):
        proc = run_cli(str(book), "--lang", lang, *DATE)
        assert proc.returncode == 2
        assert f"{book}:Data!C2 ({column}; Batik Sekar): business.nib: '120304050607'" in proc.stderr
        assert ("format kolomnya sebagai Teks" if lang == "id" else "format the column as Text") in proc.stderr
        assert f"{book}:Data!D3 (" in proc.stderr and "Dodol Nanas): size.workforce" in proc.stderr


def test_an_unknown_heading_stops_its_sheet_and_says_the_nearest(tmp_path: Path) -> None:
    import openpyxl

    path = write_book(tmp_path / "rekap.xlsx", [["Nama usaha", "Kabupatn/kota", "NIB"], ["UD A", "Garut", "x"]])
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("Lain")
    other.append(["Nama usaha", "Tenaga kerja"])
    other.append(["UD B", 3])
    book.save(path)
    proc = run_cli(str(path), "-f", "json", *DATE)
    assert proc.returncode == 2
    files = json.loads(proc.stdout)["files"]
    assert [f["path"] for f in files] == [f"{path}:Data", f"{path}:Lain!A2"]  # the other sheet still checked
    problem = files[0]["problems"][0]
    assert problem["message"].startswith("judul kolom 'Kabupatn/kota' bukan isian profil (maksudnya 'Kabupaten/kota'")
    assert problem["cell"] == f"{path}:Data!B1"
    # the sheet that could not be read is still counted: under itself
    assert json.loads(proc.stdout)["summary"]["by_kabupaten_kota"][f"<{path}:Data"] == {"invalid": 1}


def test_a_spreadsheet_is_told_by_its_content(tmp_path: Path) -> None:
    xlsx = write_book(tmp_path / "rekap", [["Nama usaha", "NIB"], ["UD A", "0120304050607"]])  # no extension
    text = tmp_path / "data.txt"
    text.write_text("Nama usaha;NIB\nUD B;0120304050608\n", encoding="utf-8")
    as_yaml = tmp_path / "salah.yaml"
    as_yaml.write_text("nama,nib,kabupaten_kota\nUD A,0120304050607,Kabupaten Bantul\n", encoding="utf-8")
    proc = run_cli(str(xlsx), str(text), "-f", "json", *DATE)
    assert [f["subject"]["name"] for f in json.loads(proc.stdout)["files"]] == ["UD A", "UD B"]
    proc = run_cli(str(as_yaml), *DATE)
    assert proc.returncode == 2 and f"{as_yaml}:salah!A1: judul kolom 'nama' bukan isian profil" in proc.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "format Excel lama (.xls)"),
        (b"PK\x03\x04 broken", "tidak dapat dibaca"),
    ],
)
def test_a_workbook_that_cannot_be_read_says_what_to_do(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(content)
    proc = run_cli(str(path), *DATE)
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_ods_and_a_zip_archive_are_named(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "rekap.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<x/>")
    proc = run_cli(str(path), *DATE)
    assert proc.returncode == 2 and "OpenDocument" in proc.stderr
    archive = tmp_path / "berkas.zip"
    with zipfile.ZipFile(archive, "w") as package:
        package.write(EXAMPLES / "batik-eligible.yaml", "batik/profile.yaml")
    proc = run_cli(str(archive), *DATE)
    assert proc.returncode == 2 and "arsip zip" in proc.stderr and "ekstrak dulu" in proc.stderr


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ovopcheck.loading import sheet

    path = write_book(tmp_path / "rekap.xlsx", [["Nama usaha", "NIB"], ["UD A", "0120304050607"]])
    monkeypatch.setattr(sheet, "MAX_UNPACKED_BYTES", 1000)  # a real bomb would take the machine's memory
    [item] = list(sheet.read_rows(path))
    assert isinstance(item, sheet.SheetError) and item.problems[0].message_key == "sheet_too_large_unpacked"


def test_rows_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ovopcheck.loading import sheet

    path = tmp_path / "rekap.csv"
    path.write_text("Nama usaha,NIB\n" + "".join(f"UD {i},\n" for i in range(20)), encoding="utf-8")
    monkeypatch.setattr(sheet, "MAX_ROWS", 5)
    items = list(sheet.read_rows(path))
    assert len(items) == 6 and isinstance(items[-1], sheet.SheetError)
    assert items[-1].problems[0].cell == f"{path}:rekap!A7"


def test_a_yaml_check_never_imports_openpyxl() -> None:
    code = (
        "import sys\nfrom ovopcheck.cli import main\n"
        f"sys.argv = ['ovopcheck', {str(EXAMPLES / 'batik-eligible.yaml')!r}, '-q']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_rows_in_worker_processes_agree_with_one_process(tmp_path: Path) -> None:
    rows = [["Nama usaha", "NIB", "Tenaga kerja", "Kelompok komoditas"]]
    rows += [[f"UD {i}", f"{i:013d}", i % 30, "kain_batik" if i % 2 else "gerabah"] for i in range(60)]
    book = write_book(tmp_path / "rekap.xlsx", rows)
    assert outcomes(str(book), "--jobs", "2") == outcomes(str(book), "--jobs", "1")


# ---------------------------------------------------------------- cell forms


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).map(str.strip).filter(bool)


@given(st.lists(TEXT, min_size=1, max_size=6))
def test_a_list_cell_reads_back_as_written(values: list[str]) -> None:
    from ovopcheck.loading.cells import join_list, list_items, unescape

    assert [unescape(item) for item in list_items(join_list(values))] == values


@given(st.lists(st.lists(st.one_of(st.just(""), TEXT), min_size=1, max_size=4).filter(lambda p: any(p)), min_size=1))
def test_an_entries_cell_reads_back_as_written(entries: list[list[str]]) -> None:
    from ovopcheck.loading.cells import entry_parts, join_entries, list_items

    read = [entry_parts(item) for item in list_items(join_entries(entries))]
    trimmed = [parts[: max(i for i, p in enumerate(parts) if p) + 1] for parts in entries]
    assert read == trimmed


def test_columns_have_unique_labels_in_both_languages() -> None:
    from collections import Counter

    from ovopcheck.loading.columns import column_for, columns, heading_key

    for column in columns():
        for heading in (column.label_id, column.label_en, column.path, *column.aliases):
            assert column_for(heading) is column, heading
    keys = Counter(k for c in columns() for k in {heading_key(h) for h in (c.label_id, c.label_en, *c.aliases)})
    assert [k for k, n in keys.items() if n > 1] == []  # no heading could name two fields
    assert column_for("JUMLAH TK").path == "size.workforce" and column_for("Nama IKM").path == "business.name"


# ---------------------------------------------------------------- part 2: the template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "rekap.xlsx"
    proc = run_cli("init", "--spreadsheet", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


def test_the_template_has_validation_a_frozen_header_and_instructions(template: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["IKM", "Petunjuk"]
    ws = book["IKM"]
    headings = [c.value for c in ws[1]]
    assert headings[:3] == ["Nama usaha", "Merek", "Pemilik"] and "Nominee name" not in headings
    assert ws.freeze_panes == "B2"
    nib = headings.index("NIB") + 1
    assert ws.cell(row=2, column=nib).number_format == "@"  # a NIB typed in keeps its leading zero
    rules = {str(v.sqref).split(":")[0][:-1]: v for v in ws.data_validations.dataValidation}
    letter = openpyxl.utils.get_column_letter
    assert rules[letter(headings.index("Bentuk usaha") + 1)].formula1 == '"perorangan,ud,cv,pt,koperasi,firma,lainnya"'
    assert rules[letter(headings.index("Punya NIB") + 1)].formula1 == '"ya,tidak"'
    assert rules[letter(headings.index("Tenaga kerja") + 1)].type == "whole"
    assert rules[letter(headings.index("Tanggal SK sentra") + 1)].type == "date"
    assert ws.column_dimensions["A"].width >= 12
    guide = [row[0] for row in book["Petunjuk"].iter_rows(values_only=True)]
    assert guide[0] == "Petunjuk pengisian rekap IKM untuk ovopcheck" and "Nama usaha" in guide


def test_the_english_template_and_never_overwriting(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "rekap.xlsx"
    assert run_cli("init", "--spreadsheet", str(path), "--lang", "en", "--program", "upakarti").returncode == 0
    headings = [c.value for c in openpyxl.load_workbook(path)["IKM"][1]]
    assert headings[0] == "Nominee name" and "Fostered IKM" in headings
    before = path.read_bytes()
    proc = run_cli("init", "--spreadsheet", str(path))
    assert proc.returncode == 1 and path.read_bytes() == before


def test_a_filled_template_gives_the_results_of_the_yaml_profiles(template: Path, tmp_path: Path) -> None:
    import openpyxl

    from ovopcheck.loading.columns import column_for
    from ovopcheck.loading.profile import load_profile
    from ovopcheck.tools.workbook import cell_value

    book = openpyxl.load_workbook(template)
    ws = book["IKM"]
    columns = [column_for(c.value) for c in ws[1]]
    for row, path in enumerate(OVOP_EXAMPLES, 2):
        data = load_profile(path).data
        for index, column in enumerate(columns, 1):
            value = cell_value(column, data)
            if value is not None:
                ws.cell(row=row, column=index, value=value)
    filled = tmp_path / "terisi.xlsx"
    book.save(filled)
    assert outcomes(str(filled)) == outcomes(*map(str, OVOP_EXAMPLES))


def test_libreoffice_opens_the_template_and_a_converted_workbook(template: Path, tmp_path: Path) -> None:
    out = libreoffice_sheets(template, tmp_path)
    assert (out / "rekap-IKM.csv").read_text(encoding="utf-8").startswith("Nama usaha,Merek,Pemilik")
    assert "Petunjuk pengisian" in (out / "rekap-Petunjuk.csv").read_text(encoding="utf-8")
    converted = tmp_path / "konversi.xlsx"
    assert run_cli("convert", *map(str, OVOP_EXAMPLES), "--to", str(converted)).returncode == 0
    rows = list(csv.DictReader(io.StringIO((libreoffice_sheets(converted, tmp_path) / "konversi-IKM.csv").read_text(
        encoding="utf-8"))))  # fmt: skip
    assert rows[1]["NIB"] == "0120304050607" and rows[1]["Nama usaha"] == "Batik Tulis Sekar Jagad"


# ---------------------------------------------------------------- part 3: convert both ways


@pytest.mark.parametrize("book", ["rekap.xlsx", "rekap.csv"])
def test_every_example_survives_the_round_trip(tmp_path: Path, book: str) -> None:
    from ovopcheck.loading.profile import load_profile

    sheet = tmp_path / book
    assert run_cli("convert", *map(str, EVERY_EXAMPLE), "--to", str(sheet)).returncode == 0
    proc = run_cli("convert", str(sheet), "--to", str(tmp_path / "berkas"))
    assert proc.returncode == 0, proc.stderr
    made = [Path(line.split(": ", 1)[1]) for line in proc.stdout.splitlines()]
    assert len(made) == len(EVERY_EXAMPLE)
    for original, converted in zip(EVERY_EXAMPLE, made, strict=True):
        assert load_profile(converted).data == load_profile(original).data, original
    # and back again: the dossiers gather into a workbook that holds the same IKM
    from ovopcheck.tools.convert import read_inputs

    again = tmp_path / "lagi.xlsx"
    assert run_cli("convert", str(tmp_path / "berkas"), "--to", str(again)).returncode == 0
    gathered = sorted(json.dumps(r.data, sort_keys=True) for r in read_inputs([str(again)]))
    assert gathered == sorted(json.dumps(load_profile(p).data, sort_keys=True) for p in EVERY_EXAMPLE)


def test_convert_never_writes_over_anything(tmp_path: Path) -> None:
    sheet = tmp_path / "rekap.xlsx"
    sheet.write_bytes(b"kept")
    proc = run_cli("convert", str(EXAMPLES / "batik-eligible.yaml"), "--to", str(sheet))
    assert proc.returncode == 2 and sheet.read_bytes() == b"kept" and "tidak akan ditimpa" in proc.stderr
    target = tmp_path / "berkas"
    (target / "batik-tulis-sekar-jagad").mkdir(parents=True)
    (target / "batik-tulis-sekar-jagad" / "profile.yaml").write_text("# mine\n", encoding="utf-8")
    proc = run_cli("convert", str(EXAMPLES / "batik-eligible.yaml"), "--to", str(target))
    assert proc.returncode == 0
    assert (target / "batik-tulis-sekar-jagad" / "profile.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert (target / "batik-tulis-sekar-jagad-2" / "profile.yaml").is_file()


def test_convert_reports_what_it_cannot_read_and_converts_the_rest(tmp_path: Path) -> None:
    sheet = tmp_path / "rekap.xlsx"
    inputs = [str(EXAMPLES / "batik-eligible.yaml"), str(EXAMPLES / "invalid" / "workforce-in-words.yaml")]
    proc = run_cli("convert", *inputs, "--to", str(sheet))
    assert proc.returncode == 2 and "workforce-in-words.yaml:8:3: size.workforce" in proc.stderr
    assert "(1 IKM)" in proc.stdout and sheet.is_file()


def test_what_to_fill_in_names_the_cell_or_the_column_to_add(tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "rekap.xlsx",
        [["Nama usaha", "Kelompok komoditas", "Tenaga kerja", "Nomor SK sentra"], ["UD A", "kain_batik", 5, None]],
    )
    proc = run_cli(str(book), "--width", "300", *DATE)
    assert "(sentra.decree.number, sel D2)" in proc.stdout  # its column is there, its cell empty
    assert "(sentra.business_units, baris 2; tambahkan kolom 'Jumlah unit usaha sentra')" in proc.stdout
    english = run_cli(str(book), "--lang", "en", "-f", "json", *DATE)
    entry = json.loads(english.stdout)["files"][0]
    assert entry["kind"] == "row" and entry["profile_path"] == str(book)


# ---------------------------------------------------------------- property: a row holds what a profile holds

FREE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40).filter(
    lambda t: t == t.strip() and t not in ("~", "null", "Null", "NULL")
)


# Free-text fields (no pattern, choice, date, nor a pattern imposed by another field): any text must survive.
FREE_TEXT_FIELDS = {
    ("business", "name"), ("business", "owner"), ("business", "brand"), ("business", "address", "street"),
    ("business", "address", "desa"), ("business", "address", "kecamatan"), ("sentra", "name"),
    ("sentra", "penghela_evidence"), ("product", "name"), ("product", "uniqueness"), ("product", "description"),
    ("product", "regional_flagship", "evidence"), ("product", "quality_control", "evidence"), ("notes",),
    ("proposal", "proposer"), ("market", "domestic", "description"), ("nominee", "name"), ("nominee", "programme"),
}  # fmt: skip


def _free_text_paths(data: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for key, value in data.items():
        path = (*prefix, key)
        if isinstance(value, dict):
            found += _free_text_paths(value, path)
        elif isinstance(value, str) and path in FREE_TEXT_FIELDS:
            found.append(path)
    return found


@given(st.sampled_from(EVERY_EXAMPLE), st.data())
def test_any_profile_survives_a_row(example: Path, draw: st.DataObject) -> None:
    import copy

    from ovopcheck.loading.cells import cell_text
    from ovopcheck.loading.columns import columns
    from ovopcheck.loading.profile import load_profile
    from ovopcheck.loading.row import load_row
    from ovopcheck.loading.sheet import Layout, SheetRow
    from ovopcheck.tools.workbook import cell_value

    data = copy.deepcopy(dict(load_profile(example).data))
    for path in _free_text_paths(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = draw.draw(FREE_TEXT)
    chosen = [c for c in columns() if cell_value(c, data) is not None]
    layout = Layout("rekap.xlsx", "IKM", tuple((i, c.label_id, c.path) for i, c in enumerate(chosen, 1)))
    cells = tuple((i, text) for i, c in enumerate(chosen, 1) if (text := cell_text(cell_value(c, data))))
    assert load_row(SheetRow(layout, 2, cells)).data == data


def test_usage_mistakes_of_init_and_convert_are_said(tmp_path: Path) -> None:
    proc = run_cli("init")
    assert proc.returncode == 2 and "--spreadsheet rekap.xlsx" in proc.stderr
    proc = run_cli("init", "--spreadsheet", str(tmp_path / "rekap.csv"))
    assert proc.returncode == 2 and "akhiri namanya dengan .xlsx" in proc.stderr
    assert not (tmp_path / "rekap.csv").exists()
    a_file = tmp_path / "catatan.txt"
    a_file.write_text("x", encoding="utf-8")
    proc = run_cli("convert", str(EXAMPLES / "batik-eligible.yaml"), "--to", str(a_file), "--lang", "en")
    assert proc.returncode == 2 and "is a file, not a folder" in proc.stderr and a_file.read_text() == "x"
    proc = run_cli("convert", str(EXAMPLES / "invalid"), "--to", str(tmp_path / "kosong.xlsx"), "--lang", "en")
    assert proc.returncode == 2 and "no IKM could be converted" in proc.stderr
    assert not (tmp_path / "kosong.xlsx").exists()


# ---------------------------------------------------------------- property: any CSV is rows or located errors

CELL = st.one_of(
    st.sampled_from(["", "ya", "tidak", "0120304050607", "Rp 1.500.000", "17/08/2024", "a | b | 5", "x; y", "=1+1"]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
)
HEADINGS = ["Nama usaha", "NIB", "Tenaga kerja", "Bahan baku", "KBLI", "Tanggal SK sentra", "Kabupaten/kota", "No"]


@given(
    st.lists(st.sampled_from(HEADINGS), min_size=2, max_size=6, unique=True),
    st.lists(st.lists(CELL, min_size=0, max_size=7), max_size=6),
    st.sampled_from([",", ";"]),
)
def test_any_csv_gives_rows_or_located_errors_never_an_exception(
    headings: list[str], rows: list[list[str]], delimiter: str
) -> None:
    import tempfile

    from ovopcheck import load_programme
    from ovopcheck.checker import check_row
    from ovopcheck.loading.sheet import SheetError, SheetRow, read_rows

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rekap.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows([headings, *rows])
        items = list(read_rows(path))
    cset = load_programme("ovop")
    for item in items:
        assert isinstance(item, SheetRow | SheetError)
        if isinstance(item, SheetError):
            assert item.problems
            continue
        result = check_row(item, cset, AS_OF)  # never raises: a result, or located problems
        assert result.checked or all(p.cell.startswith(f"{path}:rekap!") for p in result.problems)


def test_an_offices_own_headings_are_understood(tmp_path: Path) -> None:
    sheet = tmp_path / "rekap-lama.csv"
    sheet.write_text(
        "NO;NAMA IKM;NAMA PEMILIK;NO. NIB;KAB/KOTA;KOMODITI;JUMLAH TK;INVESTASI (Rp);NO HP\n"
        "1;Kerupuk Mekar;Bu Ani;0320501234567;Kab. Garut;Makanan dan Minuman;12;Rp 250.000.000;0812 3456 789\n",
        encoding="utf-8",
    )
    proc = run_cli(str(sheet), "-f", "json", *DATE)
    entry = json.loads(proc.stdout)["files"][0]
    subject = entry["subject"]
    assert (subject["name"], subject["nib"]) == ("Kerupuk Mekar", "0320501234567")
    assert (subject["commodity_group"], subject["kabupaten_kota"]) == ("makanan_minuman", "Kab. Garut")
    assert entry["region"]["kabupaten_kota"] == {"code": "32.05", "name": "Kabupaten Garut"}


@pytest.mark.parametrize("name", ["rekap.xlsx", "rekap.csv"])
def test_a_workbook_open_in_excel_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    import os as os_module

    from ovopcheck.loading import read, sheet

    path = write_book(tmp_path / "rekap.xlsx", [["Nama usaha", "NIB"], ["UD A", "x"]])
    if name.endswith(".csv"):
        path = tmp_path / name
        path.write_text("Nama usaha,NIB\nUD A,x\n", encoding="utf-8")
    real_open, real_os_open = Path.open, os_module.open

    def locked(self: Path, *args: Any, **kwargs: Any) -> Any:  # Windows refuses a file Excel holds open
        if self.name == name:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    def locked_os(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith(name):
            raise PermissionError(13, "Permission denied")
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    monkeypatch.setattr(read.os, "open", locked_os)
    [item] = list(sheet.read_rows(path, kind=sheet.kind_of(path)))
    assert isinstance(item, sheet.SheetError) and item.problems[0].message_key == "sheet_locked"


def test_converted_dossiers_are_ready_to_fill_and_a_closed_pipe_stops_nothing(tmp_path: Path) -> None:
    book = EXAMPLES / "provinsi" / "rekap-jabar.xlsx"
    command = f"{sys.executable} -m ovopcheck convert {book} --to {tmp_path / 'berkas'} | head -1"
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.stdout.startswith("dibuat: ") and "Broken pipe" not in proc.stderr, proc.stderr
    made = sorted(p.name for p in (tmp_path / "berkas").iterdir())
    assert len(made) == 6  # every row, though the listing was cut short
    dossier = tmp_path / "berkas" / made[0]
    assert sorted(p.name for p in dossier.iterdir()) == ["CHECKLIST.md", "docs", "profile.yaml"]
    assert "Daftar dokumen" in (dossier / "CHECKLIST.md").read_text(encoding="utf-8")


def test_an_instruction_sheet_naming_fields_is_not_taken_for_ikm(tmp_path: Path) -> None:
    import openpyxl

    path = write_book(tmp_path / "rekap.xlsx", [["Nama usaha", "NIB"], ["UD A", "0120304050607"]], sheet="IKM")
    book = openpyxl.load_workbook(path)
    guide = book.create_sheet("Petunjuk")
    guide.append(["Judul kolom", "Isian"])
    guide.append(["Nama usaha", "business.name"])  # one field, named twice: a table about the columns
    guide.append(["NIB", "business.nib"])
    book.save(path)
    proc = run_cli(str(path), "-f", "json", *DATE)
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == [f"{path}:IKM!A2"], proc.stderr


def test_a_percentage_cell_is_read_as_the_percentage_typed(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "rekap.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Nama usaha", "Nilai tambah (%)", "Tenaga kerja"])
    ws.append(["UD A", 0.65, 12])  # Excel stores a typed "65%" as 0.65, shown through its % format
    ws["B2"].number_format = "0%"
    book.save(path)
    proc = run_cli(str(path), "-f", "json", *DATE)
    from ovopcheck.loading.sheet import read_rows

    [row] = list(read_rows(path))
    assert dict(row.cells)[2] == "65" and dict(row.cells)[3] == "12"
    assert json.loads(proc.stdout)["files"][0]["verdict"] == "incomplete"


def test_convert_never_reads_a_dossier_profile_through_a_link_out(tmp_path: Path) -> None:
    secret = tmp_path / "outside.yaml"
    secret.write_text((EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    dossier = tmp_path / "usulan" / "ikm"
    dossier.mkdir(parents=True)
    (dossier / "profile.yaml").symlink_to(secret)
    proc = run_cli("convert", str(tmp_path / "usulan"), "--to", str(tmp_path / "rekap.xlsx"))
    assert proc.returncode == 2 and "profile.yaml" in proc.stderr  # refused, as a check refuses it
    assert not (tmp_path / "rekap.xlsx").exists()

"""Regions counted right (issue 15, part 7): kabupaten/kota and provinsi names placed on the Kemendagri list,
every file counted somewhere, and a provinsi breakdown in every summary."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ovopcheck import regions

from .conftest import AS_OF, read_report, run_cli

DATE = ["--as-of", AS_OF.isoformat()]
LISTED = [line.split(",", 1) for line in regions.DATA.read_text(encoding="utf-8").splitlines()
          if line and not line.startswith(("#", "kode,"))]  # fmt: skip
KABUPATEN = [(code, name) for code, name in LISTED if "." in code]


def test_the_list_has_every_provinsi_and_kabupaten_kota_once() -> None:
    assert regions.counts() == (38, 514)
    codes = [code for code, _ in LISTED]
    assert len(set(codes)) == len(codes)
    provinsi = {code for code in codes if "." not in code}
    for code, name in KABUPATEN:
        head, tail = code.split(".")
        assert head in provinsi and len(tail) == 2, code  # no code that lost its trailing zero
        assert name.startswith(("Kabupaten ", "Kota ")), name
        assert (int(tail) >= 71) == name.startswith("Kota "), name
    garut = regions.region("32.05")
    assert garut is not None and garut.name == "Kabupaten Garut"


@given(st.sampled_from(KABUPATEN), st.sampled_from(["{}", "{u}", "{l}", "Kab. {b}", "KAB {B}", "kabupaten  {b}"]))
def test_a_listed_name_written_any_common_way_is_found(listed: tuple[str, str], form: str) -> None:
    code, name = listed
    kind, _, bare = name.partition(" ")
    if kind == "Kota":
        form = form.replace("Kab. ", "Kota ").replace("KAB ", "KOTA ").replace("kabupaten ", "kota ")
    bare = bare.removeprefix("Administrasi ")
    written = form.format(name, u=name.upper(), l=name.lower(), b=bare, B=bare.upper())
    placed = regions.place(written, None)
    if placed.problem == "ambiguous_kabupaten":  # a name both a kabupaten and a kota, written without which
        assert name in placed.suggestion
        placed = regions.place(written, regions.region(code.split(".")[0]).name)  # type: ignore[union-attr]
    assert placed.kabupaten_kota is not None and placed.kabupaten_kota.code == code, (written, placed)
    assert placed.provinsi is not None and placed.provinsi.code == code.split(".")[0]


def test_unknown_ambiguous_and_misplaced_names_are_said() -> None:
    assert regions.place("Garutt", None).suggestion == "Kabupaten Garut"
    assert regions.place("Imogiri", "DI Yogyakarta").problem == "unknown_kabupaten"  # a kecamatan
    assert regions.place("Bandung", "Jawa Barat").problem == "ambiguous_kabupaten"
    assert regions.place("Banjar", "Kalimantan Selatan").kabupaten_kota == regions.region("63.03")
    misplaced = regions.place("Bantul", "Jawa Tengah")
    assert misplaced.problem == "other_provinsi" and misplaced.provinsi == regions.region("34")
    assert regions.place(None, "JABAR").provinsi == regions.region("32")
    assert regions.place(None, "Prov. DKI Jakarta").provinsi == regions.region("31")


def _sheet(path: Path) -> Path:
    path.write_text(
        "Nama usaha;Kabupaten/kota;Provinsi;Tenaga kerja;Kelompok komoditas\n"
        "UD A;Kab. Garut;Jawa Barat;5;makanan_minuman\n"
        "UD B;GARUT;;5;makanan_minuman\n"
        "UD C;kabupaten garut;jabar;5;makanan_minuman\n"
        "UD D;Garutt;Jawa Barat;5;makanan_minuman\n"
        "UD E;Kota Bandung;Jawa Barat;lima;kain_batik\n",
        encoding="utf-8",
    )
    return path


def test_five_spellings_make_one_row_and_every_file_is_counted(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "rekap.csv")
    broken = tmp_path / "arsip" / "rusak.yaml"
    broken.parent.mkdir()
    broken.write_text("business: [unclosed\n", encoding="utf-8")
    proc = run_cli(str(sheet), str(broken), "-f", "json", *DATE)
    report = json.loads(proc.stdout)
    summary = report["summary"]
    assert summary["by_kabupaten_kota"] == {
        "Kabupaten Garut": {"incomplete": 3},
        "Garutt": {"incomplete": 1},
        "Kota Bandung": {"invalid": 1},  # could not be checked, still counted where its row says
        f"<{broken.parent}": {"invalid": 1},  # says nothing of its place: counted under its folder
    }
    assert summary["by_provinsi"]["Jawa Barat"] == {"incomplete": 4, "invalid": 1}
    assert sum(sum(c.values()) for c in summary["by_provinsi"].values()) == summary["files"] == 6
    [note] = summary["region_notes"]
    assert "'Garutt'" in note["note"] and "Kabupaten Garut" in note["note"]
    first = report["files"][0]["region"]
    assert first == {"kabupaten_kota": {"code": "32.05", "name": "Kabupaten Garut"},
                     "provinsi": {"code": "32", "name": "Jawa Barat"}, "note": None}  # fmt: skip


def test_every_summary_has_totals_and_a_provinsi_breakdown(tmp_path: Path) -> None:
    sheet = _sheet(tmp_path / "rekap.csv")
    expected = {
        "text": ["Provinsi", "Jumlah", "Jawa Barat"],
        "markdown": [
            "| Provinsi |",
            "| Jumlah |",
            "| Jawa Barat | 0 | 0 | 4 | 1 | 5 |",
            "| **Jumlah** | **0** | **0** | **4** | **1** | **5** |",
        ],
        "html": ["<h3>Provinsi</h3>", "Jumlah", "Jawa Barat"],
        "html-summary": ["<h3>Provinsi</h3>", "Jumlah", "Jawa Barat"],
        "xlsx": ["Provinsi", "Jumlah", "Jawa Barat"],
    }
    for fmt, words in expected.items():
        target = tmp_path / f"out.{fmt}"
        proc = run_cli(str(sheet), "-o", f"{fmt}:{target}", *DATE)
        assert proc.returncode == 2, proc.stderr
        text = read_report(fmt, target)
        for word in words:
            assert word in text, (fmt, word)
        assert "Garutt" in text, fmt  # the name to check is listed


def test_the_text_report_says_a_name_to_check(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "schema_version: 1\nbusiness:\n  name: UD A\n  address:\n    kabupaten_kota: Garutt\n", encoding="utf-8"
    )
    proc = run_cli(str(profile), *DATE, "--lang", "en")
    assert "Region" in proc.stdout and "(did you mean 'Kabupaten Garut'?)" in proc.stdout
    html = run_cli(str(profile), *DATE, "-f", "html").stdout  # the printed report says it too
    assert "<th>Wilayah</th><td>kabupaten/kota &#x27;Garutt&#x27; tidak ada" in html


def test_the_one_row_per_ikm_table_carries_the_region_code(tmp_path: Path) -> None:
    import csv
    import io

    sheet = _sheet(tmp_path / "rekap.csv")
    proc = run_cli(str(sheet), "-f", "csv", *DATE)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["region_code"] for r in rows] == ["32.05", "32.05", "32.05", "32", "32.73"]
    # Named as the summary counts them, so a pivot table by kabupaten/kota agrees with it
    assert [r["kabupaten_kota"] for r in rows] == [*["Kabupaten Garut"] * 3, "Garutt", "Kota Bandung"]
    assert [r["provinsi"] for r in rows][:3] == ["Jawa Barat"] * 3  # the second row gave none: its kabupaten's


def test_a_file_that_cannot_be_read_counts_under_the_kabupaten_its_folder_is_named_after(tmp_path: Path) -> None:
    for folder in ("Kabupaten_Garut", "kab-garut/ikm-1", "lain"):
        (tmp_path / "usulan" / folder).mkdir(parents=True)
        (tmp_path / "usulan" / folder / "rusak.yaml").write_text("business: [unclosed\n", encoding="utf-8")
    proc = run_cli(str(tmp_path / "usulan"), "-f", "json", *DATE)
    summary = json.loads(proc.stdout)["summary"]
    assert summary["by_kabupaten_kota"] == {
        "Kabupaten Garut": {"invalid": 2},
        f"<{tmp_path / 'usulan' / 'lain'}": {"invalid": 1},
    }
    assert summary["by_provinsi"]["Jawa Barat"] == {"invalid": 2}

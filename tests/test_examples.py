"""examples/ are acceptance fixtures: each has a documented outcome and exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovopcheck import Status, Verdict, check_file
from ovopcheck.policy import exit_code

from .conftest import AS_OF, EXAMPLES, run_cli

# The size-boundary examples fill in size and commodity only: every other gate lacks information.
ONLY_SIZE_GIVEN = [
    "ovop.sentra-decree",
    "ovop.sentra-units",
    "ovop.penghela",
    "ovop.industrial-legality",
    "ovop.proposed-by-dinas",
    "ovop.regional-flagship",
    "ovop.local-uniqueness",
    "ovop.domestic-market",
    "ovop.production-continuity",
    "ovop.quality-consistency",
]

# file -> (verdict, exit code, gate gaps, gate unknowns)
EXPECTED = {
    "batik-eligible.yaml": (Verdict.ELIGIBLE, 0, [], []),
    "food-no-halal.yaml": (Verdict.NOT_ELIGIBLE, 1, ["ovop.food-halal"], []),
    "anyaman-missing-info.yaml": (
        Verdict.INCOMPLETE,
        1,
        [],
        [  # not ovop.ikm-scale: 7 workers is never industri besar, whatever the (blank) investment
            "ovop.sentra-decree",
            "ovop.penghela",
            "ovop.industrial-legality",
            "ovop.regional-flagship",
            "ovop.quality-consistency",
        ],
    ),
    "gerabah-industri-besar.yaml": (Verdict.NOT_ELIGIBLE, 1, ["ovop.ikm-scale"], []),
    "tenun-sentra-four-units.yaml": (Verdict.NOT_ELIGIBLE, 1, ["ovop.sentra-units"], []),
    "size-boundary-besar.yaml": (
        Verdict.NOT_ELIGIBLE,
        1,
        ["ovop.ikm-scale"],
        ONLY_SIZE_GIVEN,
    ),
    "size-boundary-menengah.yaml": (
        Verdict.INCOMPLETE,
        1,
        [],
        ONLY_SIZE_GIVEN,
    ),
}


def test_every_example_has_an_expectation() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_outcome(name: str, ovop_set) -> None:
    verdict, code, gaps, unknowns = EXPECTED[name]
    result = check_file(EXAMPLES / name, ovop_set, AS_OF)
    assert result.checked and len(result.evaluations) == 1
    assert result.verdict is verdict and exit_code(result) == code
    gate = [f for f in result.evaluations[0].findings if f.criterion.kind.value == "gate"]
    assert [f.criterion.id for f in gate if f.status is Status.GAP] == gaps
    assert [f.criterion.id for f in gate if f.status is Status.UNKNOWN] == unknowns


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_exit_code_through_the_real_command(name: str) -> None:
    proc = run_cli(f"examples/{name}", "--as-of", AS_OF.isoformat())
    assert proc.returncode == EXPECTED[name][1], proc.stderr
    assert proc.stderr == ""
    assert "Traceback" not in proc.stdout


def test_sentra_gap_is_said_in_plain_words() -> None:
    proc = run_cli("examples/tenun-sentra-four-units.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en")
    assert "the sentra has 4 business units; at least 5 required" in proc.stdout
    assert "PP 29/2018, Pasal 1 angka 8 [legal]" in proc.stdout
    assert "NOT YET ELIGIBLE (1 gap, 0 unknown)" in proc.stdout


def test_invalid_example_gives_located_one_line_errors(ovop_set) -> None:
    result = check_file(EXAMPLES / "invalid" / "workforce-in-words.yaml", ovop_set, AS_OF)
    assert not result.checked and result.evaluations == () and exit_code(result) == 2
    proc = run_cli("examples/invalid/workforce-in-words.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines == [
        "examples/invalid/workforce-in-words.yaml:6:3: business.nib: '312345678901' holds 12 digits;"
        " it must be exactly 13 digits",
        "examples/invalid/workforce-in-words.yaml:8:3: size.workforce: 'dua belas' is not a whole number;"
        " write digits only, e.g. 12500 (thousands dots and 'Rp' are fine)",
    ]


def test_batch_of_all_examples_exits_with_the_worst_code() -> None:
    names = [f"examples/{n}" for n in sorted(EXPECTED)] + ["examples/invalid/workforce-in-words.yaml"]
    proc = run_cli(*names, "--as-of", AS_OF.isoformat())
    assert proc.returncode == 2
    assert proc.stdout.count("Kesimpulan:") == 2 * len(EXPECTED)  # first, and again after the detail


def test_readme_main_command_on_the_bundled_examples() -> None:
    """The README's first command runs `ovopcheck examples/*.yaml examples/dossiers/*/` and the provincial
    spreadsheet (six IKM, one a row)."""
    from .conftest import ROOT

    command = "ovopcheck examples/*.yaml examples/dossiers/*/ examples/provinsi/rekap-jabar.xlsx"
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")
    names = sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("*.yaml"))
    names += sorted(str(p.relative_to(ROOT)) + "/" for p in (EXAMPLES / "dossiers").iterdir())
    names.append("examples/provinsi/rekap-jabar.xlsx")
    proc = run_cli(*names, "--as-of", AS_OF.isoformat(), cwd=ROOT)
    assert proc.returncode == 1, proc.stderr  # some examples are deliberately not yet eligible
    assert proc.stderr == ""
    assert proc.stdout.count("Kesimpulan:") == 2 * (len(names) - 1 + len(PROVINCIAL))  # first, and after the detail


@pytest.mark.parametrize(
    ("name", "classes"),
    [
        (
            "size-boundary-menengah.yaml",
            {"industri_64_2016": "menengah", "umkm_capital_pp7_2021": "kecil", "umkm_sales_pp7_2021": "menengah"},
        ),
        ("size-boundary-besar.yaml", {"industri_64_2016": "besar", "umkm_capital_pp7_2021": None}),
        ("batik-eligible.yaml", {"industri_64_2016": "kecil", "umkm_capital_pp7_2021": "mikro"}),
    ],
)
def test_size_classes_of_examples(name: str, classes: dict[str, str | None], ovop_set) -> None:
    result = check_file(EXAMPLES / name, ovop_set, AS_OF)
    found = {c.classification.id: c.value for c in result.evaluations[0].classifications}
    for cid, value in classes.items():
        assert found[cid] == value, cid


def test_size_thresholds_are_shown() -> None:
    proc = run_cli(
        "examples/size-boundary-menengah.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en", "--width", "200"
    )
    assert "industri menengah (medium)" in proc.stdout
    assert "(size.workforce ≤ 19 and size.investment_idr ≥ Rp 1,000,000,000) or" in proc.stdout
    assert (
        "size.business_capital_idr > Rp 1,000,000,000 and size.business_capital_idr ≤ Rp 5,000,000,000" in proc.stdout
    )


def test_readiness_score_of_the_batik_example(ovop_set) -> None:
    result = check_file(EXAMPLES / "batik-eligible.yaml", ovop_set, AS_OF)
    scores = {a.aspect_id: (a.points, a.max_points, a.unknown) for a in result.evaluations[0].readiness}
    # raw material 1 (45% local), supply 3, value added 3, environment 2, mass production 2; design 3, packaging 2
    assert scores == {"production": (11, 15, 0), "product_development": (5, 6, 0)}
    assert result.evaluations[0].stars is None  # no star bands are shipped
    proc = run_cli("examples/batik-eligible.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en")
    assert "Total: 16 of the 21 recovered points" in proc.stdout
    assert "Batumulia dan Perhiasan" in proc.stdout and "section A (30 points)" in proc.stdout
    assert "No star estimate" in proc.stdout and "(+1 point)" in proc.stdout and "(+1 points)" not in proc.stdout


def test_example_star_bands_are_applied_only_when_added() -> None:
    proc = run_cli(
        "examples/batik-eligible.yaml",
        "--as-of",
        AS_OF.isoformat(),
        "--lang",
        "en",
        "--criteria",
        "examples/criteria/ovop-star-bands-EXAMPLE.yaml",
        "--width",
        "200",
    )
    assert proc.returncode == 0, proc.stderr
    assert "Star estimate: 3" in proc.stdout and "not an official rule" in proc.stdout


UPAKARTI = {
    "pengabdian-eligible.yaml": 0,
    "pengabdian-government-office.yaml": 1,
    "kepeloporan-eligible.yaml": 0,
    "kepeloporan-small-company.yaml": 1,
    "no-category.yaml": 0,
}


def test_every_upakarti_example_has_an_expectation() -> None:
    assert sorted(p.name for p in (EXAMPLES / "upakarti").glob("*.yaml")) == sorted(UPAKARTI)


@pytest.mark.parametrize("name", sorted(UPAKARTI))
def test_upakarti_examples(name: str) -> None:
    proc = run_cli("--program", "upakarti", f"examples/upakarti/{name}", "--as-of", AS_OF.isoformat())
    assert proc.returncode == UPAKARTI[name], proc.stdout + proc.stderr


def test_upakarti_gaps_are_the_expected_ones() -> None:
    from ovopcheck import load_programme

    upakarti = load_programme("upakarti", AS_OF)
    small = check_file(EXAMPLES / "upakarti" / "kepeloporan-small-company.yaml", upakarti, AS_OF)
    assert [f.criterion.id for f in small.evaluations[0].findings if f.status is Status.GAP] == [
        "upakarti.fostered-ikm",
        "upakarti.kepeloporan-company",
    ]
    office = check_file(EXAMPLES / "upakarti" / "pengabdian-government-office.yaml", upakarti, AS_OF)
    gap = next(f for f in office.evaluations[0].findings if f.status is Status.GAP)
    assert gap.criterion.id == "upakarti.pengabdian-not-formal-duty"


def test_upakarti_without_category_reports_both() -> None:
    from ovopcheck import load_programme

    result = check_file(EXAMPLES / "upakarti" / "no-category.yaml", load_programme("upakarti", AS_OF), AS_OF)
    assert [(r.assumed.value, r.verdict) for r in result.evaluations] == [
        ("jasa_pengabdian", Verdict.ELIGIBLE),
        ("jasa_kepeloporan", Verdict.NOT_ELIGIBLE),
    ]
    assert exit_code(result) == 0 and result.best is result.evaluations[0]
    proc = run_cli("--program", "upakarti", "examples/upakarti/no-category.yaml", "--lang", "en", "--width", "200")
    assert proc.stdout.count("(assumed: the profile names no category") == 2
    assert "Overall: eligible to be proposed for Jasa Pengabdian (service)" in proc.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_first_80x24_screen_holds_the_verdict(name: str) -> None:
    proc = run_cli(f"examples/{name}", "--as-of", AS_OF.isoformat(), "--width", "80")
    screen = proc.stdout.splitlines()[:24]
    verdict = next(n for n, line in enumerate(screen) if line.startswith("Kesimpulan:"))
    gaps = EXPECTED[name][2]
    shown = [line for line in screen[verdict:] if line.startswith(" ✘ ")]
    assert len(shown) == len(gaps), screen  # each blocking gap is on the first screen, one entry each


def test_a_mixed_folder_is_checked_file_by_file_against_the_right_programme() -> None:
    # One run over every example, OVOP and Upakarti together, no --program: each file gets the verdict it
    # gets alone with its own programme, and says why when that is not the run's.
    proc = run_cli("examples", "--as-of", AS_OF.isoformat(), "-f", "json", "-j", "1")
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert not any("criteria" in f["path"] for f in files.values()), "examples/criteria holds criteria"
    for name, (verdict, *_) in EXPECTED.items():
        assert files[name]["verdict"] == verdict.value and files[name]["programme_from"] is None, name
    for name, code in UPAKARTI.items():
        record = files[name]
        assert record["exit_code"] == code and record["programme_from"] == "nominee", name
        assert record["evaluations"][0]["criteria_set"].startswith("upakarti-")


def test_a_profile_may_state_its_programme(tmp_path: Path) -> None:
    text = (EXAMPLES / "upakarti" / "pengabdian-eligible.yaml").read_text(encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(text.replace("schema_version: 1\n", "schema_version: 1\nprogramme: upakarti\n"), encoding="utf-8")
    proc = run_cli(str(path), "--program", "ovop", "--as-of", AS_OF.isoformat(), "--lang", "en", "--width", "200")
    assert proc.returncode == 0
    assert "upakarti-2020" in proc.stdout and "as the profile's programme field says" in proc.stdout


# The provincial spreadsheets (examples/provinsi/README.md): row -> (business, verdict, gate gaps).
PROVINCIAL = {
    "IKM!A2": ("Batik Garutan Sekar Wangi", "eligible", []),
    "IKM!A3": ("Dodol Picnic Rasa Asli", "not_eligible", ["ovop.food-halal"]),
    "IKM!A4": ("Anyaman Mendong Rajapolah", "incomplete", []),
    "IKM!A5": ("PT Keramik Plered Raya", "not_eligible", ["ovop.ikm-scale"]),
    "IKM!A6": ("Tenun Sutra Garut Lestari", "not_eligible", ["ovop.sentra-units"]),
    "IKM!A7": ("Batik Trusmi Kencana", "eligible", []),
}


def test_the_provincial_spreadsheet_has_its_documented_outcomes() -> None:
    book = EXAMPLES / "provinsi" / "rekap-jabar.xlsx"
    proc = run_cli(str(book), "-f", "json", "--as-of", AS_OF.isoformat())
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    found = {}
    for entry in report["files"]:
        gaps = [f["criterion"] for f in entry["evaluations"][0]["findings"] if f["status"] == "gap" and f["blocks"]]
        found[entry["path"].rsplit(":", 1)[1]] = (entry["subject"]["name"], entry["verdict"], gaps)
    assert found == PROVINCIAL
    summary = report["summary"]
    # Kab. Garut, GARUT and kabupaten garut are one kabupaten; Cirebonn is a name to check.
    assert summary["by_kabupaten_kota"]["Kabupaten Garut"] == {"eligible": 1, "not_eligible": 2}
    assert summary["by_provinsi"] == {"Jawa Barat": {"eligible": 2, "incomplete": 1, "not_eligible": 3}}
    assert [n["note"] for n in summary["region_notes"]] == [
        "kabupaten/kota 'Cirebonn' tidak ada dalam daftar wilayah Kemendagri "
        "(maksudnya 'Kabupaten Cirebon / Kota Cirebon'?); periksa ejaannya "
        "(kecamatan dan desa ditulis di isiannya sendiri)"
    ]


def test_the_spreadsheet_with_errors_locates_each_one() -> None:
    sheet = EXAMPLES / "provinsi" / "rekap-salah.csv"
    proc = run_cli(str(sheet), "-q", "--as-of", AS_OF.isoformat())
    assert proc.returncode == 2
    where = [line.split(" (", 1)[0] for line in proc.stderr.splitlines()]
    assert where == [f"{sheet}:rekap-salah!{cell}" for cell in ("C3", "G4", "H5", "K5")]
    assert "Sepatu Kulit Sukaregang): business.nib: '32050123456' berisi 11 angka" in proc.stderr
    assert "jumlah '1,5 M' ditulis dengan kata; tulis angkanya saja, tanpa titik: 1500000000" in proc.stderr
    assert proc.stdout.splitlines()[-1] == "Ringkasan 4 berkas: layak 0, kurang 0, belum lengkap 1, tidak sah 3"

"""The law as it stands in December 2026 (issue 14): situations an officer must be able to state, and what
the report then says. Each runs the real command on a profile written the way an officer would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import AS_OF, EXAMPLES, run_cli


def _batik(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """examples/batik-eligible.yaml with each (old, new) text edit made, as an officer would edit it."""
    text = (EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "profil.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _findings(path: Path, *args: str) -> dict[str, dict[str, Any]]:
    proc = run_cli(str(path), "--as-of", AS_OF.isoformat(), "--lang", "en", "-f", "json", *args)
    evaluation = json.loads(proc.stdout)["files"][0]["evaluations"][0]
    return {f["criterion"]: f for f in evaluation["findings"]} | {"": {"verdict": evaluation["verdict"]}}


def test_a_complete_profile_with_no_proposal_letter_yet_can_be_eligible(tmp_path: Path) -> None:
    # The Dinas screens an IKM before it decides to propose: the letter is not a requirement.
    profile = _batik(
        tmp_path, ("  letter_number: 500/1123/Disperindag/2026\n", ""), ("  letter_date: 2026-03-02\n", "")
    )
    found = _findings(profile)
    assert found["ovop.proposed-by-dinas"]["status"] == "met"
    assert found[""]["verdict"] == "eligible"
    assert run_cli(str(profile), "--as-of", AS_OF.isoformat()).returncode == 0


def test_a_proposal_by_anyone_but_the_kabupaten_kota_dinas_is_a_gap(tmp_path: Path) -> None:
    found = _findings(_batik(tmp_path, ("proposer_level: kabupaten_kota", "proposer_level: provinsi")))
    assert found["ovop.proposed-by-dinas"]["status"] == "gap"


def test_product_samples_are_advice_and_on_the_checklist(tmp_path: Path) -> None:
    found = _findings(EXAMPLES / "batik-eligible.yaml")
    samples = found["ovop.product-samples"]
    assert samples["kind"] == "advisory" and samples["blocks"] is False
    run_cli("init", str(tmp_path / "baru"), "--lang", "id")
    checklist = (tmp_path / "baru" / "CHECKLIST.md").read_text(encoding="utf-8")
    assert "Contoh produk untuk usulan daring di ovop.kemenperin.go.id" in checklist


def test_no_nib_yet_is_a_gap_with_register_at_oss_in_both_ovop_sets(tmp_path: Path) -> None:
    profile = _batik(tmp_path, ("nib: 0120304050607", "nib_held: false"))
    for day in (AS_OF.isoformat(), "2019-06-01"):
        proc = run_cli(str(profile), "--as-of", day, "--lang", "en", "-f", "json")
        findings = json.loads(proc.stdout)["files"][0]["evaluations"][0]["findings"]
        legality = next(
            f for f in findings if f["criterion"] in ("ovop.industrial-legality", "ovop2007.business-licence")
        )
        assert legality["status"] == "gap", day
        assert "NIB in OSS" in legality["advice"] or "NIB in OSS" in " ".join(map(str, legality.values()))
    text = run_cli(str(profile), "--as-of", AS_OF.isoformat(), "--lang", "id", env={"COLUMNS": "200"}).stdout
    assert "usaha belum memiliki NIB" in text and "Daftarkan NIB di OSS" in text


def test_a_sentra_decree_by_another_official_is_named_by_its_label(tmp_path: Path) -> None:
    profile = _batik(tmp_path, ("issued_by: bupati", "issued_by: lainnya"))
    text = run_cli(str(profile), "--as-of", AS_OF.isoformat(), "--lang", "id", env={"COLUMNS": "200"}).stdout
    assert "SK sentra diterbitkan oleh pejabat lain" in text and "oleh lainnya" not in text
    gubernur = _batik(tmp_path, ("issued_by: bupati", "issued_by: gubernur"))
    bundled = _findings(gubernur)["ovop.sentra-decree"]["status"]
    widened = _findings(gubernur, "--criteria", "examples/criteria/sentra-decree-dki-EXAMPLE.yaml")
    assert (bundled, widened["ovop.sentra-decree"]["status"]) == ("gap", "met")


UPAKARTI = """\
schema_version: 1
nominee:
  name: Hj. Siti Aminah
  type: {type}
  category: jasa_pengabdian
  citizenship: wni
  domiciled_in_indonesia: true
  ikm_development_is_formal_duty: false
  active_since: 2015-01-01
{extra}fostered_ikm:
{fostered}"""


def _upakarti(tmp_path: Path, type_: str = "individual", extra: str = "", fostered: int = 5) -> dict[str, Any]:
    rows = "".join(
        f"  - {{name: IKM {i}, kabupaten_kota: Kabupaten Bantul, contact: '0812', since: 2020-01-0{i + 1}}}\n"
        for i in range(fostered)
    )
    path = tmp_path / "nominee.yaml"
    path.write_text(UPAKARTI.format(type=type_, extra=extra, fostered=rows), encoding="utf-8")
    return _findings(path)


def test_an_individual_nominee_is_never_asked_about_being_a_government_institution(tmp_path: Path) -> None:
    person = _upakarti(tmp_path)["upakarti.pengabdian-not-formal-duty"]
    assert person["status"] == "met" and "nominee.government_institution" not in person["missing"]
    institution = _upakarti(tmp_path, "institution")["upakarti.pengabdian-not-formal-duty"]
    assert institution["status"] == "unknown" and institution["missing"] == ["nominee.government_institution"]


def test_too_few_on_a_partial_fostered_list_is_unknown_not_a_gap(tmp_path: Path) -> None:
    complete = _upakarti(tmp_path, fostered=2)["upakarti.fostered-ikm"]
    assert complete["status"] == "gap" and complete["message"].startswith("2 IKM")
    partial = _upakarti(tmp_path, extra="  fostered_list_partial: true\n", fostered=2)["upakarti.fostered-ikm"]
    assert partial["status"] == "unknown" and partial["missing"] == ["nominee.fostered_within_5_years"]
    stated = _upakarti(tmp_path, extra="  fostered_list_partial: true\n  fostered_within_5_years: 9\n", fostered=2)
    assert stated["upakarti.fostered-ikm"]["status"] == "met"


def test_a_list_entry_to_complete_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nominee.yaml"
    text = UPAKARTI.format(type="individual", extra="", fostered="").rstrip("\n") + "\n"
    text += "".join(f"  - {{name: IKM {i}, since: 2020-01-0{i + 1}}}\n" for i in range(4))
    text += "  - {name: Koperasi Mekar Sari}\n"
    path.write_text(text, encoding="utf-8")
    out = run_cli(str(path), "--as-of", AS_OF.isoformat(), "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "(fostered_ikm[4].since, line" in out and "— Koperasi Mekar Sari" in out


FOOD = """\
schema_version: 1
business: {{name: Keripik Tempe Sanan}}
size: {{business_capital_idr: {capital}, annual_sales_idr: {sales}}}
product: {{commodity_group: makanan_minuman}}
food_permits:
  izin_edar: {{held: true, type: spp_irt, number: "206340101234524", expires: {expires}}}
"""


def test_a_medium_firm_holding_only_an_spp_irt_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "pangan.yaml"
    path.write_text(FOOD.format(capital=6_000_000_000, sales=20_000_000_000, expires="2029-12-31"), encoding="utf-8")
    scale = _findings(path)["ovop.food-spp-irt-scale"]
    assert scale["status"] == "gap" and scale["kind"] == "advisory" and "BPOM MD" in scale["message"]
    assert {b["tag"] for b in scale["basis"]} == {"legal", "inferred"}  # the inferred part is marked
    path.write_text(FOOD.format(capital=350_000_000, sales=900_000_000, expires="2029-12-31"), encoding="utf-8")
    assert _findings(path)["ovop.food-spp-irt-scale"]["status"] == "met"


def test_an_expired_permit_says_what_expired_and_when_and_never_to_remove_the_date(tmp_path: Path) -> None:
    path = tmp_path / "pangan.yaml"
    path.write_text(FOOD.format(capital=350_000_000, sales=900_000_000, expires="2024-12-31"), encoding="utf-8")
    for lang, said in (("en", "the permit expired on 2024-12-31"), ("id", "izin edar berakhir pada 2024-12-31")):
        out = run_cli(str(path), "--as-of", AS_OF.isoformat(), "--lang", lang, "-v", env={"COLUMNS": "200"}).stdout
        block = out[out.index("ovop.food-izin-edar") :].split("ovop.food-spp-irt-scale")[0]
        assert said in block
        assert "must not be given" not in block and "tidak boleh diisi" not in block, block
        assert "OSS" in out  # the advice sends the officer to OSS


def test_not_scored_yet_is_never_shown_as_zero_points(tmp_path: Path) -> None:
    path = tmp_path / "baru.yaml"
    path.write_text("schema_version: 1\nbusiness: {name: Gerabah Baru}\nproduct: {commodity_group: gerabah}\n")
    text = run_cli(str(path), "--as-of", AS_OF.isoformat(), "--lang", "en", env={"COLUMNS": "100"}).stdout
    readiness = text[text.index("Readiness score") : text.index("No star estimate")]
    assert "0/15" not in readiness and "0/21" not in readiness and "0 of" not in readiness, readiness
    assert "not scored yet: 7 indicators wait for information" in readiness
    page = run_cli(str(path), "--as-of", AS_OF.isoformat(), "--lang", "id", "-f", "html").stdout
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "belum dinilai" in chart and "0/15" not in chart
    record = json.loads(run_cli(str(path), "--as-of", AS_OF.isoformat(), "-f", "json", "--lang", "en").stdout)
    evaluation = record["files"][0]["evaluations"][0]
    assert "Batumulia dan Perhiasan" in evaluation["readiness_note"]
    assert all(a["unscored"] == a["indicators"] for a in evaluation["readiness"])


def _kepeloporan(tmp_path: Path, *edits: tuple[str, str]) -> dict[str, dict[str, Any]]:
    text = (EXAMPLES / "upakarti" / "kepeloporan-eligible.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "perusahaan.yaml"
    path.write_text(text, encoding="utf-8")
    return _findings(path)


def test_a_stated_company_scale_that_its_own_figures_contradict_is_said(tmp_path: Path) -> None:
    small = _kepeloporan(
        tmp_path, ("workforce: 420", "workforce: 12"), ("investment_idr: 85000000000", "investment_idr: 400000000")
    )
    gate = small["upakarti.kepeloporan-company"]
    assert gate["status"] == "gap" and "by its own size figures" in gate["message"] and "kecil" in gate["message"]
    assert small["upakarti.kepeloporan-scale-stated"]["status"] == "gap"
    understated = _kepeloporan(tmp_path, ("company_scale: besar", "company_scale: kecil"))
    assert understated["upakarti.kepeloporan-company"]["status"] == "met"  # the figures decide
    assert understated["upakarti.kepeloporan-scale-stated"]["status"] == "gap"  # and the contradiction is said
    assert _kepeloporan(tmp_path)["upakarti.kepeloporan-scale-stated"]["status"] == "met"


def test_a_missing_contact_for_the_field_check_is_to_fill_in_not_a_gap(tmp_path: Path) -> None:
    found = _kepeloporan(tmp_path, (', contact: "Ibu Darmi 0812-3300-1005"', ""))
    contacts = found["upakarti.field-check-contacts"]
    assert contacts["status"] == "unknown" and contacts["missing"] == ["fostered_ikm[4].contact"]


def test_raw_material_from_the_same_province_is_expressible_and_each_criterion_says_what_local_means(
    tmp_path: Path,
) -> None:
    found = _findings(_batik(tmp_path, ("origin: local", "origin: province")))
    assert found["ovop.local-raw-material"]["status"] == "met"  # kabupaten/kota or province
    assert found["ovop.score-raw-material-source"]["points"] == 1  # the form's "local": the kabupaten/kota only
    old = run_cli(str(tmp_path / "profil.yaml"), "--as-of", "2019-06-01", "--lang", "en", "-f", "json")
    old_findings = {f["criterion"]: f for f in json.loads(old.stdout)["files"][0]["evaluations"][0]["findings"]}
    assert old_findings["ovop2007.local-resources"]["status"] == "met"


def test_programme_facts_are_information_never_gates(tmp_path: Path) -> None:
    proc = run_cli("examples/batik-eligible.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en", "-f", "json")
    evaluation = json.loads(proc.stdout)["files"][0]["evaluations"][0]
    facts = " ".join(f["text"] for f in evaluation["programme_facts"])
    assert "OVOP Go Global" in facts and "1 to 3 stars" in facts and "selection team" in facts
    assert evaluation["verdict"] == "eligible"  # facts decide nothing
    text = run_cli("examples/upakarti/pengabdian-eligible.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en").stdout
    assert "About the programme" in text and "19 December 2024" in text and "10 May 2023" in text


def test_the_readme_programmes_table_shows_every_sets_period() -> None:
    from ovopcheck.sets import load_sets

    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| programme (`--program`)") : readme.index("`--as-of YYYY-MM-DD`")]
    for cset in load_sets():
        for period, name in [(cset.in_force, cset.id)] + [(c.in_force, c.id) for c in cset.classifications]:
            if not cset.criteria and name == cset.id:
                continue  # the shared classifications' own set: its classifications are listed
            if period.start:
                assert f"{'~' if period.inferred else ''}{period.start.isoformat()}" in table, name
            if period.end:
                assert period.end.isoformat() in table, name


def test_the_audit_answers_name_only_criteria_that_exist() -> None:
    import re

    from ovopcheck.sets import load_sets

    known = {c.id for s in load_sets() for c in s.criteria} | {c.id for s in load_sets() for c in s.classifications}
    answers = (EXAMPLES.parent / "docs" / "audit-2026-12.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:ovop|ovop2007|upakarti)\.[a-z0-9-]+|[a-z]+_[a-z0-9_]+_20\d\d)`", answers))
    assert named and named <= known, named - known


def test_the_kepeloporan_partnership_cites_pp_29_2018_pasal_13_and_31() -> None:
    from ovopcheck import load_programme

    criterion = load_programme("upakarti", AS_OF).criterion("upakarti.kepeloporan-partnership")
    articles = [b.article.en for b in criterion.basis if b.article is not None]
    assert "Pasal 13 huruf j dan Pasal 31 ayat (1)" in articles

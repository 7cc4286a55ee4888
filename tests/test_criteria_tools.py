"""Tooling for criteria maintainers: --criteria, list, show, explain, lint, docs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ovopcheck.loading.criteria import load_bundled_sets, load_criteria_file
from ovopcheck.sets import NoSetInForce, load_sets, merge_sets, select_set
from ovopcheck.tools.lint import lint_sets

from .conftest import ROOT, run_cli

PROVINCE = """\
format_version: 1
set:
  id: {set_id}
  programme: {programme}
  version: "2026.1"
  title: {{id: Pra-seleksi provinsi, en: Province pre-selection}}
  regime: {{id: Kebijakan Dinas provinsi, en: Province Dinas policy}}
  in_force: {{from: 2026-01-01}}
criteria:
  - id: prov.established
    kind: gate
    title: {{id: Berdiri paling lambat 2023, en: Established by 2023}}
    explanation: {{id: Syarat pra-seleksi provinsi., en: A provincial pre-selection rule.}}
    basis:
      - {{instrument: Surat Edaran Dinas, tag: practice, source_url: "https://disperin.ntbprov.go.id/?p=3812"}}
    requires: {{field: business.established_year, le: 2023}}
    gap: {{id: "berdiri {{actual}}", en: "established {{actual}}"}}
    advice: {{id: Tunggu sampai memenuhi syarat., en: Wait until eligible.}}
    tests:
      - {{expect: met, profile: {{business: {{name: X, established_year: 2000}}}}}}
      - {{expect: {second}, profile: {{business: {{name: X, established_year: 2025}}}}}}
      - {{expect: unknown, profile: {{business: {{name: X}}}}}}
"""


def write(tmp_path: Path, name: str = "prov.yaml", **values: str) -> Path:
    params = {"set_id": "prov-2026", "programme": "ovop_prov", "second": "gap"} | values
    path = tmp_path / name
    path.write_text(PROVINCE.format(**params), encoding="utf-8")
    return path


def test_bundled_criteria_pass_lint() -> None:
    assert lint_sets(load_sets()) == []
    proc = run_cli("criteria", "lint", "criteria", "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 problems" in proc.stderr
    assert "0 masalah" in run_cli("criteria", "lint", "criteria", "--lang", "id").stderr


def test_lint_reports_a_failing_test_case(tmp_path: Path) -> None:
    path = write(tmp_path, second="met")
    problems = lint_sets([load_criteria_file(path)])
    assert [p.criterion for p in problems] == ["prov.established"]
    assert "expected met, got gap" in problems[0].message
    proc = run_cli("criteria", "lint", str(path))
    assert proc.returncode == 1 and "expected met, got gap" in proc.stdout


def test_lint_reports_unknown_fields_and_duplicate_ids(tmp_path: Path) -> None:
    text = write(tmp_path).read_text(encoding="utf-8").replace("business.established_year, le", "business.year, le")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    other = write(tmp_path, "other.yaml", set_id="prov-other", programme="other")
    messages = [p.message for p in lint_sets([load_criteria_file(bad), load_criteria_file(other)])]
    assert "reads unknown profile field business.year" in messages
    assert "id also used in set prov-2026" in messages


def test_lint_reports_overlapping_sets(tmp_path: Path) -> None:
    first = load_criteria_file(write(tmp_path, "a.yaml"))
    second = load_criteria_file(write(tmp_path, "b.yaml", set_id="prov-2027"))
    assert any("overlaps" in p.message for p in lint_sets([first, second]))


def test_lint_invalid_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format_version: 1\nset: {}\ncriteria: []\n", encoding="utf-8")
    proc = run_cli("criteria", "lint", str(path))
    assert proc.returncode == 2
    assert "broken.yaml:2:" in proc.stderr


def test_criteria_option_adds_a_programme(tmp_path: Path) -> None:
    path = write(tmp_path)
    proc = run_cli("examples/batik-eligible.yaml", "--criteria", str(path), "--program", "ovop_prov", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "Established by 2023" in proc.stdout


def test_criteria_option_replaces_a_set_with_the_same_id(tmp_path: Path) -> None:
    path = write(tmp_path, set_id="ovop-2021", programme="ovop")
    merged = merge_sets(load_bundled_sets(), [load_criteria_file(path)])
    chosen = select_set(merged, "ovop", dt.date(2026, 11, 28))
    assert [c.id for c in chosen.criteria] == ["prov.established"]


def test_set_selection_respects_the_period(tmp_path: Path) -> None:
    prov = load_criteria_file(write(tmp_path))
    with pytest.raises(NoSetInForce):
        select_set([prov], "ovop_prov", dt.date(2025, 12, 31))
    proc = run_cli(
        "examples/batik-eligible.yaml", "--criteria", str(tmp_path), "--program", "ovop_prov", "--as-of", "2025-06-01"
    )
    assert proc.returncode == 2 and "ovop_prov" in proc.stderr


def test_broken_criteria_option_is_a_located_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format_version: 1\nset:\n  id: x\n  id: y\n", encoding="utf-8")
    proc = run_cli("examples/batik-eligible.yaml", "--criteria", str(path))
    assert proc.returncode == 2
    assert "bad.yaml:4:3" in proc.stderr and "Traceback" not in proc.stderr


def test_list_show_explain_docs() -> None:
    listing = run_cli("criteria", "list")
    assert listing.returncode == 0 and "ovop-2021" in listing.stdout
    assert not [line for line in listing.stdout.splitlines() if line != line.rstrip()]  # pasted into a message
    show = run_cli("criteria", "show", "ovop-2021", "--lang", "en")
    assert show.returncode == 0 and "ovop.sentra-units" in show.stdout
    lines = show.stdout.splitlines()
    head = lines[: next(i for i, line in enumerate(lines) if line.startswith("  ovop."))]
    # The period's note and the programme facts wrap under their own text, not under the table's titles.
    assert head and max(len(line) - len(line.lstrip()) for line in head) <= 4, show.stdout
    explained = run_cli("explain", "ovop.sentra-units", "--lang", "en")
    assert explained.returncode == 0
    for needle in ("PP 29/2018, Pasal 1 angka 8 [legal]", "sentra.business_units", "https://"):
        assert needle in explained.stdout
    halal = run_cli("explain", "ovop.food-halal").stdout  # at 80 columns: a long URL is never cut in two
    assert "kemenperin-gelar-program-one-village-one-product-ini-cara-dan-syarat-untuk" in halal
    assert "Dasar:" in run_cli("explain", "ovop.sentra-units", "--lang", "id").stdout
    assert run_cli("explain", "ovop.nope").returncode == 2
    docs = run_cli("criteria", "docs", "--lang", "en")
    assert docs.returncode == 0
    bundled = load_sets()
    for cset in bundled:
        for criterion in cset.criteria:
            assert f"`{criterion.id}`" in docs.stdout


def test_hostile_criteria_text_is_not_interpreted(tmp_path: Path) -> None:
    path = write(tmp_path)
    text = path.read_text(encoding="utf-8").replace("Established by 2023", "Established \\e[31m[bold]2023")
    text = text.replace("en: Established", 'en: "Established').replace("[bold]2023}", '[bold]2023"}')
    path.write_text(text, encoding="utf-8")
    proc = run_cli("explain", "prov.established", "--criteria", str(path), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\\u001b[31m[bold]2023" in proc.stdout


def test_repository_criteria_folder_is_what_ships() -> None:
    from ovopcheck.loading.resources import bundled_criteria_dir

    assert (
        bundled_criteria_dir().resolve() == (ROOT / "criteria").resolve()
        or (bundled_criteria_dir() / "ovop-2021.yaml").is_file()
    )


def test_criteria_cache_is_plain_json_and_survives_damage(tmp_path: Path) -> None:
    env = {"OVOPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli("examples/batik-eligible.yaml", "--as-of", "2026-11-28", env=env)
    entries = sorted((tmp_path / "cache").glob("criteria-*.json"))
    assert first.returncode == 0 and len(entries) == 4
    for entry in entries:
        json.loads(entry.read_text(encoding="utf-8"))  # data, never code
        entry.write_text("{ damaged", encoding="utf-8")
    again = run_cli("examples/batik-eligible.yaml", "--as-of", "2026-11-28", env=env)
    assert again.returncode == 0 and again.stdout == first.stdout
    off = run_cli(
        "examples/batik-eligible.yaml",
        "--as-of",
        "2026-11-28",
        env={**env, "OVOPCHECK_NO_CACHE": "1", "OVOPCHECK_CACHE_DIR": str(tmp_path / "unused")},
    )
    assert off.stdout == first.stdout and not (tmp_path / "unused").exists()

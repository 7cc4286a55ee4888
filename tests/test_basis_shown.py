"""The basis shown honestly (issue 14, part 4): a criterion with several bases never shows only the first
(the surest-looking) one, and a dated basis is cited only in its period (PP 39/2021 until it was revoked)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ovopcheck import load_programme
from ovopcheck.report.sentences import TAG_STRENGTH, weakest_tag

from .conftest import AS_OF, run_cli

BATIK = "examples/batik-eligible.yaml"


def _block(text: str, criterion_id: str) -> str:
    """The lines of the text report about one criterion (from its title to the next outcome)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if criterion_id in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] in "✔✘?–~!"), len(lines))
    return " ".join(line.strip() for line in lines[start - 1 : end])


def test_the_weakest_of_several_tags_is_the_criterions() -> None:
    cset = load_programme("ovop", AS_OF)
    ikm = cset.criterion("ovop.ikm-scale")
    assert weakest_tag(ikm.bases_on(AS_OF)) == "inferred"
    assert TAG_STRENGTH.index("legal") < TAG_STRENGTH.index("inferred")


@pytest.mark.parametrize("verbose", [False, True])
def test_text_shows_every_tag_of_is_an_ikm(verbose: bool) -> None:
    text = run_cli(BATIK, "--lang", "en", "--as-of", AS_OF.isoformat(), *(["-v"] if verbose else []),
                   env={"COLUMNS": "200"}).stdout  # fmt: skip
    block = _block(text, "ovop.ikm-scale")
    for tag in ("[inferred]", "[legal]", "[practice]"):
        assert tag in block, block
    assert block.index("[inferred]") < block.index("[legal]")  # the requirement itself comes first


def test_csv_and_json_carry_the_weakest_tag(tmp_path: Path) -> None:
    proc = run_cli(
        BATIK, "--lang", "en", "--as-of", AS_OF.isoformat(), "-f", "csv-findings", "-o", f"json:{tmp_path / 'r.json'}"
    )
    row = next(r for r in csv.DictReader(io.StringIO(proc.stdout)) if r["criterion"] == "ovop.ikm-scale")
    assert row["basis_tag"] == "inferred" and set(row["basis_tags"].split()) == {"inferred", "legal", "practice"}
    record = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    finding = next(f for f in record["files"][0]["evaluations"][0]["findings"] if f["criterion"] == "ovop.ikm-scale")
    assert finding["weakest_tag"] == "inferred" and {b["tag"] for b in finding["basis"]} == {
        "inferred",
        "legal",
        "practice",
    }


@pytest.mark.parametrize(
    ("day", "cited", "not_cited"),
    [("2024-10-16", "PP 39/2021", "PP 42/2024"), ("2024-10-18", "PP 42/2024", "PP 39/2021")],
)
def test_a_dated_basis_is_cited_only_in_its_period(day: str, cited: str, not_cited: str, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "schema_version: 1\nbusiness: {name: Keripik Tempe}\n"
        "size: {business_capital_idr: 6000000000, annual_sales_idr: 20000000000}\n"
        "product: {commodity_group: makanan_minuman}\nfood_permits: {halal_certificate: {held: false}}\n",
        encoding="utf-8",
    )
    text = run_cli(str(profile), "--lang", "en", "--as-of", day, "-v", env={"COLUMNS": "200"}).stdout
    block = _block(text, "ovop.halal-obligation-medium-large")
    assert cited in block and not_cited not in block, block


def test_html_shows_every_tag_of_is_an_ikm() -> None:
    page = run_cli(BATIK, "--lang", "en", "--as-of", AS_OF.isoformat(), "-f", "html").stdout
    row = next(r for r in page.split("<tr>") if "ovop.ikm-scale" in r)
    for tag in ("[inferred]", "[legal]", "[practice]"):
        assert tag in row, row

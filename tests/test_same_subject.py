"""Every format, and the batch summary, name the same IKM and the same place for every example.

The subject is read here from the profile text itself (PyYAML's BaseLoader: every value stays text, so a
NIB keeps its leading zero), not through ovopcheck, so this test cannot agree with a wrong view by
construction. One run per programme writes every format at once.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from ovopcheck.report.formats import FORMATS

from .conftest import AS_OF, EXAMPLES, ROOT, read_report, run_cli

OVOP = sorted(
    list(EXAMPLES.glob("*.yaml")) + [p for p in (EXAMPLES / "dossiers").iterdir() if p.is_dir()],
)
UPAKARTI = sorted((EXAMPLES / "upakarti").glob("*.yaml"))


def expected_subject(path: Path) -> dict[str, str | None]:
    profile_file = path / "profile.yaml" if path.is_dir() else path
    data: dict[str, Any] = yaml.load(profile_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    business, nominee = data.get("business") or {}, data.get("nominee") or {}
    address = business.get("address") or nominee.get("address") or {}
    found = {
        "name": business.get("name") or nominee.get("name"),
        "nib": business.get("nib"),
        "kabupaten_kota": address.get("kabupaten_kota"),
        "provinsi": address.get("provinsi"),
    }
    return {k: v or None for k, v in found.items()}  # a value left empty is not given


def run_every_format(paths: list[Path], programme: str, tmp_path: Path) -> dict[str, str]:
    relative = [str(p.relative_to(ROOT)) for p in paths]
    outputs = [f"{fmt}:{tmp_path / fmt}" for fmt in FORMATS if fmt != "json"]
    args = [*relative, "--program", programme, "--as-of", AS_OF.isoformat(), "--jobs", "1", "--width", "400"]
    proc = run_cli(*args, "-f", "json", *(a for o in outputs for a in ("-o", o)), "--lang", "en")
    assert proc.returncode in (0, 1), proc.stderr
    written = {fmt: read_report(fmt, tmp_path / fmt) for fmt in FORMATS if fmt != "json"}
    return {"json": proc.stdout, **written}


@pytest.mark.parametrize(("programme", "paths"), [("ovop", OVOP), ("upakarti", UPAKARTI)])
def test_every_format_names_the_same_ikm_and_place(programme: str, paths: list[Path], tmp_path: Path) -> None:
    reports = run_every_format(paths, programme, tmp_path)
    record = json.loads(reports["json"])
    lines = [json.loads(line) for line in reports["jsonl"].splitlines()]
    csv_rows = list(csv.DictReader(io.StringIO(reports["csv"])))
    sarif = json.loads(reports["sarif"])["runs"][0]["results"]
    suites = {s.get("name"): s for s in ET.fromstring(reports["junit"]).iter("testsuite")}
    html_sections = re.split(r'<div class="file" id="file-\d+">', reports["html"])[1:]
    text_sections = re.split(r"^ovopcheck +(?=examples/)", reports["text"], flags=re.MULTILINE)[1:]
    assert len(record["files"]) == len(lines) == len(html_sections) == len(paths)

    for index, path in enumerate(paths):
        source = str(path.relative_to(ROOT))
        want = expected_subject(path)
        name, kabupaten = want["name"], want["kabupaten_kota"]
        assert name, f"{source}: every example names its IKM"
        kabupaten = kabupaten or ""  # not every Upakarti nominee gives a place: then nothing is shown for it
        for entry in (record["files"][index], lines[index]):
            assert entry["path"] == source
            assert {k: entry["subject"][k] for k in want} == want, source
        section = next(s for s in text_sections if s.startswith(source))
        assert name in section and kabupaten in section, f"text: {source}"
        assert name in html_sections[index] and kabupaten in html_sections[index], f"html: {source}"
        row = next(line for line in reports["markdown"].splitlines() if line.startswith(f"| `{source}` |"))
        assert name in row and kabupaten in row, f"markdown: {source}"
        mine = [r for r in csv_rows if r["file"] == source]
        assert mine and all(
            (r["name"], r["nib"] or None, r["kabupaten_kota"]) == (name, want["nib"], kabupaten) for r in mine
        )
        uri = source + "/profile.yaml" if path.is_dir() else source
        for result in (r for r in sarif if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri):
            assert {k: result["properties"]["subject"][k] for k in want} == want, f"sarif: {source}"
            assert name in result["message"]["text"]
        for suite_name, suite in suites.items():
            if suite_name and suite_name.split(" [")[0] == source:
                found = {p.get("name"): p.get("value") for p in suite.iter("property")}
                assert (found["name"], found.get("kabupaten_kota", "")) == (name, kabupaten), f"junit: {source}"
        for command in (c for c in reports["github"].splitlines() if f"file={uri}," in c):
            assert name in command.split("::")[-1], f"github: {source}"

    places = Counter(expected_subject(p)["kabupaten_kota"] or "?" for p in paths)
    counted = {k: sum(v.values()) for k, v in record["summary"]["by_kabupaten_kota"].items()}
    assert counted == dict(places)


def test_an_advisory_never_looks_like_a_blocking_gap_in_any_format(tmp_path: Path) -> None:
    # examples/food-no-halal.yaml: a gate gap (ovop.food-halal) and an advisory not met (ovop.export-market).
    reports = run_every_format([EXAMPLES / "food-no-halal.yaml"], "ovop", tmp_path)
    gate, advice = "ovop.food-halal", "ovop.export-market"
    text = reports["text"].splitlines()
    assert any(line.startswith("✘ GAP") and gate in line for line in text)
    assert any(line.startswith("! ADVICE") and advice in line for line in text)
    rows = re.findall(r"<tr><td>(<span class=\"badge [^\"]+\">[^<]*</span>)</td><td><strong>[^<]*</strong> "
                      r"<span class='small'>\[[^\]]*\] <span class='id'>([^<]+)</span>", reports["html"])  # fmt: skip
    badges = {cid: badge for badge, cid in rows}
    assert 'class="badge gap"' in badges[gate] and 'class="badge advice"' in badges[advice]
    sarif = {r["ruleId"]: r["level"] for r in json.loads(reports["sarif"])["runs"][0]["results"]}
    assert (sarif[gate], sarif[advice]) == ("error", "note")
    github = {c.split("title=")[1].split("%3A")[0]: c.split(" ")[0] for c in reports["github"].splitlines()}
    assert (github[gate], github[advice]) == ("::error", "::notice")
    cases = {
        c.get("name", "").rsplit("(", 1)[-1].rstrip(")"): [e.tag for e in c]
        for c in ET.fromstring(reports["junit"]).iter("testcase")
    }
    assert "failure" in cases[gate] and "skipped" in cases[advice] and "failure" not in cases[advice]
    blocking = next(line for line in reports["markdown"].splitlines() if line.startswith("| `examples/"))
    assert gate in blocking and advice not in blocking  # the table lists what blocks
    kinds = {r["criterion"]: r["kind"] for r in csv.DictReader(io.StringIO(reports["csv-findings"]))}
    assert (kinds[gate], kinds[advice]) == ("gate", "advisory")
    record = json.loads(reports["json"])["files"][0]["evaluations"][0]["findings"]
    blocks = {f["criterion"]: f["blocks"] for f in record}
    assert (blocks[gate], blocks[advice]) == (True, False)

"""Every output format read by a real consumer; exit policy; config; waivers; the README's CI examples."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from .conftest import AS_OF, EXAMPLES, ROOT, missing, run_cli

INPUTS = [
    "examples/batik-eligible.yaml",
    "examples/food-no-halal.yaml",
    "examples/anyaman-missing-info.yaml",
    "examples/invalid/workforce-in-words.yaml",
    "examples/dossiers/dodol-halal-expired",
]
SHARED_SARIF = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return run_cli(*INPUTS, "--as-of", AS_OF.isoformat(), "--lang", "en", *args, **kw)


def report_schema() -> dict:
    return json.loads(run_cli("schema", "--output-format").stdout)


def test_json_is_a_valid_deterministic_decision_record() -> None:
    first = run("--format", "json")
    second = run("--format", "json")
    assert first.returncode == 2  # an invalid file is among the inputs
    assert first.stdout == second.stdout  # deterministic
    record = json.loads(first.stdout)
    Draft202012Validator(report_schema(), format_checker=None).validate(record)
    assert record["ovopcheck_version"] and record["as_of"] == AS_OF.isoformat()
    assert record["criteria_set"]["id"] == "ovop-2021" and len(record["criteria_set"]["sha256"]) == 64
    assert record["criteria_set"]["source"] == "ovopcheck:criteria/ovop-2021.yaml"
    files = {f["path"]: f for f in record["files"]}
    food = files["examples/food-no-halal.yaml"]
    import hashlib

    assert food["sha256"] == hashlib.sha256((ROOT / "examples/food-no-halal.yaml").read_bytes()).hexdigest()
    halal = next(f for f in food["evaluations"][0]["findings"] if f["criterion"] == "ovop.food-halal")
    assert halal["status"] == "gap" and halal["blocks"]
    assert halal["checks"][0] == {
        "subject": "field",
        "field": "food_permits.halal_certificate.held",
        "of": None,
        "operator": "eq",
        "actual": False,
        "required": True,
    }
    assert halal["basis"][0]["tag"] == "official"  # the Sesditjen IKMA's persyaratan, Kompas 15 Jul 2021
    assert halal["weakest_tag"] == "official"
    assert files["examples/invalid/workforce-in-words.yaml"]["problems"][0]["line"] == 6
    assert files["examples/dossiers/dodol-halal-expired"]["kind"] == "dossier"
    assert record["summary"]["exit_code"] == 2
    assert first.stdout.index('"as_of"') < first.stdout.index('"criteria_set"')  # sorted keys


def test_jsonl_has_one_valid_line_per_file() -> None:
    proc = run("--format", "jsonl")
    lines = proc.stdout.splitlines()
    assert len(lines) == len(INPUTS)
    validator = Draft202012Validator(report_schema()["$defs"]["file"] | {"$defs": report_schema()["$defs"]})
    for line in lines:
        validator.validate(json.loads(line))


def _case_id(name: str) -> str:
    return name.rsplit("(", 1)[-1].rstrip(")")


@pytest.mark.parametrize(("fail_on", "unknown_as"), [([], "error"), (["--fail-on", "gap"], "skipped")])
def test_junit_read_by_a_junit_reader(fail_on: list[str], unknown_as: str) -> None:
    from junitparser import Error, Failure, JUnitXml, Skipped

    proc = run("--format", "junit", *fail_on)
    xml = JUnitXml.fromstring(proc.stdout)
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == set(INPUTS)
    food = suites["examples/food-no-halal.yaml"]
    # A case is named "IKM — criterion title (criterion id)": keyed here by the id.
    outcomes = {_case_id(case.name): [type(r) for r in case.result] for case in food}
    assert outcomes["ovop.food-halal"] == [Failure]
    assert outcomes["ovop.commodity-group"] == []
    assert outcomes["ovop.export-market"] == [Skipped]  # an advisory never fails the build
    anyaman_cases = suites["examples/anyaman-missing-info.yaml"]
    anyaman = {_case_id(case.name): [type(r) for r in case.result] for case in anyaman_cases}
    assert anyaman["ovop.sentra-decree"] == [Error if unknown_as == "error" else Skipped]
    invalid = list(suites["examples/invalid/workforce-in-words.yaml"])
    assert [type(r) for r in invalid[0].result] == [Error]


def test_sarif_is_valid_sarif_2_1_0() -> None:
    if not SHARED_SARIF.is_file():
        missing(f"the OASIS SARIF schema is not at {SHARED_SARIF}")
    schema = json.loads(SHARED_SARIF.read_text(encoding="utf-8"))
    proc = run("--format", "sarif")
    log = json.loads(proc.stdout)
    from jsonschema import validators

    validators.validator_for(schema)(schema).validate(log)
    run_ = log["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert "PP 29/2018, Pasal 1 angka 8 [legal]" in rules["ovop.sentra-units"]["help"]["text"]
    halal = next(
        r
        for r in run_["results"]
        if r["ruleId"] == "ovop.food-halal"
        and "food-no-halal" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    )
    region = halal["locations"][0]["physicalLocation"]["region"]
    lines = (ROOT / "examples/food-no-halal.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[region["startLine"] - 1].strip().startswith("held:")  # points at the false claim
    dossier = next(
        r
        for r in run_["results"]
        if "dodol-halal-expired" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    )
    assert dossier["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("profile.yaml")


def test_github_workflow_commands() -> None:
    proc = run("--format", "github")
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]*::.+$")
    lines = proc.stdout.splitlines()
    assert lines and all(pattern.match(line) for line in lines), lines
    assert any(line.startswith("::error file=examples/food-no-halal.yaml,line=49,col=5,") for line in lines)
    assert any("workforce-in-words.yaml,line=8,col=3" in line for line in lines)


def test_github_commands_cannot_be_injected(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        'schema_version: 1\nbusiness: {name: X}\nproduct: {commodity_group: "kayu\\n::error::pwned"}\n',
        encoding="utf-8",
    )
    proc = run_cli("p.yaml", "--format", "github", cwd=tmp_path)
    assert all(line.startswith("::") for line in proc.stdout.splitlines())
    assert "\n::error::pwned" not in proc.stdout


def test_markdown_summary_parses() -> None:
    from markdown_it import MarkdownIt

    proc = run("--format", "markdown")
    tokens = MarkdownIt().enable("table").parse(proc.stdout)
    cells = [t.content for t in tokens if t.type == "inline"]
    assert any("NOT YET ELIGIBLE" in c for c in cells)
    first_table = proc.stdout.split("\n\n#### ")[0]
    rows = [t for t in MarkdownIt().enable("table").parse(first_table) if t.type == "tr_open"]
    assert len(rows) == len(INPUTS) + 1
    assert "Summary of 5 files" in proc.stdout and "ovop.food-halal" in proc.stdout
    assert "exit code 2" in proc.stdout


def test_markdown_escapes_html_and_tables(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\nbusiness: {name: X}\nproduct: {commodity_group: kain_batik}\n"
        "size: {workforce: 5, investment_idr: 10}\n",
        encoding="utf-8",
    )
    bad = tmp_path / "<img src=x onerror=alert(1)>|.yaml"
    bad.write_text("schema_version: 1\nbusiness: {}\n", encoding="utf-8")
    proc = run_cli(str(bad), "--format", "markdown", "--lang", "en")
    assert "<img" not in proc.stdout and "&lt;img" in proc.stdout


def test_csv_is_one_row_per_ikm(tmp_path: Path) -> None:
    proc = run("--format", "csv", "--lang", "en")
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(proc.stdout))}
    assert list(rows) == INPUTS  # in input order, one each, the broken file too
    food = rows["examples/food-no-halal.yaml"]
    assert (food["name"], food["nib"], food["kabupaten_kota"]) == (
        "UD Dodol Nanas Subang Jaya",
        "9120011223344",
        "Kabupaten Subang",
    )
    assert (food["verdict"], food["gaps"], food["blocking_gaps"]) == ("not_eligible", "1", "Halal certificate")
    assert rows["examples/invalid/workforce-in-words.yaml"]["problems"].startswith("examples/invalid/workforce")
    anyaman = run_cli("examples/anyaman-missing-info.yaml", "-f", "csv", "--lang", "en").stdout
    to_fill = next(csv.DictReader(io.StringIO(anyaman)))["to_fill_in"]
    assert "(business.nib, line 8)" in to_fill and "nib_held" not in to_fill  # labels and lines, what to write
    with_bom = run_cli("examples/batik-eligible.yaml", "-f", "csv", "--bom").stdout
    assert with_bom.startswith("\ufefffile,name,")  # Excel reads it as UTF-8
    excel = csv.DictReader(io.StringIO(with_bom.removeprefix("\ufeff")))
    assert next(excel)["nib"] == "0120304050607"  # a leading zero stays


def test_csv_findings_rows() -> None:
    proc = run("--format", "csv-findings")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    food = [r for r in rows if r["file"] == "examples/food-no-halal.yaml"]
    from ovopcheck import load_programme

    assert len(food) == len(load_programme("ovop", AS_OF).criteria)  # one row per criterion
    halal = next(r for r in food if r["criterion"] == "ovop.food-halal")
    assert (halal["status"], halal["actual"], halal["required"]) == ("gap", "False", "True")
    assert next(r for r in rows if r["status"] == "invalid")["file"] == "examples/invalid/workforce-in-words.yaml"


def test_csv_cells_are_not_formulas(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\nbusiness: {name: X}\nproduct: {commodity_group: kain_batik}\n", encoding="utf-8"
    )
    (tmp_path / "=cmd.yaml").write_text("schema_version: 1\nbusiness: {name: X}\n", encoding="utf-8")
    proc = run_cli("=cmd.yaml", "--format", "csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows and all(r["file"] == "'=cmd.yaml" for r in rows)


def test_outputs_are_written_while_text_shows(tmp_path: Path) -> None:
    outputs = [f"{fmt}:{tmp_path / ('out.' + fmt)}" for fmt in ("json", "sarif", "junit", "markdown", "csv", "jsonl")]
    args = [a for spec in outputs for a in ("--output", spec)]
    proc = run(*args)
    assert "NOT YET ELIGIBLE" in proc.stdout
    json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert (tmp_path / "out.junit").read_text(encoding="utf-8").startswith("<?xml")
    assert run("--output", "pdf:x").returncode == 2
    assert run("--output", f"json:{tmp_path}/no/such/dir/x.json").returncode == 2


def test_every_format_has_a_reporter() -> None:
    from importlib import import_module

    from ovopcheck.cli.options import FORMAT_CHOICE
    from ovopcheck.report.formats import FORMATS

    assert set(FORMAT_CHOICE.choices) == set(FORMATS)
    for entry in FORMATS.values():
        assert isinstance(getattr(import_module(f"ovopcheck.report.formats.{entry.module}"), entry.reporter), type)


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [
        ([], 2),
        # A file that could not be checked fails whatever else is named; only never lets it through.
        (["--fail-on", "gap", "--fail-on", "unknown"], 2),
        (["--fail-on", "gap,unknown"], 2),
        (["--fail-on", "unknown"], 2),
        (["--fail-on", "invalid"], 2),
        (["--fail-on", "never"], 0),
    ],
)
def test_fail_on(fail_on: list[str], expected: int) -> None:
    assert run("--quiet", *fail_on).returncode == expected


def test_fail_on_unknown_alone() -> None:
    assert run_cli("examples/anyaman-missing-info.yaml", "--fail-on", "gap").returncode == 0
    assert run_cli("examples/anyaman-missing-info.yaml", "--fail-on", "unknown").returncode == 1
    assert run_cli("examples/food-no-halal.yaml", "--fail-on", "unknown").returncode == 0


def test_quiet_is_one_line_per_file() -> None:
    proc = run("--quiet")
    lines = proc.stdout.split("Summary of")[0].splitlines()
    assert len(lines) == len(INPUTS) - 1  # the invalid one is on stderr
    assert "examples/food-no-halal.yaml: NOT YET ELIGIBLE (1 gap, 0 unknown)" in proc.stdout


# ---------------------------------------------------------------- config and waivers


def write_config(folder: Path, text: str) -> None:
    (folder / ".ovopcheck.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    shutil.copytree(EXAMPLES / "dossiers", tmp_path / "dossiers")
    shutil.copy(EXAMPLES / "food-no-halal.yaml", tmp_path / "food.yaml")
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_config_is_found_upward_and_flags_override(repo: Path) -> None:
    write_config(repo, "lang: en\nfail_on: [never]\nas_of: 2026-11-28\n")
    proc = run_cli("../food.yaml", cwd=repo / "sub")
    assert proc.returncode == 0 and "NOT YET ELIGIBLE" in proc.stdout
    assert run_cli("../food.yaml", "--fail-on", "gap", cwd=repo / "sub").returncode == 1
    assert "BELUM LAYAK" in run_cli("../food.yaml", "--lang", "id", cwd=repo / "sub").stdout


def test_config_does_not_leak_past_the_repository_root(repo: Path) -> None:
    write_config(repo.parent, "fail_on: [never]\n")
    try:
        assert run_cli("food.yaml", cwd=repo).returncode == 1
    finally:
        (repo.parent / ".ovopcheck.yaml").unlink()


def test_config_command_shows_sources(repo: Path) -> None:
    write_config(repo, "lang: en\nfail_on: [gap]\n")
    proc = run_cli("config", cwd=repo)  # the config's lang (en) is the language of what config prints
    assert proc.returncode == 0
    assert re.search(r'^fail_on = \["gap"\]\s+# .*\.ovopcheck\.yaml:2$', proc.stdout, re.MULTILINE), proc.stdout
    assert re.search(r'^program = "ovop"\s+# default$', proc.stdout, re.MULTILINE)


def test_unknown_config_key_names_file_and_line(repo: Path) -> None:
    write_config(repo, "lang: en\nfail-on: [gap]\n")
    proc = run_cli("food.yaml", cwd=repo)
    assert proc.returncode == 2
    assert ".ovopcheck.yaml:2:1: fail-on:" in proc.stderr


def test_pyproject_config(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.ovopcheck]\nlang = "en"\nfail-on = ["never"]\n', encoding="utf-8"
    )
    assert run_cli("food.yaml", cwd=repo).returncode == 0
    (repo / "pyproject.toml").write_text('[tool.ovopcheck]\nlang = "en"\nfailon = ["never"]\n', encoding="utf-8")
    proc = run_cli("food.yaml", cwd=repo)
    assert proc.returncode == 2 and "pyproject.toml:3:1: failon" in proc.stderr


WAIVER = """waivers:
  - criterion: ovop.food-halal
    profile: food.yaml
    justification: Sertifikat dalam proses di BPJPH
    approved_by: Kabid IKM
    expires: {expires}
"""


def test_waiver_applies_and_is_reported(repo: Path) -> None:
    write_config(repo, WAIVER.format(expires="2027-01-31"))
    proc = run_cli("food.yaml", "--as-of", "2026-11-28", "--lang", "en", "--width", "200", cwd=repo)
    assert proc.returncode == 0, proc.stdout
    assert (
        "WAIVED (GAP)" in proc.stdout
        and "waived: Sertifikat dalam proses di BPJPH (approved by Kabid IKM" in proc.stdout
    )
    record = json.loads(run_cli("food.yaml", "--as-of", "2026-11-28", "-f", "json", cwd=repo).stdout)
    halal = next(f for f in record["files"][0]["evaluations"][0]["findings"] if f["criterion"] == "ovop.food-halal")
    assert halal["status"] == "gap" and halal["waiver"]["approved_by"] == "Kabid IKM" and not halal["blocks"]
    sarif = json.loads(run_cli("food.yaml", "--as-of", "2026-11-28", "-f", "sarif", cwd=repo).stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "ovop.food-halal")
    assert result["suppressions"][0]["kind"] == "external"


def test_expired_waiver_stops_applying(repo: Path) -> None:
    write_config(repo, WAIVER.format(expires="2026-11-27"))
    proc = run_cli("food.yaml", "--as-of", "2026-11-28", "--lang", "en", "--width", "200", cwd=repo)
    assert proc.returncode == 1
    assert "a waiver expired on 2026-11-27 and no longer applies" in proc.stdout


def test_waiver_for_another_profile_does_not_apply(repo: Path) -> None:
    write_config(repo, WAIVER.format(expires="2027-01-31").replace("profile: food.yaml", "profile: dossiers/*/"))
    assert run_cli("food.yaml", "--as-of", "2026-11-28", cwd=repo).returncode == 1


# ---------------------------------------------------------------- README CI examples and pre-commit


def test_pre_commit_hooks_file() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"]: h for h in hooks}
    assert set(ids) == {"ovopcheck"}  # tests/test_pre_commit.py runs it through pre-commit itself
    for hook in hooks:
        assert hook["entry"].startswith("ovopcheck ") and hook["language"] == "python"
    entry = ids["ovopcheck"]["entry"].split()[1:]
    proc = run_cli(*entry, "examples/dossiers/dodol-halal-expired/profile.yaml", "--as-of", AS_OF.isoformat())
    assert proc.returncode == 1 and "BELUM LAYAK" in proc.stdout


@pytest.mark.parametrize("count", [0, 1, 5])
def test_streamed_documents_are_what_one_whole_serialisation_gives(count: int) -> None:
    # json, sarif and junit are written file by file (a batch may hold thousands); the text must be
    # exactly what serialising the finished document at once gives, for no file, one, or several.
    import xml.etree.ElementTree as ET

    from ovopcheck.api import check_paths, write_report
    from ovopcheck.sets import load_programme

    cset = load_programme("ovop", AS_OF)
    results = list(check_paths([ROOT / p for p in INPUTS[:count]], cset, AS_OF))
    for fmt in ("json", "sarif"):
        out = io.StringIO()
        write_report(results, fmt, out, cset, AS_OF, lang="en")
        text = out.getvalue()
        assert json.dumps(json.loads(text), ensure_ascii=True, indent=2, sort_keys=True) + "\n" == text, fmt
    out = io.StringIO()
    write_report(results, "junit", out, cset, AS_OF, lang="en")
    root = ET.fromstring(out.getvalue().split("\n", 1)[1])
    assert len(root) == (0 if count == 0 else len(INPUTS[:count]))  # one suite per file (none variant here)
    ET.indent(root)
    whole = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    assert out.getvalue() == whole


def test_html_sections_follow_the_summary_in_input_order() -> None:
    out = run("--format", "html").stdout
    assert out.index("<h2>") < out.index('id="file-1"')  # the summary first
    anchors = re.findall(r'<div class="file" id="file-(\d+)">', out)
    assert anchors == [str(n) for n in range(1, len(INPUTS) + 1)]
    assert out.endswith("</body></html>\n")


def test_fail_on_never_lets_a_broken_file_through_only_by_name(tmp_path: Path) -> None:
    broken = "examples/invalid/workforce-in-words.yaml"
    assert run_cli("examples/batik-eligible.yaml", broken, "-q", "--fail-on", "gap").returncode == 2
    assert run_cli("examples/anyaman-missing-info.yaml", broken, "-q", "--fail-on", "gap").returncode == 2
    assert run_cli("examples/anyaman-missing-info.yaml", "-q", "--fail-on", "gap").returncode == 0
    assert run_cli("examples/batik-eligible.yaml", broken, "-q", "--fail-on", "never").returncode == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--fail-on", "never", "--fail-on", "gap"], "cannot be combined with gap"),
        (["--fail-on", "never,unknown"], "cannot be combined with unknown"),
        (["--fail-on", "gapp"], "'gapp' is not one of the choices (did you mean 'gap'?)"),
        (["--fail-on", "gap,,unknwn"], "'unknwn'"),
    ],
)
def test_contradictory_or_unknown_fail_on_is_a_usage_error(args: list[str], said: str) -> None:
    proc = run_cli("examples/batik-eligible.yaml", *args, "--lang", "en")
    assert proc.returncode == 2 and said in proc.stderr, proc.stderr
    assert proc.stdout == ""


def test_fail_on_comma_list_in_the_config(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "anyaman-missing-info.yaml", tmp_path / "p.yaml")
    write_config(tmp_path, "fail_on: gap,invalid\n")
    assert run_cli("p.yaml", "-q", cwd=tmp_path).returncode == 0  # unknowns do not fail
    write_config(tmp_path, "fail_on: [gap, unknown]\n")
    assert run_cli("p.yaml", "-q", cwd=tmp_path).returncode == 1
    write_config(tmp_path, "fail_on: gap,never\n")
    assert run_cli("p.yaml", "-q", cwd=tmp_path).returncode == 2


def test_a_missing_outside_resource_fails_under_ci_and_skips_elsewhere(tmp_path: Path) -> None:
    # The rule every test that needs something from outside follows (tests/conftest.py: missing).
    probe = tmp_path / "test_probe.py"
    probe.write_text("from tests.conftest import missing\n\ndef test_it():\n    missing('the thing')\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe), "--rootdir", str(ROOT)]
    outside = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert outside.returncode == 0 and "1 skipped" in outside.stdout, outside.stdout
    under_ci = subprocess.run(command, cwd=ROOT, env={**env, "CI": "true"}, capture_output=True, text=True, check=False)
    assert under_ci.returncode == 1 and "the thing (CI must provide it)" in under_ci.stdout, under_ci.stdout

"""The real command: exit codes, help, languages, safety of what it prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import AS_OF, run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_help_documents_exit_codes() -> None:
    english = run_cli("--help", env={"OVOPCHECK_LANG": "en"})
    assert english.returncode == 0
    for line in ("0  every file checked and eligible", "1  checked, not yet eligible", "2  could not check"):
        assert line in english.stdout
    indonesian = run_cli("--help", env={"OVOPCHECK_LANG": "id"})
    for line in ("0  semua berkas diperiksa dan layak", "1  sudah diperiksa, belum layak", "2  tidak dapat diperiksa"):
        assert line in indonesian.stdout
    check_help = run_cli("check", "--help", env={"OVOPCHECK_LANG": "en"})
    assert "2  could not check" in check_help.stdout and "--as-of" in check_help.stdout


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("ovopcheck ")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["examples/batik-eligible.yaml", "--as-of", "2026-02-30"], "2026-02-30"),
        (["examples/batik-eligible.yaml", "--program", "nope"], "nope"),
        (["examples/batik-eligible.yaml", "--lang", "fr"], "fr"),
        (["does-not-exist.yaml"], "does-not-exist.yaml"),
        (["examples"], "examples"),
        (["check"], ""),
    ],
)
def test_usage_and_input_errors_exit_2_without_traceback(args: list[str], needle: str) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert needle in proc.stderr


def test_languages(tmp_path: Path) -> None:
    en = run_cli("examples/food-no-halal.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en")
    idn = run_cli("examples/food-no-halal.yaml", "--as-of", AS_OF.isoformat(), "--lang", "id")
    assert "NOT YET ELIGIBLE" in en.stdout and "no halal certificate is held" in en.stdout
    assert "BELUM LAYAK" in idn.stdout and "belum memiliki sertifikat halal" in idn.stdout
    env_en = run_cli("examples/food-no-halal.yaml", "--as-of", AS_OF.isoformat(), env={"OVOPCHECK_LANG": "en"})
    assert "NOT YET ELIGIBLE" in env_en.stdout
    default = run_cli("examples/food-no-halal.yaml", "--as-of", AS_OF.isoformat())
    assert "BELUM LAYAK" in default.stdout  # C.UTF-8 locale: Indonesian is the default


def test_report_header_names_programme_regime_and_date() -> None:
    proc = run_cli("examples/batik-eligible.yaml", "--as-of", "2026-11-28", "--lang", "en")
    assert proc.returncode == 0
    out = proc.stdout
    assert "Batik Tulis Sekar Jagad (NIB 0120304050607)" in out  # leading zero kept
    assert "ovop-2021 v1.1" in out and "Permenperin 14 Tahun 2021" in out and "2026-11-28" in out
    assert "industri kecil" in out
    assert "ELIGIBLE TO BE PROPOSED" in out


def test_report_fits_80_columns_and_has_no_colour_when_piped() -> None:
    proc = run_cli("examples/anyaman-missing-info.yaml", "--as-of", AS_OF.isoformat())
    assert not ANSI.search(proc.stdout)
    assert max(len(line) for line in proc.stdout.splitlines()) <= 80


def test_colour_follows_force_color_and_no_color() -> None:
    forced = run_cli("examples/food-no-halal.yaml", env={"FORCE_COLOR": "1"})
    assert ANSI.search(forced.stdout)
    both = run_cli("examples/food-no-halal.yaml", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", both.stdout)  # no foreground colours
    assert "✘ KURANG" in both.stdout  # status still readable without colour


def _profile(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(
        f'schema_version: 1\nbusiness:\n  name: "{name}"\nproduct:\n  commodity_group: kain_batik\n', encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("[bold red]Pabrik[/] [link=http://x]y[/link]", "[bold red]Pabrik[/] [link=http://x]y[/link]"),
        ("Batik \\e[31mMerah\\e]8;;http://evil\\a", "\\u001b[31mMerah\\u001b]8;;http://evil\\u0007"),
        ("Batik \\u202eadanI", "\\u202eadanI"),
        ("Zero\\u200bwidth", "Zero\\u200bwidth"),
    ],
)
def test_values_are_never_interpreted(tmp_path: Path, name: str, shown: str) -> None:
    proc = run_cli(str(_profile(tmp_path, name)), "--as-of", AS_OF.isoformat(), env={"FORCE_COLOR": "1"})
    assert proc.returncode == 1
    plain = ANSI.sub("", proc.stdout)
    assert shown in plain
    assert "\x1b]8" not in proc.stdout and "\u202e" not in proc.stdout and "\x07" not in proc.stdout


def test_file_name_with_escape_is_shown_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "evil\x1b[31m.yaml"
    bad.write_text("schema_version: 1\nsize: {workforce: banyak}\n", encoding="utf-8")  # invalid: an error line
    proc = run_cli(str(bad))
    assert proc.returncode == 2
    assert "\x1b" not in proc.stderr and "evil\\u001b[31m.yaml" in proc.stderr


def test_schema_command_prints_the_profile_schema() -> None:
    proc = run_cli("schema")
    assert proc.returncode == 0
    printed = json.loads(proc.stdout)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "schema_version" in printed["required"]
    assert json.loads(run_cli("schema", "criteria").stdout)["title"].startswith("ovopcheck criteria")


def test_published_schemas_are_valid_draft_2020_12() -> None:
    from jsonschema import Draft202012Validator

    from ovopcheck.loading.resources import schema

    for name in ("profile", "criteria"):
        Draft202012Validator.check_schema(schema(name))


def test_python_api_import_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, ovopcheck; print('jsonschema' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_verbose_shows_exact_values() -> None:
    proc = run_cli("examples/tenun-sentra-four-units.yaml", "--as-of", AS_OF.isoformat(), "--lang", "en", "-v")
    assert "sentra.business_units = 4; at least 5" in proc.stdout


def test_field_reference_in_docs_is_current() -> None:
    from ovopcheck.tools.schemadocs import fields_markdown

    from .conftest import ROOT

    assert fields_markdown() in (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")


def test_readme_commands_match_ci() -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    assert test_command in readme and test_command in ci


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schema_version: 1\nbusiness:\n  name: A\n  name: B\n", "p.yaml:4:3: key 'name' appears twice"),
        ("schema_version: 1\nbusiness: &b {name: A}\nnotes: *b\n", "p.yaml:3:1: YAML aliases (*) are not allowed"),
        ("schema_version: 1\nbusiness: !!python/object:os.system {name: A}\n", "p.yaml:2:11: YAML tag"),
        ("", "p.yaml: the file is empty"),
        ("- a\n", "p.yaml:1:1: the file must hold a mapping"),
    ],
)
def test_bad_yaml_is_a_located_one_line_error(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("p.yaml", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(expected), proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr


def test_terminal_polish(tmp_path: Path) -> None:
    # -V is the version; --help says the exit codes once; command descriptions are not cut.
    assert run_cli("-V").stdout.startswith("ovopcheck ")
    top = run_cli("--help", env={"OVOPCHECK_LANG": "en"}).stdout
    commands = top[top.index("Commands:") :].split("Exit codes")[0]
    assert top.count("Exit codes:") == 1 and "..." not in commands and "Upakarti" in top
    # -o laporan.html takes the format from the extension; an unknown one is said in the report language.
    page = tmp_path / "laporan.html"
    assert run_cli("examples/batik-eligible.yaml", "-q", "-o", str(page)).returncode == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    wrong = run_cli("examples/batik-eligible.yaml", "-q", "-o", str(tmp_path / "laporan.xyz"))
    assert wrong.returncode == 2 and "tulis FORMAT:BERKAS" in wrong.stderr
    # Piped text has no trailing spaces (email, WhatsApp); -q is one line per file and one of totals.
    full = run_cli("examples/batik-eligible.yaml", "examples/food-no-halal.yaml")
    assert not [line for line in full.stdout.splitlines() if line != line.rstrip()]
    quiet = run_cli("examples/batik-eligible.yaml", "examples/food-no-halal.yaml", "-q", "--lang", "en")
    lines = quiet.stdout.splitlines()
    assert len(lines) == 3 and lines[-1].startswith("Summary of 2 files: ")


def test_a_glob_the_shell_did_not_expand_is_expanded() -> None:
    # Windows' shells pass examples\*.yaml through as written: ovopcheck expands it itself.
    proc = run_cli("examples/*.yaml", "-q", "--lang", "en", "--as-of", "2026-11-28")
    assert proc.stdout.splitlines()[-1].startswith("Summary of 7 files")
    missing = run_cli("nowhere/*.yaml", "--lang", "en")
    assert missing.returncode == 2 and "nowhere/*.yaml: file not found" in missing.stderr


def test_plain_text_commands_read_well_at_80_columns() -> None:
    for args in (["criteria", "show", "ovop-2021"], ["explain", "ovop.food-halal"], ["criteria", "list"]):
        proc = run_cli(*args, env={"COLUMNS": "80"})
        assert proc.returncode == 0
        long = [line for line in proc.stdout.splitlines() if len(line) > 80 and len(line.split()) > 1]
        assert long == [], args  # only a single unbreakable word (a URL) may run past the edge
        assert not re.search(r"\w…", proc.stdout), args  # nothing cut short with an ellipsis (an open end is '…')

"""The Python API returns the objects the CLI renders; language choice; next steps."""

from __future__ import annotations

import io
import json

import pytest

from ovopcheck import check_paths, load_programme, write_report
from ovopcheck.config import resolve_language
from ovopcheck.report.steps import plan
from ovopcheck.report.view import view_of

from .conftest import AS_OF, EXAMPLES, run_cli


def test_check_paths_and_write_report_match_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    criteria = load_programme("ovop", AS_OF)
    results = list(check_paths(["examples/food-no-halal.yaml", "examples/invalid"], criteria, AS_OF))
    assert [r.checked for r in results] == [True, False]
    buffer = io.StringIO()
    code = write_report(results, "json", buffer, criteria, AS_OF, lang="en")
    cli = run_cli(
        "examples/food-no-halal.yaml",
        "examples/invalid",
        "-f",
        "json",
        "--lang",
        "en",
        "--as-of",
        AS_OF.isoformat(),
        "--jobs",
        "1",
    )
    assert code == cli.returncode == 2
    api_record, cli_record = json.loads(buffer.getvalue()), json.loads(cli.stdout)
    assert [f["verdict"] for f in api_record["files"]] == [f["verdict"] for f in cli_record["files"]]
    assert api_record["summary"] == cli_record["summary"]


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("en", {"OVOPCHECK_LANG": "id"}, "en"),
        (None, {"OVOPCHECK_LANG": "en"}, "en"),
        (None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, {"LC_ALL": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "id"),
        (None, {"OVOPCHECK_LANG": "fr", "LANG": "C.UTF-8"}, "id"),
    ],
)
def test_language_resolution(explicit: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_language(explicit, environ) == expected


def test_next_steps_are_grouped_documents_information_fixes_advice_points() -> None:
    criteria = load_programme("ovop", AS_OF)
    result = next(iter(check_paths([EXAMPLES / "tenun-sentra-four-units.yaml"], criteria, AS_OF)))
    groups = plan(view_of(result), result.evaluations[0], "en")
    kinds = [g.kind for g in groups]
    assert kinds == sorted(kinds, key=["documents", "fill", "fix", "advice", "points"].index)
    fix = next(g for g in groups if g.kind == "fix")
    assert fix.steps[0].startswith("The sentra has at least 5 business units: the sentra has 4 business units")
    points = next(g for g in groups if g.kind == "points")
    gains = [int(s.split("+")[1].split()[0]) for s in points.steps]
    assert gains == sorted(gains, reverse=True)


def test_information_to_fill_in_names_each_field_by_label_and_line() -> None:
    criteria = load_programme("ovop", AS_OF)
    result = next(iter(check_paths([EXAMPLES / "anyaman-missing-info.yaml"], criteria, AS_OF)))
    fill = next(g for g in plan(view_of(result), result.evaluations[0], "id") if g.kind == "fill")
    assert "Nomor Induk Berusaha dari OSS (business.nib, baris 8)" in fill.steps
    assert "Tanggal SK (sentra.decree.date, baris 18)" in fill.steps


def test_every_message_key_is_used() -> None:
    """Dead messages drift untranslated: each key must be used by the code (some by computed names)."""
    from pathlib import Path

    from ovopcheck.report.messages import MESSAGES

    package = Path(__file__).resolve().parent.parent / "ovopcheck"
    catalog = package / "report" / "messages.py"
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p != catalog)
    computed = (
        "status.",
        "kind.",
        "verdict.",
        "doc.",
        "docproblem.",
        "op.",
        "summary.col.",
        "schema_",
        "steps.",
        "report.programme_from.",
        "tag.",
        "oserror.",
        "list.",
        "help.",
        "choice.",
        "cli.config_source.",
        "region.",  # region.{Placed.problem}
        "xlsx.col.",
    )
    # key.one is the singular of key, chosen by sentences.counted.
    computed_singular = tuple(k for k in MESSAGES if k.endswith(".one") and k.removesuffix(".one") in MESSAGES)
    # click.X is used as word("X") (cli/localized.py).
    used = {k for k in MESSAGES if k.startswith("click.") and f'"{k.removeprefix("click.")}"' in source}
    unused = [
        k
        for k in MESSAGES
        if f'"{k}"' not in source
        and f"'{k}'" not in source
        and not k.startswith(computed)
        and k not in used
        and k not in computed_singular
    ]
    assert unused == []


def test_the_readme_api_example_runs_as_written(tmp_path) -> None:
    import re
    import subprocess
    import sys

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    (tmp_path / "examples").symlink_to(EXAMPLES)
    proc = subprocess.run(
        [sys.executable, "-c", code.group(1)], capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "eligible 0"
    assert "ovop.sentra-units met" in proc.stdout
    assert (tmp_path / "laporan.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_names_of_0_1_keep_working_for_one_release() -> None:
    import ovopcheck
    from ovopcheck.model.results import Evaluation, FileResult

    assert ovopcheck.ProfileResult is Evaluation  # renamed: the old name is an alias
    for old in ("FailedFile", "VariantResult"):  # replaced by the one result type, with a warning
        with pytest.warns(DeprecationWarning, match="FileResult"):
            assert getattr(ovopcheck, old) is FileResult
    for name in ovopcheck.__all__:
        assert getattr(ovopcheck, name) is not None

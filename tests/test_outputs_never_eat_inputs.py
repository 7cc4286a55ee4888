"""Nothing the tool writes destroys an input (issue 16, class 1): an output that is a file of the run is
refused before anything is opened, and each output is written beside its target and moved into place
only at the end, so a run that stops early leaves the previous report as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import AS_OF, EXAMPLES, run_cli

PROFILE = (EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "link.json").symlink_to("p.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("inputs", "output"),
    [
        (["p.yaml"], "json:p.yaml"),  # the profile itself
        (["p.yaml"], "sarif:link.json"),  # the profile, through a link
        (["."], "json:q.yaml"),  # would be read as a profile of the walked folder
        (["p.yaml"], "p.yaml"),  # by extension: no format, and an input anyway
    ],
)
def test_an_output_on_an_input_is_refused_and_the_input_kept(folder: Path, inputs: list[str], output: str) -> None:
    proc = run_cli(*inputs, "-q", "-o", output, "--as-of", AS_OF.isoformat(), "--lang", "en", cwd=folder)
    assert proc.returncode == 2
    assert (folder / "p.yaml").read_text(encoding="utf-8") == PROFILE
    assert not (folder / "q.yaml").exists()


def test_the_refusal_says_why(folder: Path) -> None:
    proc = run_cli("p.yaml", "-o", "json:p.yaml", "--lang", "en", cwd=folder)
    assert "a report is never written over an input" in proc.stderr


def test_a_run_that_stops_early_leaves_the_previous_report(folder: Path) -> None:
    # Interrupted (Ctrl-C) or stopped by a bug half-way: the report already there is kept as it was.
    import datetime as dt
    import io

    from ovopcheck.batch.run import Output, open_outputs
    from ovopcheck.report.formats import ReportContext
    from ovopcheck.sets import load_programme

    (folder / "laporan.json").write_text("previous report\n", encoding="utf-8")
    ctx = ReportContext("id", frozenset(), load_programme("ovop", AS_OF), dt.date(2026, 11, 28))
    with (
        pytest.raises(KeyboardInterrupt),
        open_outputs(Output("text", ctx, io.StringIO()), [("json", ctx, str(folder / "laporan.json"))]) as outputs,
    ):
        outputs[1].stream.write("{ half a report")
        raise KeyboardInterrupt
    assert (folder / "laporan.json").read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in folder.iterdir()) == ["laporan.json", "link.json", "p.yaml"]  # no leftovers


def test_a_finished_run_replaces_the_report_with_the_usual_permissions(folder: Path) -> None:
    proc = run_cli("p.yaml", "-q", "-o", "json:laporan.json", "--as-of", AS_OF.isoformat(), cwd=folder)
    assert proc.returncode == 0
    report = folder / "laporan.json"
    assert report.read_text(encoding="utf-8").startswith("{")
    umask = os.umask(0)
    os.umask(umask)
    assert report.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in folder.iterdir()) == ["laporan.json", "link.json", "p.yaml"]


def test_a_run_that_cannot_finish_leaves_valid_documents_that_say_why(tmp_path: Path) -> None:
    # Nothing to check: every machine-readable output, on stdout or in a file, is a valid document
    # recording the error (never 0 bytes), read by the consumers CI uses.
    import json
    import xml.etree.ElementTree as ET

    from jsonschema import Draft202012Validator, validators

    from ovopcheck.loading.resources import schema

    from .conftest import ROOT

    (tmp_path / "kosong").mkdir()
    outputs = ["sarif:r.sarif", "junit:r.xml", "jsonl:r.jsonl", "github:r.txt", "markdown:r.md", "html:r.html"]
    proc = run_cli("kosong", "-f", "json", *(a for o in outputs for a in ("-o", o)), "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2 and "no profile" in proc.stderr
    record = json.loads(proc.stdout)
    Draft202012Validator(schema("report")).validate(record)
    assert record["files"] == [] and "no profile" in record["error"]
    log = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["toolExecutionNotifications"]
    oasis = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if oasis.is_file():
        sarif_schema = json.loads(oasis.read_text(encoding="utf-8"))
        validators.validator_for(sarif_schema)(sarif_schema).validate(log)
    elif os.environ.get("CI"):
        pytest.fail(f"the OASIS SARIF schema is not at {oasis}")
    errors = list(ET.fromstring((tmp_path / "r.xml").read_text(encoding="utf-8")).iter("error"))
    assert len(errors) == 1 and "no profile" in errors[0].get("message", "")
    assert "no profile" in json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))["error"]
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("::error title=ovopcheck::")
    for name in ("r.md", "r.html"):
        assert "no profile" in (tmp_path / name).read_text(encoding="utf-8")

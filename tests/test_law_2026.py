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

"""Every path given is accounted for (issue 16, class 6): nothing named on the command line, and nothing a
walked folder holds that the walk does not read, disappears from the report without a word."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from ovopcheck.batch.discover import Skipped

from .conftest import AS_OF, EXAMPLES, run_cli

needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")


def _report(proc_stdout: str) -> dict[str, str]:
    """Each file of a JSON report, by the name it was reported under, with its first problem (or its verdict)."""
    record = json.loads(proc_stdout)
    out: dict[str, str] = {}
    for entry in record["files"]:
        problems = entry.get("problems") or []
        out[Path(entry["path"]).as_posix()] = problems[0]["message"] if problems else entry["verdict"]
    return out


@needs_links
def test_dossier_folders_named_on_the_command_line_are_each_reported(tmp_path: Path) -> None:
    # The README's CI usage `ovopcheck dossiers/*/`: a dossier whose profile.yaml is missing, a folder or a
    # link out is "could not check", also next to a profile that is fine.
    shutil.copy(EXAMPLES / "batik-eligible.yaml", tmp_path / "baik.yaml")
    outside = tmp_path / "luar"
    outside.mkdir()
    shutil.copy(EXAMPLES / "batik-eligible.yaml", outside / "rahasia.yaml")
    (tmp_path / "tanpa-profil" / "dokumen").mkdir(parents=True)
    (tmp_path / "tanpa-profil" / "dokumen" / "nib.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "profil-folder" / "profile.yaml").mkdir(parents=True)
    (tmp_path / "profil-tautan").mkdir()
    (tmp_path / "profil-tautan" / "profile.yaml").symlink_to(outside / "rahasia.yaml")
    (tmp_path / "profil-putus").mkdir()
    (tmp_path / "profil-putus" / "profile.yaml").symlink_to("hilang.yaml")  # broken, inside the folder
    given = ["baik.yaml", "tanpa-profil", "profil-folder", "profil-tautan", "profil-putus"]
    proc = run_cli(*given, "-f", "json", "--lang", "en", "--as-of", AS_OF.isoformat(), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    files = _report(proc.stdout)
    assert files["baik.yaml"] == "eligible"
    assert "nothing to check in this folder" in files["tanpa-profil"]
    assert "folder, not a profile file" in files["profil-folder/profile.yaml"]
    assert "leads outside the dossier folder" in files["profil-tautan/profile.yaml"]
    assert "not found" in files["profil-putus/profile.yaml"]
    assert len(files) == len(given)  # one entry per path given, none lost, none twice


def test_an_empty_folder_next_to_profiles_is_reported_in_its_place(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "batik-eligible.yaml", tmp_path / "baik.yaml")
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong-juga").mkdir()
    proc = run_cli("kosong", "baik.yaml", "kosong-juga", "-f", "jsonl", "--lang", "id", cwd=tmp_path)
    assert proc.returncode == 2
    sources = [json.loads(line)["path"] for line in proc.stdout.splitlines()]
    assert sources == ["kosong", "baik.yaml", "kosong-juga"]  # in the order given
    assert proc.stderr.count("tidak ada yang dapat diperiksa di folder ini") == 2


@needs_links
def test_what_a_walked_folder_skips_is_listed_with_the_reason(tmp_path: Path) -> None:
    batch = tmp_path / "berkas"
    batch.mkdir()
    shutil.copy(EXAMPLES / "batik-eligible.yaml", batch / "baik.yaml")
    outside = tmp_path / "luar"
    outside.mkdir()
    shutil.copy(EXAMPLES / "batik-eligible.yaml", outside / "rahasia.yaml")
    (batch / "tautan.yaml").symlink_to(outside / "rahasia.yaml")
    (batch / "folder-luar").symlink_to(outside, target_is_directory=True)
    (batch / "catatan.txt").symlink_to(outside / "rahasia.yaml")  # not a profile by its name: not listed
    if hasattr(os, "mkfifo"):
        os.mkfifo(batch / "pipa.yaml")
    proc = run_cli("berkas", "-f", "json", "--lang", "en", "--as-of", AS_OF.isoformat(), cwd=tmp_path)
    assert proc.returncode == 2  # the run is incomplete, and says so
    files = _report(proc.stdout)
    assert files.pop("berkas/baik.yaml") == "eligible"
    for name in ("berkas/tautan.yaml", "berkas/folder-luar"):
        assert "leads outside the folder being checked" in files.pop(name)
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in files.pop("berkas/pipa.yaml")
    assert files == {}
    assert "rahasia" not in proc.stdout  # what the links point to was never read
    # Left out on purpose, they are no longer a reason the run is incomplete.
    excluded = run_cli(
        "berkas", "--exclude", "tautan.yaml", "--exclude", "folder-luar", "--exclude", "pipa.yaml",
        "-q", "--as-of", AS_OF.isoformat(), cwd=tmp_path,
    )  # fmt: skip
    assert excluded.returncode == 0, excluded.stdout + excluded.stderr


@needs_links
def test_skipped_paths_travel_to_worker_processes(tmp_path: Path) -> None:
    assert pickle.loads(pickle.dumps(Skipped("a/b.yaml", "link_outside_folder"))).reason == "link_outside_folder"
    batch = tmp_path / "berkas"
    batch.mkdir()
    outside = tmp_path / "luar.yaml"
    shutil.copy(EXAMPLES / "batik-eligible.yaml", outside)
    for i in range(30):  # more than a small batch: checked in worker processes
        shutil.copy(EXAMPLES / "batik-eligible.yaml", batch / f"p{i:02d}.yaml")
    (batch / "p15-tautan.yaml").symlink_to(outside)
    proc = run_cli("berkas", "-j", "2", "-f", "jsonl", "--lang", "en", "--as-of", AS_OF.isoformat(), cwd=tmp_path)
    assert proc.returncode == 2
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 31
    linked = [line for line in lines if line["path"].endswith("p15-tautan.yaml")]
    assert len(linked) == 1 and "leads outside the folder being checked" in json.dumps(linked[0])

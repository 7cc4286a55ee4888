"""Dossier documents: every check with a real file on disk; nothing outside the dossier is read."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from ovopcheck import check_file, load_programme
from ovopcheck.documents import DocumentCheck, inspect, judge
from ovopcheck.model.enums import Status, Verdict

from .conftest import AS_OF, EXAMPLES, run_cli

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    root = tmp_path / "dossier"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "halal.pdf").write_bytes(PDF)
    return root


def check_one(root: Path, entry: dict, profile: dict | None = None, as_of: dt.date = AS_OF) -> DocumentCheck:
    facts = [inspect(root, entry["path"])]
    return judge([entry], facts, profile or {}, as_of)[0]


def test_a_valid_document(dossier: Path) -> None:
    check = check_one(dossier, {"type": "halal_certificate", "path": "docs/halal.pdf", "expires": "2030-01-01"})
    assert check.valid and check.problem is None


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("../outside.pdf", "outside"),
        ("docs/../../outside.pdf", "outside"),
        ("/etc/passwd", "absolute"),
        ("C:\\\\Windows\\\\win.ini", "absolute"),
        ("docs/missing.pdf", "not_found"),
        ("docs", "not_regular"),
    ],
)
def test_paths_that_may_not_be_read(dossier: Path, path: str, problem: str) -> None:
    (dossier.parent / "outside.pdf").write_bytes(PDF)
    assert check_one(dossier, {"type": "other", "path": path}).problem == problem


def test_symlink_leading_outside_is_refused(dossier: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(PDF + b"secret")
    (dossier / "docs" / "link.pdf").symlink_to(secret)
    facts = inspect(dossier, "docs/link.pdf")
    assert facts.problem == "outside" and facts.sha256 is None  # never opened, never hashed


def test_symlinked_folder_leading_outside_is_refused(dossier: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.pdf").write_bytes(PDF)
    (dossier / "linked").symlink_to(elsewhere, target_is_directory=True)
    assert inspect(dossier, "linked/a.pdf").problem == "outside"


def test_symlink_inside_the_dossier_is_followed(dossier: Path) -> None:
    (dossier / "docs" / "alias.pdf").symlink_to("halal.pdf")
    assert inspect(dossier, "docs/alias.pdf").kind == "pdf"


def test_symlink_loop(dossier: Path) -> None:
    (dossier / "docs" / "a.pdf").symlink_to("b.pdf")
    (dossier / "docs" / "b.pdf").symlink_to("a.pdf")
    assert inspect(dossier, "docs/a.pdf").problem in {"not_regular", "not_found", "unreadable"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_fifo_is_never_opened(dossier: Path) -> None:
    os.mkfifo(dossier / "docs" / "pipe.pdf")
    assert inspect(dossier, "docs/pipe.pdf").problem == "not_regular"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="creating a device file needs root")
def test_device_file_is_never_opened(dossier: Path) -> None:
    import stat

    os.mknod(dossier / "docs" / "zero.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # like /dev/zero
    assert inspect(dossier, "docs/zero.pdf").problem == "not_regular"


def test_empty_and_too_large_files(dossier: Path) -> None:
    (dossier / "docs" / "empty.pdf").write_bytes(b"")
    assert inspect(dossier, "docs/empty.pdf").problem == "empty"
    (dossier / "docs" / "big.pdf").write_bytes(PDF + b"x" * 2000)
    assert inspect(dossier, "docs/big.pdf", max_bytes=1000).problem == "too_large"


def test_content_type_comes_from_magic_bytes_not_the_extension(dossier: Path) -> None:
    (dossier / "docs" / "renamed.pdf").write_bytes(b"MZ\x90\x00 this is an executable, not a PDF")
    check = check_one(dossier, {"type": "halal_certificate", "path": "docs/renamed.pdf"})
    assert check.problem == "wrong_type"
    (dossier / "docs" / "photo.pdf").write_bytes(JPEG)
    assert check_one(dossier, {"type": "product_photo", "path": "docs/photo.pdf"}).valid
    (dossier / "docs" / "scan.png").write_bytes(PNG)
    assert check_one(dossier, {"type": "nib", "path": "docs/scan.png"}).valid
    assert check_one(dossier, {"type": "product_photo", "path": "docs/halal.pdf"}).problem == "wrong_type"


def test_sha256(dossier: Path) -> None:
    right = hashlib.sha256(PDF).hexdigest()
    assert check_one(dossier, {"type": "other", "path": "docs/halal.pdf", "sha256": right.upper()}).valid
    wrong = check_one(dossier, {"type": "other", "path": "docs/halal.pdf", "sha256": "0" * 64})
    assert wrong.problem == "hash_mismatch"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"expires": "2026-11-27"}, "expired"),
        ({"expires": "2026-11-28"}, None),  # valid through its last day
        ({"issued": "2026-11-29"}, "not_yet_valid"),
        ({"issued": "2020-01-01"}, None),
    ],
)
def test_validity_on_the_as_of_date(dossier: Path, entry: dict, problem: str | None) -> None:
    check = check_one(dossier, {"type": "other", "path": "docs/halal.pdf", **entry})
    assert check.problem == problem


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"type": "nib", "number": "0120304050607"}, None),
        ({"type": "nib", "number": "012030405060"}, "bad_number"),
        ({"type": "spp_irt", "number": "206321301234530", "expires": "2030-02-10"}, None),
        ({"type": "spp_irt", "number": "206321301234529", "expires": "2030-02-10"}, "pirt_year_mismatch"),
        ({"type": "spp_irt", "number": "2063213012345", "expires": "2030-02-10"}, "bad_number"),
        ({"type": "spp_irt", "number": "206321301234526", "issued": "2021-11-27"}, "expired"),  # 5 years
        ({"type": "spp_irt", "number": "206321301234526", "issued": "2021-11-28"}, None),
        ({"type": "bpom_md", "number": "MD224510001234"}, None),
        ({"type": "bpom_md", "number": "ML224510001234"}, None),
        ({"type": "bpom_md", "number": "MD2245100012"}, "bad_number"),
    ],
)
def test_number_shapes(dossier: Path, entry: dict, problem: str | None) -> None:
    assert check_one(dossier, {"path": "docs/halal.pdf", **entry}).problem == problem


def test_number_must_match_the_profile(dossier: Path) -> None:
    profile = {"business": {"nib": "0120304050607"}}
    assert check_one(dossier, {"type": "nib", "path": "docs/halal.pdf", "number": "0120304050607"}, profile).valid
    other = check_one(dossier, {"type": "nib", "path": "docs/halal.pdf", "number": "0120304050608"}, profile)
    assert other.problem == "number_differs"


# ---------------------------------------------------------------- dossiers end to end

DOSSIERS = EXAMPLES / "dossiers"


def test_complete_dossier_is_eligible() -> None:
    result = check_file(DOSSIERS / "batik-sekar-jagad", load_programme("ovop", AS_OF), AS_OF)
    assert result.verdict is Verdict.ELIGIBLE
    assert result.documents is not None and all(d.valid for d in result.documents)
    decree = next(f for f in result.evaluations[0].findings if f.criterion.id == "ovop.sentra-decree")
    assert decree.evidence[0].status is Status.MET and decree.evidence[0].document.path == "docs/sk-sentra.pdf"


def test_dossier_with_a_passed_halal_end_date_and_missing_decree() -> None:
    # Since PP 42/2024 Pasal 88(2) a halal certificate stays valid while its materials and process are
    # unchanged: the passed end date is advice to confirm with BPJPH, not an expired document.
    result = check_file(DOSSIERS / "dodol-halal-expired", load_programme("ovop", AS_OF), AS_OF)
    assert result.verdict is Verdict.NOT_ELIGIBLE
    findings = {f.criterion.id: f for f in result.evaluations[0].findings}
    gates = sorted(i for i, f in findings.items() if f.status is Status.GAP and f.criterion.kind.value == "gate")
    assert gates == ["ovop.sentra-decree"]
    assert findings["ovop.food-halal"].status is Status.MET
    assert findings["ovop.food-halal"].evidence[0].document.path == "docs/sertifikat-halal.pdf"
    assert findings["ovop.food-halal-end-date"].status is Status.GAP  # advisory: to confirm
    assert findings["ovop.sentra-decree"].evidence[0].document is None  # not in the dossier at all
    proc = run_cli(
        "examples/dossiers/dodol-halal-expired", "--as-of", AS_OF.isoformat(), "--lang", "en", "--width", "200"
    )
    assert proc.returncode == 1
    assert "bring the sentra decree (SK): not in the dossier" in proc.stdout
    assert "shows an end date of 2025-06-30, which has passed" in proc.stdout and "confirm with BPJPH" in proc.stdout


@pytest.mark.parametrize(("day", "expired"), [("2024-10-16", True), ("2024-10-17", False)])
def test_a_halal_certificate_end_date_ends_it_only_before_pp_42_2024(day: str, expired: bool, tmp_path: Path) -> None:
    copy = tmp_path / "d"
    shutil.copytree(DOSSIERS / "dodol-halal-expired", copy)
    profile = copy / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("2025-06-30", "2024-06-30"), encoding="utf-8")
    as_of = dt.date.fromisoformat(day)
    result = check_file(copy, load_programme("ovop", as_of), as_of)
    halal = next(d for d in result.documents or () if d.type == "halal_certificate")
    assert (halal.problem == "expired") is expired
    findings = {f.criterion.id: f.status for f in result.evaluations[0].findings}
    assert findings["ovop.food-halal-valid"] is (Status.GAP if expired else Status.NOT_APPLICABLE)
    assert findings["ovop.food-halal-end-date"] is (Status.NOT_APPLICABLE if expired else Status.GAP)


def test_the_same_profile_alone_is_judged_on_its_claims() -> None:
    proc = run_cli(
        "examples/dossiers/dodol-halal-expired/profile.yaml",
        "--as-of",
        AS_OF.isoformat(),
        "--lang",
        "en",
        "--width",
        "200",
    )
    assert proc.returncode == 0
    assert "Documents not checked: this is a lone profile" in proc.stdout


def test_dossier_checks_are_independent_of_the_working_folder(tmp_path: Path) -> None:
    copy = tmp_path / "d"
    shutil.copytree(DOSSIERS / "batik-sekar-jagad", copy)
    proc = run_cli("d", "--as-of", AS_OF.isoformat(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_profile_symlink_leading_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("schema_version: 1\nbusiness: {name: X}\n", encoding="utf-8")
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "profile.yaml").symlink_to(outside)
    proc = run_cli(str(folder), "--lang", "en")
    assert proc.returncode == 2 and "leads outside the dossier folder" in proc.stderr


def test_folder_without_profile(tmp_path: Path) -> None:
    proc = run_cli(str(tmp_path), "--lang", "en")
    assert proc.returncode == 2 and "no profile (*.yaml) or dossier" in proc.stderr


def test_hostile_dossier_finishes_quickly(tmp_path: Path) -> None:
    """FIFOs, loops, escapes and a device in one dossier: checked in well under the limit, nothing hangs."""
    folder = tmp_path / "d"
    (folder / "docs").mkdir(parents=True)
    os.mkfifo(folder / "docs" / "fifo.pdf")
    (folder / "docs" / "loop.pdf").symlink_to("loop.pdf")
    (folder / "docs" / "escape.pdf").symlink_to("/etc/hostname")
    entries = "\n".join(
        f"  - {{type: halal_certificate, path: {p}}}"
        for p in ["docs/fifo.pdf", "docs/loop.pdf", "docs/escape.pdf", "../x.pdf", "/dev/zero", "docs/none.pdf"]
    )
    (folder / "profile.yaml").write_text(
        "schema_version: 1\nbusiness: {name: X}\nproduct: {commodity_group: makanan_minuman}\n"
        "food_permits: {halal_certificate: {held: true, number: A1}}\n"
        f"documents:\n{entries}\n",
        encoding="utf-8",
    )
    import time

    start = time.monotonic()
    proc = run_cli(str(folder), "--lang", "en", "--width", "200")
    assert time.monotonic() - start < 10
    assert proc.returncode == 1, proc.stderr
    for reason in (
        "not a regular file",
        "leads outside the dossier",
        "absolute paths are not allowed",
        "file not found",
    ):
        assert reason in proc.stdout


# ---------------------------------------------------------------- init


def test_init_creates_a_skeleton_and_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "baru"
    first = run_cli("init", str(folder), "--lang", "en")
    assert first.returncode == 0, first.stderr
    profile = (folder / "profile.yaml").read_text(encoding="utf-8")
    checklist = (folder / "CHECKLIST.md").read_text(encoding="utf-8")
    assert "# Nama usaha sesuai pendaftaran. (Business name as registered.)" in profile
    assert "sertifikat halal (halal certificate)" in checklist and "`sentra_decree`" in checklist
    (folder / "profile.yaml").write_text("mine", encoding="utf-8")
    second = run_cli("init", str(folder), "--lang", "en")
    assert second.returncode == 1 and "already exists, not overwritten" in second.stderr
    assert (folder / "profile.yaml").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("programme", ["ovop", "upakarti"])
def test_template_is_a_valid_profile_once_named(tmp_path: Path, programme: str) -> None:
    from ovopcheck.loading.profile import profile_from_text
    from ovopcheck.tools.skeleton import profile_template

    text = profile_template(programme)
    key = "business" if programme == "ovop" else "nominee"
    start = text.index(f"\n{key}:\n")
    at = text.index("\n  name:\n", start)
    named = text[:at] + "\n  name: Contoh\n" + text[at + len("\n  name:\n") :]
    loaded = profile_from_text(named)
    assert loaded.data[key] == {"name": "Contoh"}


def test_template_mentions_every_field_of_its_sections() -> None:
    from ovopcheck.tools.schemadocs import field_rows
    from ovopcheck.tools.skeleton import SECTIONS, profile_template

    for programme, sections in SECTIONS.items():
        text = profile_template(programme)
        for path, *_ in field_rows():
            top = path.split(".")[0].removesuffix("[]")
            if top in sections:
                leaf = path.split(".")[-1].removesuffix("[]")
                assert f"{leaf}:" in text, (programme, path)


def test_init_upakarti_checklist(tmp_path: Path) -> None:
    proc = run_cli("init", str(tmp_path / "u"), "--program", "upakarti")
    assert proc.returncode == 0
    assert "nominee:" in (tmp_path / "u" / "profile.yaml").read_text(encoding="utf-8")
    assert run_cli("init", str(tmp_path / "v"), "--program", "nope").returncode == 2


@pytest.mark.parametrize("programme", ["ovop", "upakarti"])
def test_init_then_check_lists_what_to_fill_in(tmp_path: Path, programme: str) -> None:
    # An officer checks the template straight away to see what is needed: not "could not check".
    folder = tmp_path / "baru"
    assert run_cli("init", str(folder), "--program", programme).returncode == 0
    proc = run_cli(str(folder), "--program", programme, "--as-of", AS_OF.isoformat())
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert "BELUM LAYAK (informasi belum lengkap" in proc.stdout and "Isian yang perlu dilengkapi" in proc.stdout

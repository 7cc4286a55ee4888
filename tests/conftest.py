from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 28)


def missing(what: str) -> None:
    """Something a test needs from outside is not there: under CI (``CI`` set), which installs everything,
    that is a broken setup and the test fails; elsewhere it is skipped, with the reason."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must provide it)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def ovop_set():
    from ovopcheck import load_programme

    return load_programme("ovop")


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command, as an officer or CI would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "OVOPCHECK_LANG")}
    full_env.update({"COLUMNS": "80", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ovopcheck", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=cwd or ROOT,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Offline: build with the hatchling already installed, no isolated build environment.
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"wheel build failed:\n{proc.stdout}\n{proc.stderr}")
    (found,) = out.glob("ovopcheck-*.whl")
    return found


def criteria_with(requires: str, folder: Path) -> Path:
    """The bundled OVOP criteria, in ``folder``, with one criterion's condition replaced by ``requires``
    (flow-style YAML): criteria files are untrusted, and this is how a test writes a hostile one."""
    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    marker = (
        "    requires:\n      field: product.commodity_group\n"
        "      in: [makanan_minuman, kain_tenun, kain_batik, anyaman, gerabah]"
    )
    assert marker in text
    path = folder / "ovop-2021.yaml"
    path.write_text(text.replace(marker, "    requires: " + requires), encoding="utf-8")
    return path


def lend_dependencies(site: Path, tmp: Path) -> None:
    """Offline, a fresh environment borrows ovopcheck's dependencies from this one (a ``.pth`` file in its
    ``site``), never ovopcheck itself: what is tested is the ovopcheck the environment installed."""
    import sysconfig

    deps = tmp / "borrowed-deps"
    deps.mkdir(exist_ok=True)
    for candidate in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if candidate.name.startswith(("ovopcheck", "__editable__", "_ovopcheck")) or candidate.suffix == ".pth":
            continue
        if not (deps / candidate.name).exists():
            (deps / candidate.name).symlink_to(candidate)
    (site / "borrowed-deps.pth").write_text(f"{deps}\n", encoding="utf-8")


def read_report(fmt: str, path: Path) -> str:
    """A report file as text: a workbook (xlsx) as its sheets' cell values, row by row, tab-separated; every
    other format as written. So every-format tests read the workbook too."""
    from ovopcheck.report.formats import BINARY

    if fmt not in BINARY:
        return path.read_text(encoding="utf-8")
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)  # whatever the file's name
    rows = (row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    text = "\n".join("\t".join("" if v is None else str(v) for v in row) for row in rows)
    book.close()
    return text


def libreoffice_sheets(workbook: Path, tmp_path: Path) -> Path:
    """Every sheet of ``workbook`` converted to UTF-8 CSV by LibreOffice Calc (Debian's headless package, which
    .ci/run installs): a workbook LibreOffice had to repair would not convert like this. Returns the folder of
    ``<name>-<sheet>.csv`` files. Missing LibreOffice fails under CI and skips elsewhere."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        missing("LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
    out = tmp_path / f"csv-{workbook.stem}"
    spec = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"  # -1: every sheet
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [str(soffice), "--headless", "--convert-to", spec, "--outdir", str(out), str(workbook)],
        capture_output=True, text=True, timeout=180, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out

"""The HTML report as a person sees it: rendered by headless Chromium, printed to PDF, screenshotted.

Needs Debian's `chromium` and `poppler-utils` (.ci/run installs them): under CI their absence fails these
tests; elsewhere they are skipped with the reason.
Set OVOPCHECK_UPDATE_SCREENSHOTS=1 to refresh the screenshots in docs/screenshots/ used by the README.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import AS_OF, ROOT, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
MISSING = "needs chromium and pdftotext (apt-get install chromium poppler-utils)"
pytestmark = pytest.mark.skipif((CHROMIUM is None or PDFTOTEXT is None) and not os.environ.get("CI"), reason=MISSING)


@pytest.fixture(autouse=True)
def _browser_present() -> None:
    if CHROMIUM is None or PDFTOTEXT is None:  # only reached under CI, which installs them
        pytest.fail(MISSING)


SHOTS = ROOT / "docs" / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium(page: Path, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def requested_urls(net_log: Path) -> set[str]:
    events = json.loads(net_log.read_text(encoding="utf-8"))["events"]
    return {e["params"]["url"] for e in events if isinstance(e.get("params"), dict) and "url" in e["params"]}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    single = folder / "single.html"
    batch = folder / "batch.html"
    run_cli(
        "examples/dossiers/dodol-halal-expired",
        "--as-of",
        AS_OF.isoformat(),
        "--lang",
        "en",
        "-f",
        "html",
        "-o",
        f"html:{single}",
    )
    proc = run_cli(
        "examples", "--exclude", "criteria", "--as-of", AS_OF.isoformat(), "--lang", "id", "-o", f"html:{batch}", "-q"
    )
    assert batch.is_file(), proc.stderr
    return {"single": single, "batch": batch}


def test_control_page_proves_the_checks_work(tmp_path: Path) -> None:
    """A page with an outside image: its request is seen in the net log and its CSP breach in the console."""
    open_page = tmp_path / "open.html"
    open_page.write_text('<img src="http://127.0.0.1:9/probe.png"><p>x</p>', encoding="utf-8")
    log = tmp_path / "net.json"
    chromium(open_page, tmp_path, f"--log-net-log={log}", "--dump-dom")
    assert "http://127.0.0.1:9/probe.png" in requested_urls(log)
    strict = tmp_path / "strict.html"
    strict.write_text(
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        '<img src="http://127.0.0.1:9/probe.png">',
        encoding="utf-8",
    )
    assert console_lines(chromium(strict, tmp_path, "--dump-dom").stderr)


@pytest.mark.parametrize("name", ["single", "batch"])
def test_report_loads_cleanly_and_offline(name: str, reports: dict[str, Path], tmp_path: Path) -> None:
    page = reports[name]
    text = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in text  # nothing but the page itself may load
    assert not re.search(r"<(script|link|img|iframe)\b|@import|url\(", text)
    log = tmp_path / "net.json"
    proc = chromium(page, tmp_path, f"--log-net-log={log}", "--dump-dom")
    assert console_lines(proc.stderr) == []
    outside = {u for u in requested_urls(log) if not u.startswith(("file:", "data:"))}
    hosts_in_page = set(re.findall(r'href="https?://([^/"]+)', text))
    assert not {u for u in outside if any(h in u for h in hosts_in_page)}  # links are never fetched
    assert "</html>" in proc.stdout


def test_printed_report_shows_the_key_text(reports: dict[str, Path], tmp_path: Path) -> None:
    pdf = tmp_path / "single.pdf"
    chromium(reports["single"], tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    printed = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in (
        "UD Dodol Nanas Subang Jaya",
        "NOT YET ELIGIBLE",
        "Halal certificate",
        "2025-06-30",  # the halal end date to confirm
        "Next steps",
        "PP 29/2018, Pasal 1 angka 8 [legal]",
    ):
        assert needle in printed, needle
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    assert "595.3" in pages or "A4" in pages or not pages  # A4 paper


def test_batch_report_has_summary_charts_and_a_section_per_file(reports: dict[str, Path]) -> None:
    text = reports["batch"].read_text(encoding="utf-8")
    assert "<svg" in text and "class='bar'" in text  # readiness charts; numbered bars in the summary
    assert "Ringkasan" in text and 'href="#file-1"' in text and 'id="file-1"' in text
    assert "<tr><td>Sertifikat halal</td><td class='n'>1</td>" in text  # most frequent gaps, by title


def test_screenshots(reports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # so the reports name the example by its relative path
    target = SHOTS if os.environ.get("OVOPCHECK_UPDATE_SCREENSHOTS") else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    html_png = target / "report-html.png"
    chromium(reports["single"], tmp_path, f"--screenshot={html_png}", "--window-size=1000,1400")
    assert html_png.read_bytes().startswith(b"\x89PNG")
    # The terminal report, recorded by rich as SVG, then photographed the same way.
    import io

    from rich.console import Console
    from rich.text import Text

    from ovopcheck import check_file, load_programme
    from ovopcheck.report.formats.text import render
    from ovopcheck.report.view import view_of

    console = Console(record=True, width=80, force_terminal=True, color_system="truecolor", file=io.StringIO())
    result = check_file("examples/tenun-sentra-four-units.yaml", load_programme("ovop", AS_OF), AS_OF)
    render(view_of(result), result.evaluations[0], console, "id")
    # What an officer sees first: an 80x24 terminal, the verdict on it.
    screen = console.export_text(styles=True).splitlines()[:24]
    assert any("Kesimpulan" in line for line in screen)
    first = Console(record=True, width=80, force_terminal=True, color_system="truecolor", file=io.StringIO())
    for line in screen:
        first.print(Text.from_ansi(line))
    svg = tmp_path / "terminal.svg"
    svg.write_text(first.export_svg(title="ovopcheck examples/tenun-sentra-four-units.yaml"), encoding="utf-8")
    terminal_png = target / "report-terminal.png"
    chromium(svg, tmp_path, f"--screenshot={terminal_png}", "--window-size=1000,640")
    assert terminal_png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "example",
    ["dossiers/dodol-halal-expired", "dossiers/batik-sekar-jagad", "food-no-halal.yaml", "size-boundary-besar.yaml"],
)
def test_one_dossier_prints_on_two_a4_pages_with_a_sign_off(example: str, tmp_path: Path) -> None:
    page = tmp_path / "laporan.html"
    run_cli(f"examples/{example}", "--as-of", AS_OF.isoformat(), "-q", "-o", f"html:{page}")
    pdf = tmp_path / "laporan.pdf"
    chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("\f") <= 2, f"{example}: {text.count(chr(12))} pages"
    assert "Diperiksa oleh" in text and "Paraf" in text
    assert "Kesimpulan" in text.split("\f")[0]  # the verdict is on the first page


KABUPATEN = ["Kabupaten Garut", "Kabupaten Bantul", "Kota Malang", "Kabupaten Klaten", "Kabupaten Subang"]
GROUPS = ["kain_batik", "makanan_minuman", "anyaman", "gerabah", "kain_tenun"]


def test_a_summary_of_300_ikm_prints_on_at_most_ten_pages(tmp_path: Path) -> None:
    # The provincial office's intake: 300 profiles of mixed outcomes, the summary alone.
    base = (ROOT / "examples" / "batik-eligible.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "usulan-2026"
    folder.mkdir()
    for i in range(300):
        text = base.replace("Batik Tulis Sekar Jagad", f"IKM Contoh {i:03d}")
        text = text.replace("Kabupaten Bantul", KABUPATEN[i % 5]).replace("kain_batik", GROUPS[i % 5])
        if i % 7 == 0:
            text = text.replace("workforce: 12", "workforce:")  # missing information
        (folder / f"ikm-{i:03d}.yaml").write_text(text, encoding="utf-8")
    page = tmp_path / "ringkasan.html"
    proc = run_cli(str(folder), "-q", "-o", f"html-summary:{page}", "--as-of", AS_OF.isoformat(), "--lang", "id")
    assert proc.returncode == 1, proc.stderr
    pdf = tmp_path / "ringkasan.pdf"
    chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("\f") <= 10, f"{text.count(chr(12))} pages"
    assert "Ringkasan 300 berkas" in text and "Kabupaten Garut" in text and "makanan dan minuman" in text
    assert re.search(r"IKM Contoh\s+299", text)  # one line per IKM, to the last (a name may wrap)
    assert "Sertifikat halal" in text and "ovop.food-halal" not in text  # criteria by title, not by id
    html = page.read_text(encoding="utf-8")
    bars = re.findall(
        r"<span class='(?:eligible|not_eligible|incomplete|invalid|count)' style='width:[0-9.]+%'>(\d*)</span>", html
    )
    assert bars and all(bars)  # every part of every bar carries its number: colour is never alone

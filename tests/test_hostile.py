"""Untrusted input: every hostile file gets a clear error, finishes fast and small, and nothing leaks."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ovopcheck.errors import InputError
from ovopcheck.evaluate import evaluate_profile
from ovopcheck.loading.profile import profile_from_text

from .conftest import ROOT, criteria_with, run_cli

HEAD = "schema_version: 1\nbusiness:\n  name: x\n"
HOSTILE = {
    "many-values": HEAD + "  kbli: [" + ",".join(["1"] * 190_000) + "]\n",
    "just-under-the-value-limit": HEAD + "  kbli: [" + ",".join(["1"] * 24_000) + "]\n",
    "many-keys": HEAD + "".join(f"k{i}: 1\n" for i in range(20_000)),
    "long-scalar": HEAD + "  owner: " + "x" * 1_900_000 + "\n",
    "deep-flow": "a: " + "[" * 20_000 + "]" * 20_000 + "\n",
    "deep-block": "".join(f"{' ' * i}k:\n" for i in range(3_000)),
    "billion-laughs": "\n".join(
        ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    ),
    "alias-in-a-list": "schema_version: 1\nbusiness: &b {name: x}\ndocuments: [*b, *b]\n",
    "too-big": "# " + "x" * (3 * 1024 * 1024) + "\n",
}


def measure(path: Path) -> tuple[int, float, float, str]:
    """Exit code, seconds and peak MB of one real run (in its own process tree), and its stderr."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.monotonic()\n"
        "p = subprocess.run([sys.executable, '-m', 'ovopcheck', sys.argv[1], '--no-config', '--lang', 'en'],"
        " capture_output=True, text=True)\n"
        "print(p.returncode, time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.stderr.write(p.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True)
    code, seconds, kilobytes = proc.stdout.split()
    return int(code), float(seconds), int(kilobytes) / 1024, proc.stderr


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_a_quick_small_clear_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8")
    code, seconds, megabytes, stderr = measure(path)
    assert code == 2, stderr
    assert seconds < 2.0, seconds
    assert megabytes < 256, megabytes
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert lines and lines[0].startswith(str(path)) and len(lines) <= 21


def test_one_hostile_file_does_not_stop_a_batch(tmp_path: Path) -> None:
    for name, text in HOSTILE.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(
        (ROOT / "examples" / "batik-eligible.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    proc = run_cli(str(tmp_path), "-f", "jsonl", "--as-of", "2026-11-28")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(HOSTILE) + 1
    assert [r["verdict"] for r in records if r["path"].endswith("ok.yaml")] == ["eligible"]
    assert sum(1 for r in records if r["verdict"] == "invalid") == len(HOSTILE)


# ---------------------------------------------------------------- injection, in every output format

NAME = "Batik \x1b[31mRED\x1b]8;;http://evil.example\x07link\u202eelif\u200bzw [bold]b[/bold] <script>alert(1)</script>"
FORBIDDEN = ("\x1b", "\x07", "\u202e", "\u200b")


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "junit", "sarif", "github", "markdown", "csv", "html"])
def test_no_output_format_passes_control_or_markup_through(fmt: str, tmp_path: Path) -> None:
    profile = tmp_path / "evil\x1b[2J\u202e.yaml"
    profile.write_text(
        "schema_version: 1\nbusiness:\n  name: " + json.dumps(NAME) + "\nproduct:\n  commodity_group: kain_batik\n"
        "  uniqueness: " + json.dumps(NAME) + "\n",
        encoding="utf-8",
    )
    proc = run_cli(str(profile), "-f", fmt, "--lang", "en", env={"FORCE_COLOR": "1"} if fmt == "text" else None)
    assert proc.returncode == 1, proc.stderr
    visible = proc.stdout if fmt != "text" else proc.stdout.replace("\x1b[", "CSI[")  # our own colours are fine
    for char in FORBIDDEN:
        assert char not in visible.replace("CSI[", ""), (fmt, repr(char))
    if fmt in ("markdown", "html"):
        assert "<script>" not in proc.stdout
    if fmt == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in proc.stdout
    if fmt in ("json", "sarif"):
        text = json.dumps(json.loads(proc.stdout), ensure_ascii=False)
        assert NAME in text or "evil" in text  # values survive exactly, only escaped on the wire
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        ET.fromstring(proc.stdout.split("?>", 1)[1])


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xff\xfename.yaml"
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"schema_version: 1\nsize: {workforce: banyak}\n")  # invalid: an error line names the file
    os.close(fd)
    proc = subprocess.run([sys.executable, "-m", "ovopcheck", os.fsdecode(raw)], capture_output=True, check=False)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and b"\\udcff\\udcfe" in proc.stderr


def test_symlink_loop_given_directly(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    proc = run_cli(str(tmp_path / "loop.yaml"), "--lang", "en")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "cannot be read" in proc.stderr


def test_a_bug_on_one_file_is_reported_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ovopcheck import cli

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr("ovopcheck.batch.workers.check_file", boom)
    monkeypatch.setattr(sys, "argv", ["ovopcheck", str(ROOT / "examples" / "batik-eligible.yaml"), "--jobs", "1"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code in (1, 2)  # the file is reported as failed, the run goes on


# ---------------------------------------------------------------- hostile criteria and config


def test_wrong_type_thresholds_are_load_time_errors(tmp_path: Path) -> None:
    # A gate that can never be met is a bug of the criteria file: refused where it is written, by
    # criteria lint and by check alike (issue 16, class 7).
    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "requires: {field: sentra.business_units, ge: 5}", 'requires: {field: sentra.business_units, ge: "5"}'
    )
    text = text.replace("field: market.domestic.sold\n      eq: true", "field: market.domestic.sold\n      eq: yes")
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    for args in (["criteria", "lint", str(path)], ["examples/batik-eligible.yaml", "--criteria", str(path)]):
        proc = run_cli(*args, "--lang", "en")
        assert proc.returncode == 2, args
        assert re.search(
            r"c\.yaml:\d+:\d+: .*sentra.business_units \(integer\) compared with '5' \(string\)", proc.stderr
        )
        assert "market.domestic.sold (boolean) compared with 'yes' (string)" in proc.stderr


def test_huge_lists_in_criteria_are_refused(tmp_path: Path) -> None:
    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    huge = ", ".join(f"g{i}" for i in range(600))
    text = text.replace("in: [makanan_minuman, kain_tenun, kain_batik, anyaman, gerabah]", f"in: [{huge}]", 1)
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("criteria", "lint", str(path))
    assert proc.returncode == 2 and "c.yaml:" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "text",
    ["lang: en\nlang: id\n", "x: &a 1\ny: *a\n", "fail_on: !!python/object:os.system [never]\n", "<<: {lang: en}\n"],
)
def test_hostile_config_is_refused(tmp_path: Path, text: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".ovopcheck.yaml").write_text(text, encoding="utf-8")
    proc = run_cli(str(ROOT / "examples" / "batik-eligible.yaml"), cwd=tmp_path)
    assert proc.returncode == 2 and ".ovopcheck.yaml:" in proc.stderr and "Traceback" not in proc.stderr


# ---------------------------------------------------------------- properties

yaml_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=12),
        st.dates().map(str),
        st.sampled_from(["0123", "no", "off", "10:30", "1_000", ".inf", "2015-02-30"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_any_generated_yaml_loads_or_gives_located_input_error(value: Any) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    try:
        loaded = profile_from_text(text)
    except InputError as exc:
        assert exc.problems and all(p.line >= 0 for p in exc.problems)
        return
    assert isinstance(loaded.data, dict)


profile_like = st.fixed_dictionaries(
    {"schema_version": st.just(1), "business": st.fixed_dictionaries({"name": st.text(min_size=1, max_size=5)})},
    optional={
        "size": st.fixed_dictionaries(
            {}, optional={"workforce": st.integers(0, 10**6), "investment_idr": st.integers(0, 10**14)}
        ),
        "sentra": st.fixed_dictionaries(
            {},
            optional={
                "business_units": st.integers(0, 100),
                "designated_by_decree": st.booleans(),
                "is_penghela": st.booleans(),
            },
        ),
        "product": st.fixed_dictionaries(
            {},
            optional={
                "commodity_group": st.sampled_from(["kain_batik", "makanan_minuman", "gerabah", "x"]),
                "raw_materials": st.lists(
                    st.fixed_dictionaries(
                        {"name": st.just("m")},
                        optional={
                            "origin": st.sampled_from(["local", "national", "imported"]),
                            "share_percent": st.integers(0, 100),
                        },
                    ),
                    max_size=4,
                ),
            },
        ),
        "food_permits": st.fixed_dictionaries(
            {},
            optional={
                "halal_certificate": st.fixed_dictionaries(
                    {}, optional={"held": st.booleans(), "expires": st.dates().map(str)}
                )
            },
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(profile_like, st.dates(min_value=dt.date(2007, 9, 30), max_value=dt.date(2040, 1, 1)))
def test_evaluation_never_fails_and_yields_one_outcome_per_criterion(profile: dict, as_of: dt.date) -> None:
    from ovopcheck.sets import load_sets, select_set

    cset = select_set(SETS, "ovop", as_of)
    result = evaluate_profile(cset, profile, as_of)
    assert len(result.findings) == len(cset.criteria)
    assert result.verdict.value in ("eligible", "not_eligible", "incomplete")
    del load_sets


def _sets() -> list:
    from ovopcheck.sets import load_sets

    return load_sets()


SETS = _sets()


def test_a_single_file_run_is_bounded_in_time(tmp_path: Path) -> None:
    start = time.monotonic()
    run_cli(str(ROOT / "examples" / "batik-eligible.yaml"))
    assert time.monotonic() - start < 2.0


def test_duplicate_keys_in_criteria_files_are_refused(tmp_path: Path) -> None:
    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    text = text.replace("    kind: gate\n", "    kind: gate\n    kind: advisory\n", 1)
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("examples/batik-eligible.yaml", "--criteria", str(path), "--lang", "en")
    assert proc.returncode == 2 and "key 'kind' appears twice" in proc.stderr and "c.yaml:" in proc.stderr


# One test per class of issue 16 ("nothing lost, nothing hangs"), each in its own process, timed and
# measured; SECURITY.md lists each class with its bound and the test that holds it.

posix = pytest.mark.skipif(sys.platform == "win32", reason="peak memory is measured with resource (POSIX)")
TIME_LIMIT = 2.0  # seconds, interpreter start included
MEMORY_LIMIT = 256 * 1024 * 1024  # bytes of peak resident memory

# The command as `python -m ovopcheck` runs it, reporting its own peak memory at exit: VmHWM, the high-water
# mark of this process image (ru_maxrss would not do: it survives exec, so it starts at the size of the
# pytest process that forked it).
_MEASURED = """
import os, resource, runpy, sys
sys.argv[0] = "ovopcheck"
try:
    runpy.run_module("ovopcheck", run_name="__main__", alter_sys=True)
finally:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:  # no /proc (macOS): the bound is then looser, from the start of the forking process
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    with open(os.environ["OVOPCHECK_PEAK_FILE"], "w") as out:
        out.write(str(peak * 1024))  # kB
"""


def hostile(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ovopcheck on hostile input; fail unless it ends within the time and memory limits."""
    peak_file = cwd / ".peak"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "OVOPCHECK_LANG")}
    env |= {"COLUMNS": "100", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "OVOPCHECK_PEAK_FILE": str(peak_file)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, encoding="utf-8", env=env,
        cwd=cwd, timeout=10 * TIME_LIMIT,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak = int(peak_file.read_text(encoding="utf-8"))
    assert seconds < TIME_LIMIT, f"took {seconds:.2f} s"
    assert peak < MEMORY_LIMIT, f"peak memory {peak / 2**20:.0f} MiB"
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "p.yaml"
    path.write_bytes((ROOT / "examples" / "food-no-halal.yaml").read_bytes())
    return path


@posix
def test_class_1_an_output_never_lands_on_an_input(profile: Path) -> None:
    before = profile.read_bytes()
    proc = hostile(profile.name, "-o", f"json:{profile.name}", cwd=profile.parent)
    assert proc.returncode == 2 and profile.read_bytes() == before


@posix
def test_class_2_criteria_evaluation_is_bounded(tmp_path: Path, profile: Path) -> None:
    condition = "{field: product.commodity_group, eq: makanan_minuman}"
    for i in range(15):  # each level was twice the work of the one inside it
        condition = f"{{not: {{any: [{condition}, {{field: product.name, eq: x{i}}}]}}}}"
    criteria = criteria_with(condition, tmp_path)
    proc = hostile(profile.name, "--criteria", str(criteria), "-q", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr


@posix
def test_class_3_a_named_config_that_never_ends_is_refused(tmp_path: Path, profile: Path) -> None:
    os.mkfifo(tmp_path / "settings.yaml")  # opened for reading, a FIFO blocks until a writer comes
    proc = hostile(profile.name, "--config", "settings.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "settings.yaml" in proc.stderr


@posix
def test_class_4_criteria_texts_carry_no_terminal_control(tmp_path: Path, profile: Path) -> None:
    text = (ROOT / "criteria" / "ovop-2021.yaml").read_text(encoding="utf-8")
    line = "      en: Commodity is one of the five OVOP groups"
    assert line in text
    criteria = tmp_path / "ovop-2021.yaml"
    criteria.write_text(text.replace(line, '      en: "\\e[2J\\e]52;c;SGVsbG8=\\a[bold]X"'), encoding="utf-8")
    proc = hostile(profile.name, "--criteria", str(criteria), "--lang", "en", "-v", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "\x1b" not in proc.stdout + proc.stderr and "\x07" not in proc.stdout


@posix
def test_class_5_profile_values_carry_no_terminal_control(profile: Path) -> None:
    text = profile.read_text(encoding="utf-8").replace("business:\n", 'business:\n  brand: "\\e[2J\\u202e[red]X"\n', 1)
    profile.write_text(text, encoding="utf-8")
    proc = hostile(profile.name, "-v", "-f", "markdown", cwd=profile.parent)
    assert "\x1b" not in proc.stdout + proc.stderr and "\u202e" not in proc.stdout + proc.stderr


@posix
def test_class_6_every_path_given_is_accounted_for(tmp_path: Path, profile: Path) -> None:
    (tmp_path / "usulan" / "profile.yaml").mkdir(parents=True)
    (tmp_path / "kosong").mkdir()
    proc = hostile(profile.name, "usulan", "kosong", "-f", "jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    paths = [json.loads(line)["path"] for line in proc.stdout.splitlines()]
    assert paths == ["p.yaml", "usulan/profile.yaml", "kosong"]


@posix
def test_class_7_a_threshold_of_the_wrong_type_is_refused_where_written(tmp_path: Path, profile: Path) -> None:
    criteria = criteria_with('{field: size.workforce, ge: "5"}', tmp_path)
    proc = hostile(profile.name, "--criteria", str(criteria), "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2 and "ovop-2021.yaml:" in proc.stderr


@posix
def test_class_8_a_waiver_that_waives_nothing_is_an_error_with_strict(tmp_path: Path, profile: Path) -> None:
    (tmp_path / ".ovopcheck.yaml").write_text(
        "waivers:\n  - {criterion: ovop.nope, justification: Sedang diproses, approved_by: Kadis,"
        ' expires: "2099-01-01"}\n',
        encoding="utf-8",
    )
    proc = hostile(profile.name, "--strict", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2 and "'ovop.nope' waives nothing" in proc.stderr


@posix
def test_class_9_integers_are_exact(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\nbusiness: {name: X}\nsize:\n  workforce: 5\n  investment_idr: Rp 9.007.199.254.740.993\n",
        encoding="utf-8",
    )
    proc = hostile("p.yaml", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1 and "9007199254740993" in proc.stdout and "9007199254740992" not in proc.stdout


@posix
def test_class_10_a_raw_control_character_is_located_and_named(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_bytes(b"schema_version: 1\nbusiness:\n  name: A\x00B\n")
    proc = hostile("p.yaml", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2 and "p.yaml:3:" in proc.stderr and "U+0000" in proc.stderr


@posix
def test_class_11_document_reading_is_bounded_per_dossier(tmp_path: Path) -> None:
    from ovopcheck.documents import MAX_DOCUMENT_BYTES, MAX_DOSSIER_BYTES

    dossier = tmp_path / "usulan"
    (dossier / "docs").mkdir(parents=True)
    count = MAX_DOSSIER_BYTES // MAX_DOCUMENT_BYTES
    block = b"%PDF-1.4\n" + bytes(MAX_DOCUMENT_BYTES - 9)
    for i in range(count):  # documents adding up to the bound exactly
        (dossier / "docs" / f"d{i}.pdf").write_bytes(block)
    (dossier / "docs" / "extra.pdf").write_bytes(b"%PDF-1.4\nover the bound\n")
    listed = [f"docs/d{i}.pdf" for i in range(count)] + ["docs/d0.pdf", "./docs/d1.pdf"] * 80 + ["docs/extra.pdf"]
    profile = (ROOT / "examples" / "food-no-halal.yaml").read_text(encoding="utf-8")
    profile += "documents:\n" + "".join(f"  - {{type: other, path: {p}}}\n" for p in listed)
    (dossier / "profile.yaml").write_text(profile, encoding="utf-8")
    proc = hostile("usulan", "-f", "json", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    documents = json.loads(proc.stdout)["files"][0]["documents"]
    assert len(documents) == len(listed)
    problems = [d.get("problem") for d in documents]
    assert problems[:-1] == [None] * (len(listed) - 1)  # repeats cost nothing against the bound
    assert problems[-1] == "over_budget"


def test_class_12_a_hostile_workbook_is_refused_quickly(tmp_path: Path) -> None:
    import zipfile

    import openpyxl

    good = tmp_path / "good.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Nama usaha", "NIB"])
    book.active.append(["UD A", "0120304050607"])
    book.save(good)

    def variant(name: str, replace: dict[str, bytes], extra: tuple[str, int] | None = None) -> Path:
        target = tmp_path / name
        with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for item in source.infolist():
                out.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
            if extra is not None:  # a part that unpacks to far more than any workbook of IKM
                with out.open(extra[0], "w") as part:
                    for _ in range(extra[1]):
                        part.write(bytes(2**20))
        return target

    laughs = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
    )  # fmt: skip
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    sheet += b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama usaha</t></is></c>'
    sheet += b'<c r="B1" t="inlineStr"><is><t>NIB</t></is></c></row>'
    bomb_xml = laughs + b"]>" + sheet + b'<row r="2"><c r="A2" t="inlineStr"><is><t>&i;</t></is></c></row>'
    external = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + sheet
    external += b'<row r="2"><c r="A2" t="inlineStr"><is><t>&x;</t></is></c></row>'
    cases = {
        "laughs.xlsx": variant("laughs.xlsx", {"xl/worksheets/sheet1.xml": bomb_xml + b"</sheetData></worksheet>"}),
        "external.xlsx": variant("external.xlsx", {"xl/worksheets/sheet1.xml": external + b"</sheetData></worksheet>"}),
        "bomb.xlsx": variant("bomb.xlsx", {}, ("xl/media/padding.bin", 520)),
    }
    said = {}
    for name in cases:
        proc = hostile(name, "--lang", "en", cwd=tmp_path)
        assert proc.returncode == 2, (name, proc.stdout, proc.stderr)
        assert "root:" not in proc.stdout + proc.stderr  # no file outside is ever read in
        said[name] = proc.stderr
    assert "unpacks to more than" in said["bomb.xlsx"]
    assert "cannot be read" in said["laughs.xlsx"]

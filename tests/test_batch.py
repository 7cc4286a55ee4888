"""Batches: discovery, parallel checking in input order, the summary, and one bad file never stopping it."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from ovopcheck.batch.discover import Skipped, discover

from .conftest import AS_OF, EXAMPLES, run_cli

BATIK = (EXAMPLES / "batik-eligible.yaml").read_text(encoding="utf-8")
FOOD = (EXAMPLES / "food-no-halal.yaml").read_text(encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "provinsi"
    (root / "kab-b").mkdir(parents=True)
    (root / "kab-a" / "sub").mkdir(parents=True)
    (root / "kab-a" / "z.yaml").write_text(BATIK, encoding="utf-8")
    (root / "kab-a" / "a.yml").write_text(FOOD, encoding="utf-8")
    (root / "kab-a" / "sub" / "m.yaml").write_text(
        BATIK.replace("Kabupaten Bantul", "Kota Yogyakarta"), encoding="utf-8"
    )
    (root / "kab-a" / "notes.txt").write_text("not a profile", encoding="utf-8")
    (root / "kab-b" / "broken.yaml").write_text("schema_version: 1\nbusiness: [\n", encoding="utf-8")
    shutil.copytree(EXAMPLES / "dossiers" / "batik-sekar-jagad", root / "kab-b" / "dossier")
    (root / ".git").mkdir()
    (root / ".git" / "config.yaml").write_text("x: 1", encoding="utf-8")
    (root / ".hidden.yaml").write_text("x: 1", encoding="utf-8")
    return root


def rel(paths: list[str], root: Path) -> list[str]:
    return [os.path.relpath(p, root) for p in paths]


def test_discovery_is_sorted_and_skips_hidden(tree: Path) -> None:
    assert rel(list(discover([tree])), tree) == [
        "kab-a/a.yml",
        "kab-a/z.yaml",
        "kab-a/sub/m.yaml",
        "kab-b/broken.yaml",
        "kab-b/dossier",  # a folder with profile.yaml is one dossier, its docs are not searched
    ]


def test_exclude(tree: Path) -> None:
    found = rel(list(discover([tree], ["kab-a/sub", "*.yml"])), tree)
    assert found == ["kab-a/z.yaml", "kab-b/broken.yaml", "kab-b/dossier"]


def test_symlinks_out_of_the_root_are_not_followed_and_loops_end(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(BATIK, encoding="utf-8")
    (tree / "kab-a" / "escape").symlink_to(outside, target_is_directory=True)
    (tree / "kab-a" / "escape.yaml").symlink_to(outside / "secret.yaml")
    (tree / "kab-a" / "sub" / "loop").symlink_to(tree / "kab-a", target_is_directory=True)
    paths = list(discover([tree]))
    found = rel(paths, tree)
    # The links out are said (as skipped, to be reported), never yielded as something to read.
    skipped = sorted(rel([p for p in paths if isinstance(p, Skipped)], tree))
    assert skipped == ["kab-a/escape", "kab-a/escape.yaml"]
    assert all(p.reason == "link_outside_folder" for p in paths if isinstance(p, Skipped))
    assert not any("secret" in f for f in found)
    assert len(found) == len({os.path.realpath(tree / f) for f in found})  # nothing twice through the loop


def test_given_files_are_taken_as_they_are(tree: Path) -> None:
    assert list(discover([tree / ".hidden.yaml"])) == [str(tree / ".hidden.yaml")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_reports_every_file_once_in_order(tree: Path, jobs: str) -> None:
    proc = run_cli(str(tree), "--jobs", jobs, "-f", "jsonl", "--as-of", AS_OF.isoformat())
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rel([line["path"] for line in lines], tree) == rel(list(discover([tree])), tree)
    assert proc.returncode == 2  # the broken file; every other file was still checked
    assert proc.stderr.count("broken.yaml") == 1


def test_parallel_and_serial_agree(tmp_path: Path) -> None:
    for i in range(60):
        (tmp_path / f"p{i:03d}.yaml").write_text(FOOD if i % 3 else BATIK, encoding="utf-8")
    serial = run_cli(str(tmp_path), "--jobs", "1", "-f", "json", "--as-of", AS_OF.isoformat())
    parallel = run_cli(str(tmp_path), "--jobs", "2", "-f", "json", "--as-of", AS_OF.isoformat())
    assert serial.stdout == parallel.stdout and serial.returncode == parallel.returncode == 1


def test_summary_in_text_json_and_markdown(tree: Path) -> None:
    text = run_cli(str(tree), "--lang", "en", "--as-of", AS_OF.isoformat(), "--width", "120")
    assert "Summary of 5 files" in text.stdout
    assert "Gates failed most often (what to coach)" in text.stdout
    assert re.search(r"^ +1  ovop\.food-halal — Halal certificate", text.stdout, re.M)  # named for people
    assert "1 files could not be checked" in text.stdout and "broken.yaml" in text.stdout
    record = json.loads(run_cli(str(tree), "-f", "json", "--as-of", AS_OF.isoformat()).stdout)
    summary = record["summary"]
    assert summary["files"] == 5
    assert summary["verdicts"] == {"eligible": 3, "invalid": 1, "not_eligible": 1}
    assert summary["by_kabupaten_kota"]["Kota Yogyakarta"] == {"eligible": 1}
    assert summary["by_commodity_group"]["kain_batik"] == {"eligible": 3}
    assert summary["most_frequent_gaps"][0] == {"criterion": "ovop.food-halal", "files": 1}
    assert len(summary["invalid"]) == 1 and "broken.yaml:" in summary["invalid"][0]
    markdown = run_cli(str(tree), "-f", "markdown", "--lang", "en", "--as-of", AS_OF.isoformat()).stdout
    assert "#### Summary of 5 files" in markdown and "| Kota Yogyakarta | 1 | 0 | 0 | 0 |" in markdown
    assert "- 1 × ovop.food-halal — Halal certificate" in markdown


def test_no_progress_bar_in_captured_output(tree: Path) -> None:
    proc = run_cli(str(tree), "-f", "jsonl")
    assert "files" not in proc.stderr.replace("broken.yaml", "")  # only the one error line


def test_nothing_to_check_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("x", encoding="utf-8")
    assert run_cli(str(tmp_path)).returncode == 2


def test_config_excludes_and_jobs(tree: Path) -> None:
    (tree / ".ovopcheck.yaml").write_text("exclude: [kab-b]\njobs: 1\n", encoding="utf-8")
    proc = run_cli(".", "-f", "jsonl", cwd=tree)
    assert proc.returncode == 1 and len(proc.stdout.splitlines()) == 3


def test_checking_leaves_no_cyclic_garbage(tree: Path) -> None:
    # A batch holds thousands of profiles in turn: each must be freed as soon as it is reported, by
    # reference counting, not wait for the garbage collector (a cycle would keep its data alive).
    import gc

    from ovopcheck.checker import check_file
    from ovopcheck.sets import load_programme

    cset = load_programme("ovop", AS_OF)
    paths = list(discover([tree]))
    check_file(paths[0], cset, AS_OF)  # compile the criteria first
    gc.collect()
    gc.disable()
    try:
        for path in paths:
            result = check_file(path, cset, AS_OF)
            assert result.verdict
        del result
        assert gc.collect() == 0
    finally:
        gc.enable()


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_errors_and_results_keep_input_order_in_one_log(tmp_path: Path, unbuffered: str) -> None:
    # CI merges stdout and stderr into one log; output to a pipe is paced (not one write per line), so
    # an invalid file's error on stderr must still come after the lines of the files before it.
    import subprocess
    import sys

    from .conftest import ROOT

    for i in range(40):
        text = "schema_version: 1\nbusiness: [\n" if i % 7 == 3 else BATIK
        (tmp_path / f"p{i:02d}.yaml").write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "OVOPCHECK_LANG")}
    env.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": unbuffered})
    merged = subprocess.run(
        [sys.executable, "-m", "ovopcheck", str(tmp_path), "--quiet", "--jobs", "1", "--as-of", AS_OF.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    named = [line.split(":")[0] for line in merged.stdout.splitlines() if line.startswith(str(tmp_path))][:40]
    assert named == [str(tmp_path / f"p{i:02d}.yaml") for i in range(40)]
    assert merged.returncode == 2


def test_positions_are_a_plain_table_unless_the_caller_drops_results(tree: Path) -> None:
    # Results handed to a caller may be kept: their positions are a compact table. The batch, which
    # reports each result and drops it, asks for them lazily; both give the same positions.
    from ovopcheck.checker import check_file
    from ovopcheck.loading.tree import NodePositions
    from ovopcheck.sets import load_programme

    cset = load_programme("ovop", AS_OF)
    for path in discover([tree]):
        kept, dropped = check_file(path, cset, AS_OF), check_file(path, cset, AS_OF, lazy_positions=True)
        if not kept.checked:
            continue  # an invalid file
        assert type(kept.positions) is dict
        assert isinstance(dropped.positions, NodePositions)
        assert dict(dropped.positions) == kept.positions and len(kept.positions) > 20


def _with_stderr_on_a_terminal(tmp_path: Path, *args: str) -> tuple[int, str]:
    """Run ovopcheck on ``args`` with stderr on a pseudo-terminal and the report (stdout) going to
    tmp_path/report.jsonl: the only case a progress bar is drawn. The exit code and what the terminal got."""
    import pty
    import subprocess
    import sys
    import threading

    from .conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "OVOPCHECK_LANG")}
    env.update({"LANG": "C.UTF-8", "TERM": "xterm", "COLUMNS": "100"})
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # read while the command runs, so that it never waits on a full terminal
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the command ended and closed its side
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with (tmp_path / "report.jsonl").open("w") as report:
        proc = subprocess.run(
            [sys.executable, "-m", "ovopcheck", *args], stdout=report, stderr=follower, env=env, cwd=ROOT,
            timeout=60, check=False,
        )  # fmt: skip
    os.close(follower)
    reader.join(timeout=10)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_a_person_watching_a_large_batch_sees_a_bar_with_the_total(tmp_path: Path) -> None:
    for i in range(60):
        (tmp_path / f"p{i:02d}.yaml").write_text(BATIK, encoding="utf-8")
    code, drawn = _with_stderr_on_a_terminal(tmp_path, str(tmp_path), "-f", "jsonl", "--jobs", "1")
    assert code == 0
    assert "/60" in drawn  # "50/60": how far along, out of how many
    assert len((tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()) == 60


def test_default_jobs_follow_the_cpus_this_process_may_use() -> None:
    from ovopcheck.batch.workers import usable_cpus

    if hasattr(os, "sched_getaffinity"):
        assert usable_cpus() == len(os.sched_getaffinity(0))
    assert 1 <= usable_cpus() <= (os.cpu_count() or 1)


def _dies_on_poison(result: object) -> object:
    # Runs in the worker (as prepare_outputs does): stands for a file whose check gets its process killed.
    # The lost file's result is then transformed in the main process, which must live on.
    from ovopcheck.model.results import FileResult

    assert isinstance(result, FileResult)
    if result.source.endswith("poison.yaml") and result.checked:
        os._exit(9)
    return result if not result.checked else result.verdict


def test_a_worker_killed_mid_batch_costs_one_file_not_the_batch(tmp_path: Path) -> None:
    from ovopcheck.batch.workers import CHUNK, check_many
    from ovopcheck.model.results import FileResult
    from ovopcheck.sets import load_programme

    names = [f"p{i:03d}.yaml" for i in range(CHUNK + 40)]
    names[CHUNK + 7] = "poison.yaml"  # in the second chunk, while others are in flight
    for name in names:
        (tmp_path / name).write_text(BATIK, encoding="utf-8")
    paths = [str(tmp_path / name) for name in names]
    results = list(check_many(paths, load_programme("ovop", AS_OF), AS_OF, jobs=2, transform=_dies_on_poison))
    assert len(results) == len(paths)
    lost = [n for n, r in enumerate(results) if isinstance(r, FileResult)]
    assert lost == [CHUNK + 7]
    assert results[CHUNK + 7].problems[0].message_key == "worker_lost"
    assert all(r == "eligible" for n, r in enumerate(results) if n != CHUNK + 7)


def _dies_always(result: object) -> object:
    from ovopcheck.model.results import FileResult

    assert isinstance(result, FileResult)
    if result.checked:
        os._exit(9)
    return result


def test_workers_that_cannot_run_end_the_batch_with_a_clear_error(tmp_path: Path) -> None:
    # A worker lost on every file is not any file's doing: stop and say so rather than crawl on.
    import time

    from ovopcheck.batch.workers import LOST_IN_A_ROW, WorkersFailing, check_many
    from ovopcheck.sets import load_programme

    for i in range(60):
        (tmp_path / f"p{i:02d}.yaml").write_text(BATIK, encoding="utf-8")
    paths = sorted(str(p) for p in tmp_path.glob("*.yaml"))
    started = time.monotonic()
    seen = []
    with pytest.raises(WorkersFailing) as info:
        for result in check_many(paths, load_programme("ovop", AS_OF), AS_OF, jobs=2, transform=_dies_always):
            seen.append(result)
    assert len(seen) == LOST_IN_A_ROW - 1  # the files lost before it was clear that none was the cause
    assert "--jobs 1" in str(info.value) and time.monotonic() - started < 30


def test_errors_never_share_a_line_with_the_progress_bar(tmp_path: Path) -> None:
    # Files that cannot be checked, met while the bar shows: their lines go above the bar, not onto it.
    for i in range(70):
        text = BATIK if i < 55 else "schema_version: 1\nsize: {workforce: banyak}\n"
        (tmp_path / f"p{i:02d}.yaml").write_text(text, encoding="utf-8")
    code, drawn = _with_stderr_on_a_terminal(tmp_path, str(tmp_path), "-f", "jsonl", "--jobs", "1", "--lang", "en")
    assert code == 2 and "━" in drawn  # the bar was drawn, and the broken files were reported
    segments = [s for line in drawn.split("\n") for s in line.split("\r")]
    errors = [s for s in segments if ".yaml:2:" in s]
    assert len(errors) == 15
    assert not [s for s in errors if "━" in s or "/70" in s], errors

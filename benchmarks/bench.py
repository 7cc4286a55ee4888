"""Benchmark ovopcheck on N synthetic profiles, against the cost floor and a peer, in one run.

    python benchmarks/bench.py                    # 10,000 profiles, --jobs 2
    python benchmarks/bench.py --n 50000          # memory must not grow with N
    python benchmarks/bench.py --peer-files 300   # check-jsonschema on a sample (it is slow)

What it measures, on the same generated files:
- ovopcheck: the full batch check (`ovopcheck DIR --jobs J --quiet`), wall time, CPU time of all its
  processes, and peak memory of the process tree (sampled from /proc);
- the floor: reading and parsing the same files with PyYAML's C loader and nothing else;
- the peer: `check-jsonschema --schemafile <profile schema>` (schema validation only), when installed
  (`pip install check-jsonschema`), on a sample of the files; its per-file cost is compared;
- cold start: one profile, ovopcheck vs check-jsonschema, median of several runs.

Ratios are computed within one run; numbers from different machines or runs are not comparable.
Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KABUPATEN = [
    ("Kabupaten Bantul", "DI Yogyakarta"),
    ("Kabupaten Sleman", "DI Yogyakarta"),
    ("Kabupaten Klaten", "Jawa Tengah"),
    ("Kota Pekalongan", "Jawa Tengah"),
    ("Kabupaten Subang", "Jawa Barat"),
    ("Kabupaten Purwakarta", "Jawa Barat"),
    ("Kabupaten Polewali Mandar", "Sulawesi Barat"),
    ("Kabupaten Lombok Barat", "Nusa Tenggara Barat"),
    ("Kota Malang", "Jawa Timur"),
    ("Kabupaten Tabanan", "Bali"),
]
GROUPS = ["kain_batik", "kain_tenun", "anyaman", "gerabah", "makanan_minuman", "kerajinan_kayu"]


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """N profiles like the examples: mostly valid, some with gaps or missing information, ~3% invalid."""
    rng = random.Random(seed)
    base = (ROOT / "examples" / "batik-eligible.yaml").read_text(encoding="utf-8")
    food = (ROOT / "examples" / "food-no-halal.yaml").read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        text = food if rng.random() < 0.25 else base
        kab, prov = rng.choice(KABUPATEN)
        text = text.replace("Kabupaten Bantul", kab).replace("Kabupaten Subang", kab)
        text = text.replace("DI Yogyakarta", prov).replace("Jawa Barat", prov)
        text = text.replace("Batik Tulis Sekar Jagad", f"IKM Contoh {i:05d}")
        text = text.replace("UD Dodol Nanas Subang Jaya", f"IKM Pangan {i:05d}")
        text = text.replace("nib: 0120304050607", f'nib: "{rng.randrange(10**12, 10**13):013d}"')
        text = text.replace("business_units: 32", f"business_units: {rng.randint(3, 60)}")
        text = text.replace("workforce: 18", f"workforce: {rng.randint(2, 40)}")
        text = text.replace("investment_idr: 850000000", f"investment_idr: {rng.randint(50, 20000) * 10**6}")
        if "kain_batik" in text and rng.random() < 0.3:
            text = text.replace("commodity_group: kain_batik", f"commodity_group: {rng.choice(GROUPS)}")
        if rng.random() < 0.15:
            text = text.replace("  designated_by_decree: true\n", "")
        roll = rng.random()
        if roll < 0.03:
            text = text.replace("workforce:", "workforce: dua puluh #", 1)  # invalid
        folder_i = folder / f"kab{i % 50:02d}"
        folder_i.mkdir(exist_ok=True)
        path = folder_i / f"profil-{i:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


class TreeMemory:
    """Peak resident memory of a process and its children, sampled from /proc every 20 ms."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _tree(self, pid: int) -> list[int]:
        out = [pid]
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                children = (task / "children").read_text().split()
                for child in children:
                    out += self._tree(int(child))
        except OSError:
            pass
        return out

    def _rss(self, pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            return 0
        return 0

    def _run(self) -> None:
        while self.running:
            self.peak = max(self.peak, sum(self._rss(p) for p in self._tree(self.pid)))
            time.sleep(0.02)

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        return self.peak


def timed(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds of the command and its children, peak tree memory, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    memory = TreeMemory(proc.pid) if Path("/proc").is_dir() else None
    code = proc.wait()
    wall = time.perf_counter() - start
    peak = memory.stop() if memory else 0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak, code


def floor(paths: list[Path]) -> tuple[float, float]:
    """Reading and parsing every file with PyYAML's C loader, nothing else: (wall, cpu) seconds."""
    loader = yaml.CSafeLoader
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        with path.open(encoding="utf-8") as handle, contextlib.suppress(yaml.YAMLError):
            yaml.load(handle.read(), Loader=loader)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="profiles to generate (default 10000)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--peer-files", type=int, default=300, help="files for check-jsonschema (0: skip)")
    parser.add_argument("--repeat", type=int, default=9, help="runs for the cold-start medians")
    args = parser.parse_args()
    ovopcheck = [sys.executable, "-m", "ovopcheck"]
    here = Path(sys.executable).parent / "check-jsonschema"
    peer = str(here) if here.exists() else shutil.which("check-jsonschema")
    schema = ROOT / "ovopcheck" / "schemas" / "profile.schema.json"
    # An installed package has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1 (as on some CI
    # machines) would compile every module on every start and time that instead.
    compileall.compile_dir(str(ROOT / "ovopcheck"), quiet=1, force=True)
    with tempfile.TemporaryDirectory(prefix="ovopcheck-bench-") as tmp:
        folder = Path(tmp) / "dossiers"
        folder.mkdir()
        t0 = time.perf_counter()
        paths = generate(folder, args.n)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        print(f"generated {len(paths)} profiles (~{size / 1024:.1f} KB each) in {time.perf_counter() - t0:.1f} s")
        print(f"python {sys.version.split()[0]}, libyaml {yaml.__with_libyaml__}, {os.cpu_count()} CPUs")

        wall, cpu, peak, code = timed(
            [*ovopcheck, str(folder), "--jobs", str(args.jobs), "--quiet", "--as-of", "2026-11-28", "--no-config"]
        )
        f_wall, f_cpu = floor(paths)
        n = len(paths)
        print()
        print(
            f"ovopcheck --jobs {args.jobs}: {wall:.2f} s wall, {n / wall:,.0f} profiles/s, "
            f"CPU {cpu * 1000 / n:.3f} ms/profile, peak memory {peak / 2**20:.0f} MiB, exit {code}"
        )
        print(f"floor (PyYAML C loader): {f_wall:.2f} s wall, CPU {f_cpu * 1000 / n:.3f} ms/profile")
        print(f"  ratio CPU ovopcheck / floor: {cpu / f_cpu:.2f}")
        # The machine-readable report of a whole batch is one document: it must be written as files are
        # checked, not held until the end.
        with (Path(tmp) / "report.json").open("w") as report:
            j_wall, _, j_peak, _ = timed(
                [
                    *ovopcheck,
                    str(folder),
                    "--jobs",
                    str(args.jobs),
                    "-f",
                    "json",
                    "--as-of",
                    "2026-11-28",
                    "--no-config",
                ],
                stdout=report.fileno(),
            )
        size = (Path(tmp) / "report.json").stat().st_size
        print(
            f"ovopcheck --jobs {args.jobs} -f json: {j_wall:.2f} s wall, {n / j_wall:,.0f} profiles/s, "
            f"peak memory {j_peak / 2**20:.0f} MiB, report {size / 2**20:.0f} MiB"
        )

        # The provincial workbook: one row per IKM and the findings needing attention, streamed (xlsx).
        book = Path(tmp) / "hasil.xlsx"
        x_wall, _, x_peak, _ = timed(
            [*ovopcheck, str(folder), "--jobs", str(args.jobs), "-q", "-o", f"xlsx:{book}", "--as-of", "2026-11-28",
             "--no-config"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        extra = max(x_wall - wall, 1e-9)
        print(
            f"ovopcheck --jobs {args.jobs} -o xlsx: {x_wall:.2f} s wall ({n / extra:,.0f} IKM rows/s beyond the "
            f"check), peak memory {x_peak / 2**20:.0f} MiB, workbook {book.stat().st_size / 2**20:.1f} MiB"
        )

        # The province's own sheet: the same IKM gathered into one workbook (ovopcheck convert, the invalid
        # ~3% left out and reported), then the workbook checked row by row.
        rekap = Path(tmp) / "rekap.xlsx"
        with (Path(tmp) / "convert.out").open("w") as said:
            c_wall, _, c_peak, _ = timed([*ovopcheck, "convert", str(folder), "--to", str(rekap)], stdout=said.fileno())
        made = (Path(tmp) / "convert.out").read_text()
        rows = int(made.rsplit("(", 1)[1].split()[0]) if "(" in made else 0
        print(
            f"ovopcheck convert DIR --to rekap.xlsx: {c_wall:.2f} s wall, {rows:,} rows ({rows / c_wall:,.0f}/s), "
            f"peak memory {c_peak / 2**20:.0f} MiB"
        )
        s_wall, _, s_peak, s_code = timed(
            [*ovopcheck, str(rekap), "--jobs", str(args.jobs), "-q", "--as-of", "2026-11-28", "--no-config"]
        )
        print(
            f"ovopcheck rekap.xlsx --jobs {args.jobs}: {s_wall:.2f} s wall, {rows / s_wall:,.0f} rows/s, "
            f"peak memory {s_peak / 2**20:.0f} MiB, exit {s_code}"
        )

        if peer and args.peer_files:
            sample = [str(p) for p in paths[: args.peer_files]]
            _, p_cpu, _, _ = timed([peer, "--schemafile", str(schema), *sample])
            _, o_cpu, _, _ = timed([*ovopcheck, *sample, "--jobs", "1", "--quiet", "--no-config"])
            print(f"check-jsonschema on {len(sample)} files: CPU {p_cpu * 1000 / len(sample):.3f} ms/profile")
            print(f"ovopcheck --jobs 1 on the same files: CPU {o_cpu * 1000 / len(sample):.3f} ms/profile")
            print(f"  ratio CPU ovopcheck (batch above) / check-jsonschema: {(cpu / n) / (p_cpu / len(sample)):.2f}")
        elif not peer:
            print("check-jsonschema not installed (pip install check-jsonschema): peer comparison skipped")

        one = str(paths[0])
        # What an officer types: the installed command (as check-jsonschema is run by its command). Runs
        # alternate between the two, so that a busy moment on the machine falls on both alike.
        script = Path(sys.executable).parent / "ovopcheck"
        command = [str(script)] if script.exists() else ovopcheck
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(args.repeat):
            ours.append(timed([*command, one, "--no-config"])[0])
            if peer:
                theirs.append(timed([peer, "--schemafile", str(schema), one])[0])
        print()
        print(
            f"cold start, one profile: {' '.join(Path(c).name for c in command)} "
            f"{statistics.median(ours) * 1000:.0f} ms (median of {args.repeat})"
        )
        if theirs:
            print(f"cold start, one profile: check-jsonschema {statistics.median(theirs) * 1000:.0f} ms")
            print(f"  ratio ovopcheck / check-jsonschema: {statistics.median(ours) / statistics.median(theirs):.2f}")


if __name__ == "__main__":
    main()

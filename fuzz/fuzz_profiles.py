"""Fuzz the loader and the evaluator by hand (not part of the test suite).

    .venv/bin/pip install atheris && .venv/bin/python fuzz/fuzz_profiles.py -max_total_time=600
    .venv/bin/python fuzz/fuzz_profiles.py --hypothesis 200000     # without atheris

Invariant: any bytes either load as a profile that then evaluates, or raise InputError with located
problems. Anything else (another exception, a hang, a crash) is a bug: atheris keeps the input that
caused it; hypothesis prints it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

try:  # coverage guidance for atheris: instrument ovopcheck's own code as it is imported
    import atheris

    instrumented = atheris.instrument_imports(include=["ovopcheck"])
except ImportError:
    import contextlib

    instrumented = contextlib.nullcontext()

with instrumented:
    from ovopcheck.errors import InputError
    from ovopcheck.evaluate import evaluate_profile
    from ovopcheck.loading.profile import profile_from_text
    from ovopcheck.loading.read import decode
    from ovopcheck.sets import load_programme
AS_OF = dt.date(2026, 11, 28)
CRITERIA = load_programme("ovop", AS_OF)
SEED = (Path(__file__).resolve().parent.parent / "examples" / "batik-eligible.yaml").read_bytes()


def check(data: bytes) -> None:
    try:
        loaded = profile_from_text(decode(data, "<fuzz>"), "<fuzz>")
    except InputError as exc:
        assert exc.problems
        return
    result = evaluate_profile(CRITERIA, loaded.data, AS_OF)
    assert len(result.findings) == len(CRITERIA.criteria)


def with_hypothesis(examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    mutations = st.builds(
        lambda cut, insert, at: SEED[:at] + insert + SEED[at + cut :],
        st.integers(0, 40),
        st.binary(max_size=40),
        st.integers(0, len(SEED)),
    )

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.one_of(st.binary(max_size=400), mutations))
    def run(data: bytes) -> None:
        check(data)

    run()
    print(f"{examples} inputs checked, no invariant broken")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--hypothesis":
        with_hypothesis(int(sys.argv[2]))
    else:
        here = Path(__file__).resolve().parent
        found = here / ".found"  # new inputs land here (git-ignored); corpus/ holds the seeds
        found.mkdir(exist_ok=True)
        atheris.Setup([*sys.argv, str(found), str(here / "corpus")], check)
        atheris.Fuzz()

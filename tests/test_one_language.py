"""One language per report (issue 13, part 6): with --lang id, no English reaches an officer, in any
format, for any example. Identifiers (criterion ids, field paths, file names, codes), URLs and the
machine-readable keys of JSON, SARIF and JUnit are not prose and are left out; legal terms stay
Indonesian by design."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ovopcheck.report.formats import FORMATS

from .conftest import AS_OF, read_report, run_cli

# Common English words that are not also Indonesian words or legal terms.
ENGLISH = {
    "the",
    "and",
    "of",
    "is",
    "not",
    "must",
    "be",
    "found",
    "article",
    "with",
    "from",
    "for",
    "by",
    "this",
    "that",
    "are",
    "was",
    "were",
    "has",
    "have",
    "been",
    "only",
    "its",
    "which",
    "when",
    "where",
    "what",
    "who",
    "will",
    "would",
    "should",
    "can",
    "could",
    "than",
    "then",
    "there",
    "these",
    "those",
    "into",
    "onto",
    "upon",
    "over",
    "under",
    "between",
    "after",
    "before",
    "about",
    "above",
    "below",
    "as",
    "at",
    "on",
    "or",
    "an",
    "if",
    "it",
    "to",
    "no",
    "yes",
    "any",
    "all",
    "each",
    "every",
    "other",
    "some",
    "such",
    "more",
    "most",
    "less",
    "least",
    "very",
    "also",
    "both",
    "either",
    "neither",
    "but",
    "because",
    "while",
    "during",
    "until",
    "since",
    "via",
    "within",
    "without",
    "unless",
    "whether",
    "gap",
    "gaps",
    "unknown",
    "eligible",
    "missing",
    "file",
    "files",
    "line",
    "field",
}
HUMAN_KEYS = {"message", "title", "advice", "label", "instrument", "article", "note", "regime", "text"}
RUNS = [
    ("ovop", ["examples/*.yaml", "examples/dossiers/batik-sekar-jagad", "examples/dossiers/dodol-halal-expired",
              "examples/invalid/workforce-in-words.yaml"]),
    ("upakarti", ["examples/upakarti/*.yaml"]),
]  # fmt: skip


def english_words(text: str) -> Counter[str]:
    text = re.sub(r"https?://\S+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))
    found: Counter[str] = Counter()
    for token in text.split():
        if re.search(r"[._/\-:=\\\[\]{}\"'`@#]", token):
            continue  # an identifier, a path, a code or markup: not prose
        word = re.sub(r"[^A-Za-z]", "", token)
        if word.lower() in ENGLISH:
            found[word] += 1
    return found


def human_text(node: Any) -> list[str]:
    """The values of human-readable keys anywhere in a JSON document."""
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in ([v] if k in HUMAN_KEYS and isinstance(v, str) else human_text(v))]
    if isinstance(node, list):
        return [t for v in node for t in human_text(v)]
    return []


def prose(fmt: str, output: str) -> str:
    if fmt in ("json", "sarif"):
        return "\n".join(human_text(json.loads(output)))
    if fmt == "jsonl":
        return "\n".join(t for line in output.splitlines() for t in human_text(json.loads(line)))
    if fmt == "junit":
        root = ET.fromstring(output)
        return "\n".join(
            [e.get("message", "") for e in root.iter()] + [e.text or "" for e in root.iter() if e.tag != "system-out"]
        )
    if fmt == "csv-findings":
        return "\n".join(row["message"] for row in csv.DictReader(io.StringIO(output)))
    if fmt == "csv":  # the columns people read (the others are codes and numbers)
        columns = ("blocking_gaps", "to_fill_in", "readiness", "problems")
        return "\n".join(row[c] for row in csv.DictReader(io.StringIO(output)) for c in columns)
    if fmt == "github":
        return "\n".join(line.split("::", 2)[-1] for line in output.splitlines())
    return output


@pytest.mark.parametrize(("programme", "paths"), RUNS)
def test_an_indonesian_report_holds_no_english(programme: str, paths: list[str], tmp_path: Path) -> None:
    outputs = [f"{fmt}:{tmp_path / fmt}" for fmt in FORMATS if fmt != "text"]
    proc = run_cli(
        *paths, "--program", programme, "--lang", "id", "--as-of", AS_OF.isoformat(), "-v", "-j", "1",
        *(a for o in outputs for a in ("-o", o)),
    )  # fmt: skip
    assert proc.returncode in (1, 2), proc.stderr
    reports = {"text": proc.stdout + proc.stderr}
    reports |= {fmt: read_report(fmt, tmp_path / fmt) for fmt in FORMATS if fmt != "text"}
    leaks = {fmt: english_words(prose(fmt, out)) for fmt, out in reports.items()}
    assert {fmt: dict(words) for fmt, words in leaks.items() if words} == {}


def test_the_scan_sees_english() -> None:
    assert english_words("Kesimpulan: the file is not valid") == Counter({"the": 1, "file": 1, "is": 1, "not": 1})
    assert not english_words("ovop.proposed-by-dinas examples/no-category.yaml https://x.org/the")


def test_explain_and_the_criteria_tools_speak_indonesian() -> None:
    for args in (["explain", "ovop.food-halal"], ["criteria", "show", "ovop-2021"], ["criteria", "list"]):
        proc = run_cli(*args, "--lang", "id", env={"COLUMNS": "200"})
        assert proc.returncode == 0 and not english_words(proc.stdout), (args, english_words(proc.stdout))


def test_file_system_errors_are_said_in_the_report_language(tmp_path: Path) -> None:
    target = str(tmp_path / "no-such-folder" / "laporan.html")
    indonesian = run_cli("examples/batik-eligible.yaml", "-o", f"html:{target}", "--lang", "id")
    assert indonesian.returncode == 2 and "folder atau berkas tidak ada" in indonesian.stderr
    english = run_cli("examples/batik-eligible.yaml", "-o", f"html:{target}", "--lang", "en")
    assert "no such file or folder" in english.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["init"], ["explain"], ["criteria"], ["criteria", "lint"]])
def test_help_follows_the_language(command: list[str]) -> None:
    indonesian = run_cli(*command, "--help", env={"OVOPCHECK_LANG": "id"}).stdout
    english = run_cli(*command, "--help", env={"OVOPCHECK_LANG": "en"}).stdout
    assert indonesian != english
    # click's own words too: headings, the usage line, the --help line, [required].
    assert not english_words(indonesian), english_words(indonesian)
    for words in ("Usage:", "Options:", "Show this message and exit.", "[required]", "[OPTIONS]"):
        assert words not in indonesian
    assert "Pemakaian: " in indonesian and "Usage: " in english


# Each command-line mistake, with what the Indonesian message must say (the English one says it too, in English).
MISTAKES = [
    (["check", "x.yaml", "-f", "jsn"], ["'jsn'", "'json'", "text, json"]),
    (["check", "x.yaml", "--fail-on", "gapp"], ["'gapp'", "'gap'"]),
    (["check", "x.yaml", "--lang", "in"], ["'in'", "id, en"]),
    (["check", "x.yaml", "--jobs", "abc"], ["--jobs", "1", "256"]),
    (["check", "x.yaml", "--jobs", "0"], ["--jobs", "1", "256"]),
    (["check", "x.yaml", "-f"], ["-f"]),
    (["check", "x.yaml", "--verbose=3"], ["--verbose"]),
    (["check", "x.yaml", "--verbos"], ["--verbos", "'--verbose'"]),
    (["check"], ["BERKAS_ATAU_FOLDER", "FILE_OR_FOLDER"]),
    (["explain"], ["KRITERIA", "CRITERION"]),
    (["criteria", "show"], ["SET"]),
    (["criteria", "lsit"], ["'lsit'", "'list'"]),
    (["init", "a", "b", "c"], ["b c"]),
    (["config", "--bogus"], ["--bogus"]),
    (["schema", "profil"], ["'profil'", "'profile'"]),
]


@pytest.mark.parametrize(("args", "says"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_command_line_mistakes_are_said_in_the_report_language(args: list[str], says: list[str]) -> None:
    indonesian = run_cli(*args, env={"OVOPCHECK_LANG": "id"})
    english = run_cli(*args, env={"OVOPCHECK_LANG": "en"})
    assert indonesian.returncode == english.returncode == 2
    assert indonesian.stdout == english.stdout == ""
    # The choices themselves (gap, unknown, ...) are what to type, not prose.
    prose_only = re.sub(r"pilihan: .*", "", indonesian.stderr)
    assert not english_words(prose_only), (indonesian.stderr, english_words(prose_only))
    assert indonesian.stderr != english.stderr and "Error:" not in indonesian.stderr + english.stderr
    for text in says:
        assert text in indonesian.stderr or text in english.stderr, (text, indonesian.stderr, english.stderr)
    assert all(text in indonesian.stderr + english.stderr for text in says)
    # The first line says what is wrong; traceback-free, one or two lines.
    assert (
        indonesian.stderr.startswith(("ovopcheck", "python -m ovopcheck")) and len(indonesian.stderr.splitlines()) <= 2
    )

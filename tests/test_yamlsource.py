"""The YAML reader: safe subset, positions, limits, encodings and non-regular files."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from ovopcheck.errors import InputError
from ovopcheck.loading import read as yamlsource
from ovopcheck.loading.tree import to_data


def read(text: str) -> tuple[object, dict]:
    return to_data(yamlsource.parse(text, "t.yaml").root, None, source="t.yaml")


def problem_of(text: str) -> tuple[str, int, int]:
    with pytest.raises(InputError) as info:
        read(text)
    p = info.value.problems[0]
    return p.message_key, p.line, p.column


def test_positions_and_untyped_scalars() -> None:
    data, positions = read('a: 0123\nb:\n  - "x"\n  - y\n  - no\n')
    assert data == {"a": "0123", "b": ["x", "y", "no"]}  # no schema here: YAML 1.1 traps stay text
    assert positions[("b",)] == (2, 1)
    assert positions[("b", 0)] == (3, 5)


def test_positions_cover_every_written_path_and_travel_as_a_plain_table() -> None:
    import pickle

    _, positions = read("root:\n  empty:\n  list:\n    - {k: 1}\n    - [x, y]\n")
    # Empty values are dropped from the data but keep their place: a report can still point at them.
    assert dict(positions) == {
        (): (1, 1),
        ("root",): (1, 1),
        ("root", "empty"): (2, 3),
        ("root", "list"): (3, 3),
        ("root", "list", 0): (4, 7),
        ("root", "list", 0, "k"): (4, 8),
        ("root", "list", 1): (5, 7),
        ("root", "list", 1, 0): (5, 8),
        ("root", "list", 1, 1): (5, 11),
    }
    assert ("nowhere",) not in positions and positions.get(("nowhere",)) is None
    assert pickle.loads(pickle.dumps(positions)) == dict(positions)


@pytest.mark.parametrize(
    ("text", "key", "line", "column"),
    [
        ("a: 1\na: 2\n", "duplicate_key", 2, 1),
        ("a:\n  b: 1\n  b: 2\n", "duplicate_key", 3, 3),
        ("a: &x 1\nb: *x\n", "alias_not_allowed", 2, 1),
        ("a: !!python/object:os.system 1\n", "tag_not_allowed", 1, 4),
        ("a: !custom 1\n", "tag_not_allowed", 1, 4),
        ("a:\n  <<: {b: 1}\n", "merge_key_not_allowed", 2, 3),
        ("a: 1\n---\nb: 2\n", "multiple_documents", 2, 1),
        ("? [a, b]\n: 1\n", "key_not_scalar", 1, 3),
        ("a: [1, 2\n", "yaml_brackets", 2, 1),
    ],
)
def test_rejected_constructs_are_located(text: str, key: str, line: int, column: int) -> None:
    assert problem_of(text) == (key, line, column)


def test_str_tag_is_allowed_and_forces_text() -> None:
    assert read("a: !!str 123\n")[0] == {"a": "123"}


def test_an_unused_anchor_is_harmless() -> None:
    assert read("a: &x 1\n")[0] == {"a": 1}


@pytest.mark.parametrize("text", ["", "# only a comment\n", "   \n"])
def test_empty_documents(text: str) -> None:
    assert problem_of(text)[0] == "empty_document"


def test_recursive_alias_is_rejected() -> None:
    assert problem_of("a: &a [*a]\n")[0] in {"alias_not_allowed", "yaml_syntax"}


def test_billion_laughs_is_rejected_before_any_expansion() -> None:
    import time

    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    start = time.monotonic()
    assert problem_of("\n".join(lines))[0] == "alias_not_allowed"
    assert time.monotonic() - start < 1


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_limited(style: str) -> None:
    depth = 5000
    text = "[" * depth + "]" * depth if style == "flow" else "".join(f"{'  ' * i}k:\n" for i in range(depth))
    assert problem_of(text)[0] == "too_deep"


def test_depth_limit_of_the_walk() -> None:
    assert problem_of("a: " + "[" * 70 + "]" * 70)[0] == "too_deep"


def test_too_many_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_NODES", 100)
    assert problem_of("[" + ",".join(["1"] * 200) + "]")[0] == "too_many_nodes"


def test_long_scalar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_SCALAR_CHARS", 10)
    assert problem_of("a: " + "x" * 11)[0] == "scalar_too_long"


def test_bom_and_utf16_are_accepted() -> None:
    assert yamlsource.decode(b"\xef\xbb\xbfa: 1\n", "t") == "a: 1\n"
    assert yamlsource.decode("a: é\n".encode("utf-16"), "t") == "a: é\n"


def test_latin1_is_rejected_with_position() -> None:
    with pytest.raises(InputError) as info:
        yamlsource.decode(b"a: 1\nb: caf\xe9\n", "t")
    problem = info.value.problems[0]
    assert (problem.message_key, problem.line, problem.column) == ("not_utf8", 2, 7)


def test_control_characters_are_a_syntax_error() -> None:
    assert problem_of("a: 1\nb: x\x00y\n") == ("yaml_character", 2, 5)  # by line and column, not offset


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        yamlsource.read_text(tmp_path / "nope.yaml")
    assert info.value.problems[0].message_key == "file_not_found"
    with pytest.raises(InputError) as info:
        yamlsource.read_text(tmp_path)
    assert info.value.problems[0].message_key == "is_directory"


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000)
    with pytest.raises(InputError) as info:
        yamlsource.read_text(big, max_bytes=1000)
    assert info.value.problems[0].message_key == "file_too_large"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_fifo_is_rejected_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            yamlsource.read_text(fifo)
        except InputError as exc:
            outcome.append(exc.problems[0].message_key)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    assert outcome == ["not_regular_file"]


def test_socket_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(InputError) as info:
            yamlsource.read_text(path)
    assert info.value.problems[0].message_key in {"not_regular_file", "file_unreadable"}


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    path = tmp_path / "p.yaml"
    path.write_text("a: 1")
    path.chmod(0)
    with pytest.raises(InputError) as info:
        yamlsource.read_text(path)
    assert info.value.problems[0].message_key == "file_unreadable"

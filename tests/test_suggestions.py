"""A typo is answered with the fix (issue 13, part 7): commands, criterion ids, programmes, field names
and choices such as document types, through the real command, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import AS_OF, run_cli

EXAMPLE = "examples/batik-eligible.yaml"


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (["chek", EXAMPLE], "id", "'chek' bukan berkas dan bukan perintah; maksudnya `ovopcheck check`?"),
        (["exlpain", "ovop.sentra-units"], "en", "did you mean `ovopcheck explain`?"),
        (["explain", "sentra-units"], "id", "(maksudnya 'ovop.sentra-units'?)"),
        (["explain", "ovop.sentra-unit"], "en", "(did you mean 'ovop.sentra-units'?)"),
        (["--program", "opov", EXAMPLE], "en", "programme 'opov' (did you mean 'ovop'?)"),
    ],
)
def test_a_mistyped_name_gets_the_right_one(args: list[str], lang: str, said: str) -> None:
    proc = run_cli(*args, "--lang", lang)
    assert proc.returncode == 2
    assert said in proc.stderr and proc.stdout == ""


def test_only_programmes_an_officer_can_choose_are_offered() -> None:
    proc = run_cli("--program", "xyz", EXAMPLE, "--as-of", AS_OF.isoformat())
    assert "(tersedia: ovop, upakarti)" in proc.stderr and "classification" not in proc.stderr


def test_a_file_named_like_a_command_is_still_checked(tmp_path: Path) -> None:
    (tmp_path / "chek").write_text((Path(__file__).parent.parent / EXAMPLE).read_text(encoding="utf-8"))
    proc = run_cli("chek", "--as-of", AS_OF.isoformat(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize(
    ("line", "lang", "said"),
    [
        ("size: {workfroce: 9}", "id", "isian 'workfroce' tidak dikenal (maksudnya 'workforce'?)"),
        ("business: {legal_form: Koprasi}", "en", "'Koprasi' is not a known choice (did you mean 'koperasi'?)"),
        ("documents: [{type: halal_certifcate, path: a.pdf}]", "en", "(did you mean 'halal_certificate'?)"),
    ],
)
def test_a_mistyped_field_or_choice_gets_the_right_one(tmp_path: Path, line: str, lang: str, said: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(f"schema_version: 1\n{line}\n", encoding="utf-8")
    proc = run_cli(str(path), "--lang", lang)
    assert proc.returncode == 2 and said in proc.stderr, proc.stderr

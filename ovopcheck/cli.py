"""The command line: a thin translation from flags to the core and from results to an exit code."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__

EXIT_HELP = """Exit codes / kode keluar:
 0  every file checked and eligible / semua berkas layak diusulkan;
 1  checked, not yet eligible: gaps or missing information / ada kekurangan atau informasi belum lengkap;
 2  could not check: usage error, unreadable or invalid input / tidak dapat diperiksa."""


class DefaultToCheck(TyperGroup):
    """``ovopcheck profile.yaml`` means ``ovopcheck check profile.yaml``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultToCheck,
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Check IKM profiles against Kemenperin's OVOP criteria and print a pass/gap report "
    "with the legal basis. Periksa profil IKM terhadap kriteria OVOP.\n\n"
    "`ovopcheck PROFILE.yaml ...` is short for `ovopcheck check PROFILE.yaml ...`.\n\n" + EXIT_HELP,
    epilog=EXIT_HELP,
)


class Lang(StrEnum):
    id = "id"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ovopcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Root options."""


def _parse_date(value: str | None, lang: str) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from .i18n import message

        _usage_error(message("cli.bad_date", lang, value=value))
        raise  # pragma: no cover - _usage_error exits


def _usage_error(text: str) -> None:
    from .describe import safe_line

    typer.echo(f"ovopcheck: {safe_line(text)}", err=True)
    raise typer.Exit(2)


@app.command(epilog=EXIT_HELP)
def check(
    paths: Annotated[list[Path], typer.Argument(help="Profile files (.yaml) to check.", show_default=False)],
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help="Evaluate as of this date (default: today).")
    ] = None,
    programme: Annotated[str, typer.Option("--program", "--programme", help="Programme to check against.")] = "ovop",
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Report language (default: OVOPCHECK_LANG, then the locale, else id).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show every basis and the exact values compared.")
    ] = False,
    width: Annotated[int | None, typer.Option("--width", min=40, max=400, help="Report width in columns.")] = None,
) -> None:
    """Check IKM profile files and print a pass/gap report for each."""
    from .api import UnknownProgramme, check_file, load_programme
    from .describe import problem_line
    from .errors import InputError
    from .i18n import message, resolve_language
    from .model import FailedFile
    from .reporters.text import make_console, render

    language = resolve_language(lang.value if lang else None)
    day = _parse_date(as_of, language)
    try:
        cset = load_programme(programme)
    except UnknownProgramme as exc:
        _usage_error(message("cli.no_programme", language, programme=exc.programme, known=", ".join(exc.known)))
        return
    except InputError as exc:
        for problem in exc.problems:
            typer.echo(problem_line(exc.source, problem, language), err=True)
        _usage_error(message("cli.criteria_error", language))
        return
    console = make_console(width=width)
    worst = 0
    for index, path in enumerate(paths):
        result = check_file(path, cset, day)
        worst = max(worst, result.exit_code)
        if isinstance(result, FailedFile):
            for problem in result.problems:
                typer.echo(problem_line(result.source, problem, language), err=True)
            continue
        if index:
            console.rule(style="dim")
        render(result, console, language, verbose=verbose)
    raise typer.Exit(worst)


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="profile (default) or criteria.")] = "profile",
    fields: Annotated[bool, typer.Option("--fields", help="Print the profile field reference as Markdown.")] = False,
) -> None:
    """Print the JSON Schema of the profile format (or of the criteria format)."""
    if fields:
        from .schemadocs import fields_markdown

        sys.stdout.write(fields_markdown())
        return
    from .resources import schema_text

    if kind not in ("profile", "criteria"):
        _usage_error(f"unknown schema '{kind}': use profile or criteria")
    sys.stdout.write(schema_text(kind))
    sys.stdout.write("\n")


def main() -> None:
    """Console-script entry point: exit codes 0/1/2, never a traceback (unless OVOPCHECK_DEBUG=1)."""
    import os

    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write("ovopcheck: interrupted\n")
        sys.exit(2)
    except Exception as exc:  # a bug in ovopcheck, not in the input: say so, briefly
        if os.environ.get("OVOPCHECK_DEBUG"):
            raise
        sys.stderr.write(
            f"ovopcheck: internal error ({type(exc).__name__}); please report it with the input that "
            "caused it. Set OVOPCHECK_DEBUG=1 to see the traceback.\n"
        )
        sys.exit(2)

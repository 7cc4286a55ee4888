"""What every command shares: the closed choices (built from their registries, never typed again), the
common options, and turning a problem with the command line or its settings into exit code 2."""

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from ..model.enums import FAIL_ON
from ..report.formats import FORMATS
from ..report.messages import LANGUAGES
from .helptext import h
from .localized import Choice

# The closed choices, built from their registries; a wrong one is refused in the help language.
LANG_CHOICE = Choice(LANGUAGES)
COLOR_CHOICE = Choice(("auto", "always", "never"))
DELIMITER_CHOICE = Choice((",", ";"))
FORMAT_CHOICE = Choice(FORMATS)
# --fail-on takes repeated values and comma lists, checked against FAIL_ON by policy.normalise_fail_on.
FAIL_ON_METAVAR = "[" + "|".join(FAIL_ON) + "],..."

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help=h("config")),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help=h("no_config"))]
CriteriaOption = Annotated[list[Path] | None, typer.Option("--criteria", help=h("criteria_add"))]
LangOption = Annotated[str | None, typer.Option("--lang", click_type=LANG_CHOICE, help=h("lang_short"))]


def usage_error(text: str) -> NoReturn:
    """Say what is wrong on stderr (made safe for the terminal) and exit 2."""
    from ..report.safe import safe_line

    typer.echo(f"ovopcheck: {safe_line(text)}", err=True)
    raise typer.Exit(2)


def report_language(lang: str | None) -> str:
    """The report language: the flag, else OVOPCHECK_LANG, else the locale, else Indonesian."""
    from ..config import resolve_language

    return resolve_language(str(lang) if lang else None)


def parse_date(value: str | None, lang: str) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from ..report.messages import message

        usage_error(message("cli.bad_date", lang, value=value))


def criteria_sets(extra: list[Path] | None, lang: str) -> list[Any]:
    """Bundled plus ``--criteria`` sets; a broken criteria file is a usage error (exit 2)."""
    from ..errors import InputError
    from ..report.messages import message
    from ..report.sentences import problem_line
    from ..sets import UnknownBase, UnknownClassification, load_sets

    try:
        return load_sets(extra or ())
    except UnknownBase as exc:
        usage_error(message("cli.unknown_base", lang, source=exc.cset.source, base=exc.cset.extends or ""))
    except UnknownClassification as exc:
        usage_error(message("cli.unknown_classification", lang, source=exc.cset.source, id=exc.cid))
    except InputError as exc:
        for problem in exc.problems:
            typer.echo(problem_line(exc.source, problem, lang), err=True)
        usage_error(message("cli.criteria_error", lang))


def selected(sets: list[Any], programme: str, day: dt.date, lang: str) -> Any:
    """The set of ``programme`` in force on ``day``, or a usage error naming the ones there are."""
    from ..report.messages import message
    from ..report.sentences import did_you_mean
    from ..sets import NoSetInForce, first_start, select_set
    from ..spelling import closest

    try:
        return select_set(sets, programme, day)
    except NoSetInForce as exc:
        starts = first_start(sets, programme, day)
        if starts is not None:  # a programme that had no rules yet on that day
            usage_error(message("cli.programme_not_yet", lang, programme=programme, date=day, starts=starts))
        hint = did_you_mean(closest(programme, exc.known), lang)
        known = ", ".join(exc.known)
        usage_error(message("cli.no_set_in_force", lang, programme=programme, date=day, known=known, hint=hint))


def settings(config: Path | None, no_config: bool, overrides: dict[str, Any]) -> Any:
    """Defaults, then the config file, then the flags given on the command line."""
    from ..config import find_config, resolve_language, settings_from
    from ..errors import InputError
    from ..report.sentences import problem_line

    path = None if no_config else (config if config is not None else find_config(Path.cwd()))
    try:
        found = settings_from(path)
    except InputError as exc:
        lang = resolve_language(overrides.get("lang"))
        for problem in exc.problems:
            typer.echo(problem_line(exc.source, problem, lang), err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        from ..report.sentences import os_error

        usage_error(f"{path}: {os_error(exc, resolve_language(overrides.get('lang')))}")
    for key, value in overrides.items():
        if value not in (None, False, [], ()):
            found.set(key, value, "command line")
    return found

"""``ovopcheck check`` (the default command): flags -> settings -> the run loop -> exit code."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..report.formats.base import ReportContext
from .app import EXIT_HELP, app
from .helptext import h
from .localized import LocalizedCommand
from .options import (
    COLOR_CHOICE,
    DELIMITER_CHOICE,
    FAIL_ON_METAVAR,
    FORMAT_CHOICE,
    LANG_CHOICE,
    ConfigOption,
    NoConfigOption,
    criteria_sets,
    parse_date,
    report_language,
    selected,
    settings,
    usage_error,
)

PROFILE_FILES = ("profile.yaml", "profile.yml")


@app.command(cls=LocalizedCommand, epilog=EXIT_HELP, help=h("check"), short_help=h("check_short"))
def check(
    paths: Annotated[list[Path], typer.Argument(metavar=h("metavar_paths"), help=h("paths"), show_default=False)],
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help=h("as_of"))] = None,
    programme: Annotated[
        str | None, typer.Option("--program", "--programme", metavar="ovop|upakarti", help=h("program"))
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", click_type=LANG_CHOICE, help=h("lang"))] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", click_type=FORMAT_CHOICE, help=h("format"))
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option("--output", "-o", metavar="FORMAT:PATH", help=h("output")),
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", metavar=FAIL_ON_METAVAR, help=h("fail_on")),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=h("verbose"))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=h("quiet"))] = False,
    width: Annotated[int | None, typer.Option("--width", min=40, max=400, help=h("width"))] = None,
    criteria: Annotated[
        list[Path] | None,
        typer.Option("--criteria", help=h("criteria_add")),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    as_dossier: Annotated[bool, typer.Option("--as-dossier", help=h("as_dossier"))] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, max=256, help=h("jobs")),
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB", help=h("exclude"))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("strict"))] = False,
    stdin_name: Annotated[str | None, typer.Option("--stdin-name", metavar="NAME", help=h("stdin_name"))] = None,
    color: Annotated[str | None, typer.Option("--color", click_type=COLOR_CHOICE, help=h("color"))] = None,
    list_files: Annotated[bool, typer.Option("--list-files", help=h("list_files"))] = False,
    only_profiles: Annotated[bool, typer.Option("--only-profiles", help=h("only_profiles"))] = False,
    no_output: Annotated[bool, typer.Option("--no-output", help=h("no_output"))] = False,
    bom: Annotated[bool, typer.Option("--bom", help=h("bom"))] = False,
    delimiter: Annotated[str, typer.Option("--delimiter", click_type=DELIMITER_CHOICE, help=h("delimiter"))] = ",",
) -> None:
    """Check IKM profiles or dossier folders and report, for each, what is met and what is missing."""
    from contextlib import ExitStack

    from ..batch.discover import discover
    from ..batch.run import CannotWrite, NothingToCheck, OutputIsInput, open_outputs, run
    from ..batch.workers import WorkersFailing, usable_cpus
    from ..policy import PatternUse, waivers_for_unknown_criteria
    from ..report.formats import make_reporter
    from ..report.messages import message
    from ..report.sentences import idle_waiver_line
    from ..sets import programmes_in_force
    from .stdin import take_stdin
    from .terminal import STDERR, TerminalWatcher, use_color

    use_color(color)  # before any console is made: --color wins over NO_COLOR / FORCE_COLOR
    stack = ExitStack()
    flags: dict[str, Any] = {
        "as_of": as_of,
        "program": programme,
        "lang": lang,
        "format": output_format,
        "output": output,
    }
    flags |= {"fail_on": fail_on, "verbose": verbose, "quiet": quiet, "width": width, "exclude": exclude}
    flags |= {"criteria": [str(c) for c in criteria] if criteria else None, "jobs": jobs}
    values = settings(config, no_config, flags).values
    if no_output:  # a pre-commit hook never writes into the repository, whatever the config says
        values["output"] = []
    lang_ = report_language(values["lang"])
    day = parse_date(values["as_of"], lang_)
    sets = criteria_sets([Path(c) for c in values["criteria"]], lang_)
    cset = selected(sets, values["program"], day, lang_)
    # Each profile is checked against the programme it is for (a nominee section: Upakarti); --program
    # is the one for profiles that do not say.
    programmes = programmes_in_force(sets, cset.programme, day)
    others = tuple(s for s in programmes.sets.values() if s is not cset)
    policy = _policy(values["fail_on"], lang_)
    context = ReportContext(lang_, policy, cset, day, values["verbose"], values["quiet"], other_sets=others, bom=bom,
                            delimiter=delimiter)  # fmt: skip
    main, files = _outputs(values, context)
    expanded = [p.parent if as_dossier and p.name in PROFILE_FILES else p for p in _expanded(paths)]
    given = take_stdin(expanded, stdin_name, stack)
    waivers = tuple(values["waivers"])
    known = sorted({c.id for s in programmes.sets.values() for c in s.criteria})
    idle = [idle_waiver_line(w, lang_, known) for w in waivers_for_unknown_criteria(waivers, known)]
    _say_idle(idle, strict, lang_)
    patterns = PatternUse(waivers)
    discovered = discover(given, values["exclude"])
    found = patterns.watch(_profiles_only(discovered) if only_profiles else discovered)
    if list_files:
        with stack:
            _list(found, lang_)
    errors = None if main.format == "text" else STDERR  # machine output on stdout; people read stderr
    watcher = TerminalWatcher(sys.stdout, values["quiet"])

    def failure(exc: Exception) -> str:  # a fatal error, in the report language
        if isinstance(exc, WorkersFailing):
            return message("cli.workers_failing", lang_, n=exc.files)
        return message("cli.nothing_found", lang_, paths=", ".join(str(p) for p in paths))

    try:
        with stack, open_outputs(main, files, given, failure) as outputs:
            summary = run(
                found, programmes, day, outputs, fail_on=policy, waivers=waivers,
                jobs=values["jobs"] or usable_cpus(), errors=errors, watcher=watcher,
            )  # fmt: skip
    except OutputIsInput as exc:
        usage_error(message("cli.output_is_input", lang_, path=exc.path))
    except CannotWrite as exc:
        import errno

        from ..report.sentences import os_reason

        usage_error(f"{exc.path}: {os_reason(errno.errorcode.get(exc.code or 0, ''), exc.reason, lang_)}")
    except (WorkersFailing, NothingToCheck) as exc:
        if isinstance(exc, NothingToCheck) and main.format != "text":  # stdout still gets a valid document
            getattr(make_reporter(main.format, sys.stdout, main.ctx), "fail", lambda reason: None)(failure(exc))
        usage_error(failure(exc))
    _say_idle([idle_waiver_line(w, lang_) for w in patterns.unmatched], strict, lang_)
    raise typer.Exit(summary.exit_code)


def _profiles_only(found: Any) -> Any:
    """--only-profiles: the YAML files given that are profiles by their content (folders and dossiers stay)."""
    from ..batch.discover import Named, Skipped
    from ..loading.profile import looks_like_profile

    for path in found:
        if isinstance(path, Named | Skipped) or Path(path).is_dir() or looks_like_profile(path):
            yield path


def _list(found: Any, lang: str) -> None:
    """--list-files: what the run would check, one per line, and nothing checked (exit 0; 2 when nothing)."""
    from ..batch.discover import Skipped
    from ..errors import Problem
    from ..report.messages import message
    from ..report.safe import safe_line
    from ..report.sentences import problem_sentence

    listed = 0
    for path in found:
        if isinstance(path, Skipped):  # found but not to be read: said, as a run would say it
            typer.echo(f"{safe_line(path)}: {problem_sentence(Problem(path.reason), lang)}", err=True)
            continue
        listed += 1
        typer.echo(safe_line(path))
    if not listed:
        usage_error(message("cli.nothing_to_list", lang))
    raise typer.Exit(0)


def _say_idle(lines: list[str], strict: bool, lang: str) -> None:
    """Warnings on stderr; with --strict, an error that stops the run (exit code 2)."""
    from ..report.messages import message

    for line in lines:
        typer.echo(f"ovopcheck: {line}", err=True)
    if lines and strict:
        usage_error(message("cli.strict_failed", lang))


def _expanded(paths: list[Path]) -> list[Path]:
    """``berkas\\*.yaml`` as Windows passes it: a pattern the shell did not expand is expanded here, in
    name order; one that matches nothing stays as given, and is reported as not found."""
    out: list[Path] = []
    for path in paths:
        text = str(path)
        pattern = any(c in text for c in "*?[") and not path.exists()
        # glob.glob, not Path.glob: the pattern may be absolute or climb (..\\berkas\\*.yaml).
        matches = sorted(__import__("glob").glob(text)) if pattern else []
        if matches:
            out.extend(Path(m) for m in matches)
        else:
            out.append(path)
    return out


def _outputs(values: dict[str, Any], base: Any) -> tuple[Any, list[tuple[str, Any, str]]]:
    """The report on stdout (text: laid out for the terminal) and the --output files, as (format, context, path)."""
    from dataclasses import replace

    from ..batch.run import Output
    from ..report.formats import BINARY, BY_EXTENSION, FORMATS
    from ..report.messages import message

    files = []
    for spec in values["output"]:
        fmt, _, target = spec.partition(":")
        if fmt not in FORMATS or not target:  # -o laporan.html: the format from the extension
            fmt, target = BY_EXTENSION.get(Path(spec).suffix.lower(), ""), spec
        if not fmt:
            known = ", ".join(FORMATS)
            usage_error(message("cli.output_spec", base.lang, spec=spec, formats=known, ext=", ".join(BY_EXTENSION)))
        files.append((fmt, replace(base, width=values["width"] or 80), target))
    if values["format"] in BINARY:  # a workbook is bytes: to a file, never to a terminal or pipe of text
        usage_error(message("cli.binary_to_file", base.lang, format=values["format"]))
    if values["format"] != "text":
        return Output(values["format"], replace(base, width=values["width"] or 80), sys.stdout), files
    from ..report.formats.text import terminal_context
    from .terminal import STDERR

    return Output("text", terminal_context(base, values["width"]), None, STDERR), files


def _policy(values: Any, lang: str) -> frozenset[str]:
    """--fail-on (repeated, comma lists, or the config's) as the set of outcomes that fail; a value that is
    no choice, or ``never`` with another, is a usage error."""
    from ..model.enums import FAIL_ON
    from ..policy import FailOnError, normalise_fail_on
    from ..report.messages import message
    from ..report.sentences import did_you_mean
    from ..spelling import closest

    try:
        return normalise_fail_on(values)
    except FailOnError as exc:
        if exc.contradiction:
            usage_error(message("cli.fail_on_never_with", lang, other=exc.value))
        hint = did_you_mean(closest(exc.value, FAIL_ON), lang)
        usage_error(message("cli.fail_on_unknown", lang, value=exc.value, hint=hint, choices=", ".join(FAIL_ON)))

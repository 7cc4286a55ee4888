"""The command line: a thin translation from flags to the core and from results to an exit code."""

from __future__ import annotations

# No ``from __future__ import annotations`` here: typer reads every command's annotations on each start,
# and string annotations would be compiled and evaluated then (~4% of a one-file run's instructions).
import datetime as dt
import io
import os
import sys
import time
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .._version import __version__

EXIT_HELP = """\b
Exit codes / kode keluar:
 0  every file checked and eligible / semua berkas layak diusulkan
 1  checked, not yet eligible: gaps or missing information /
    ada kekurangan atau informasi belum lengkap
 2  could not check: usage error, unreadable or invalid input /
    tidak dapat diperiksa"""


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
        from ..report.messages import message

        _usage_error(message("cli.bad_date", lang, value=value))
        raise  # pragma: no cover - _usage_error exits


def _usage_error(text: str) -> None:
    from ..report.safe import safe_line

    typer.echo(f"ovopcheck: {safe_line(text)}", err=True)
    raise typer.Exit(2)


def _language(lang: Lang | None) -> str:
    from ..config import resolve_language

    return resolve_language(lang.value if lang else None)


def _sets(extra: list[Path] | None, language: str) -> list[Any]:
    """Bundled plus ``--criteria`` sets; a broken criteria file is a usage error (exit 2)."""
    from ..errors import InputError
    from ..report.messages import message
    from ..report.sentences import problem_line
    from ..sets import UnknownBase, UnknownClassification, load_sets

    try:
        return load_sets(extra or ())
    except UnknownBase as exc:
        _usage_error(message("cli.unknown_base", language, source=exc.cset.source, base=exc.cset.extends or ""))
        raise  # pragma: no cover - _usage_error exits
    except UnknownClassification as exc:
        _usage_error(message("cli.unknown_classification", language, source=exc.cset.source, id=exc.cid))
        raise  # pragma: no cover - _usage_error exits
    except InputError as exc:
        for problem in exc.problems:
            typer.echo(problem_line(exc.source, problem, language), err=True)
        _usage_error(message("cli.criteria_error", language))
        raise  # pragma: no cover - _usage_error exits


def _selected(sets: list[Any], programme: str, day: dt.date, language: str) -> Any:
    from ..report.messages import message
    from ..sets import NoSetInForce, select_set

    try:
        return select_set(sets, programme, day)
    except NoSetInForce as exc:
        _usage_error(
            message("cli.no_set_in_force", language, programme=programme, date=day, known=", ".join(exc.known))
        )
        raise  # pragma: no cover - _usage_error exits


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    junit = "junit"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    csv = "csv"
    html = "html"


class FailOn(StrEnum):
    gap = "gap"
    unknown = "unknown"
    invalid = "invalid"
    never = "never"


ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Config file to use instead of searching for .ovopcheck.yaml / pyproject.toml."),
]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="Ignore any config file.")]


def _settings(config: Path | None, no_config: bool, overrides: dict[str, Any]) -> Any:
    """Defaults, then the config file, then the flags given on the command line."""
    from ..config import find_config, resolve_language, settings_from
    from ..errors import InputError
    from ..report.sentences import problem_line

    path = None if no_config else (config if config is not None else find_config(Path.cwd()))
    try:
        settings = settings_from(path)
    except InputError as exc:
        language = resolve_language(overrides.get("lang"))
        for problem in exc.problems:
            typer.echo(problem_line(exc.source, problem, language), err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        _usage_error(f"{path}: {exc.strerror or exc}")
    for key, value in overrides.items():
        if value not in (None, False, [], ()):
            settings.set(key, value, "command line")
    return settings


@app.command(epilog=EXIT_HELP)
def check(
    paths: Annotated[
        list[Path], typer.Argument(help="Profile files (.yaml) or dossier folders to check.", show_default=False)
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", help="Evaluate as of this date (default: today).")
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--program", "--programme", help="Programme to check against (default: ovop).")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Report language (default: OVOPCHECK_LANG, then the locale, else id).")
    ] = None,
    output_format: Annotated[
        Format | None, typer.Option("--format", "-f", help="Format of the report on standard output (default: text).")
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output", "-o", metavar="FORMAT:PATH", help="Also write a report in FORMAT to PATH. Repeatable."
        ),
    ] = None,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option("--fail-on", help="What fails the run: gap, unknown, invalid (default: all three), or never."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show every basis and the exact values compared.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text format: one line per file.")] = False,
    width: Annotated[int | None, typer.Option("--width", min=40, max=400, help="Report width in columns.")] = None,
    criteria: Annotated[
        list[Path] | None,
        typer.Option("--criteria", help="Criteria file or folder to add (same set id: replaces). Repeatable."),
    ] = None,
    config: ConfigOption = None,
    no_config: NoConfigOption = False,
    as_dossier: Annotated[
        bool, typer.Option("--as-dossier", help="Check a given profile.yaml as the dossier of its folder (pre-commit).")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, max=256, help="Worker processes (default: the CPUs it may use; 1: none)."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Skip matching paths in folders. Repeatable.")
    ] = None,
) -> None:
    """Check IKM profiles or dossier folders and report, for each, what is met and what is missing."""
    from contextlib import ExitStack
    from functools import partial

    from ..batch.discover import discover
    from ..batch.workers import WorkersFailing, check_many, usable_cpus
    from ..policy import normalise_fail_on
    from ..report.formats import FORMATS, ReportContext, make_reporter
    from ..report.formats.text import make_console
    from ..report.prepare import prepare_outputs
    from ..report.summary import BatchSummary

    overrides = {
        "as_of": as_of,
        "program": programme,
        "lang": lang.value if lang else None,
        "format": output_format.value if output_format else None,
        "output": output,
        "fail_on": [f.value for f in fail_on] if fail_on else None,
        "verbose": verbose,
        "quiet": quiet,
        "width": width,
        "criteria": [str(c) for c in criteria] if criteria else None,
        "exclude": exclude,
        "jobs": jobs,
    }
    settings = _settings(config, no_config, overrides)
    values = settings.values
    language = _language(Lang(values["lang"]) if values["lang"] else None)
    day = _parse_date(values["as_of"], language)
    cset = _selected(_sets([Path(c) for c in values["criteria"]], language), values["program"], day, language)
    policy = normalise_fail_on(values["fail_on"])
    base = ReportContext(language, policy, cset, day, values["verbose"], values["quiet"], values["width"] or 80)
    main_format = values["format"]
    console = make_console(width=values["width"])
    terminal = ReportContext(
        language,
        policy,
        cset,
        day,
        values["verbose"],
        values["quiet"],
        console.width,
        color_system=console.color_system if console.is_terminal else None,
        unicode=console.encoding.lower().startswith("utf"),
        no_color=console.no_color,
    )
    with ExitStack() as stack:
        outputs = [(main_format, terminal if main_format == "text" else base)]
        reporters = [
            make_reporter(
                main_format, None if main_format == "text" else sys.stdout, outputs[0][1], diagnostics=sys.stderr
            )
        ]
        for spec in values["output"]:
            fmt, _, target = spec.partition(":")
            if fmt not in FORMATS or not target:
                _usage_error(f"--output {spec}: write FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}")
            try:
                stream = stack.enter_context(Path(target).open("w", encoding="utf-8", newline=""))
            except OSError as exc:
                _usage_error(f"{target}: {exc.strerror or exc}")
            outputs.append((fmt, base))
            reporters.append(make_reporter(fmt, stream, base))
        found = discover(
            [p.parent if as_dossier and p.name in ("profile.yaml", "profile.yml") else p for p in paths],
            values["exclude"],
        )
        transform = partial(prepare_outputs, tuple(outputs), policy, language, tuple(values["waivers"]), day)
        workers = values["jobs"] or usable_cpus()
        summary = BatchSummary()
        progress = _progress(values["quiet"])
        pace = _Pacer(sys.stdout)
        try:
            for prepared in check_many(progress.counted(found), cset, day, workers, transform):
                summary.add(prepared.summary)
                if prepared.summary.error is not None:
                    pace.flush()  # what went to stdout before this file comes before its error on stderr
                    if main_format != "text":
                        typer.echo(prepared.summary.error, err=True)  # machine output on stdout; people read stderr
                else:
                    pace.tick()
                for reporter, payload in zip(reporters, prepared.payloads, strict=True):
                    reporter.emit(payload)
                progress.advance()
        except WorkersFailing as exc:
            from ..report.messages import message

            progress.stop()
            _usage_error(message("cli.workers_failing", language, n=exc.files))
        progress.stop()
        if summary.files == 0:
            from ..report.messages import message

            _usage_error(message("cli.nothing_found", language, paths=", ".join(str(p) for p in paths)))
        for reporter in reporters:
            reporter.close(summary)
    raise typer.Exit(summary.exit_code)


class _Pacer:
    """Batch output to a pipe or file: flushed every quarter second and before an error goes to stderr,
    so a CI log that merges both shows files in input order and moves while the batch runs. Not one
    system call per line either, as PYTHONUNBUFFERED=1 (common in CI images) would otherwise make it."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.last = time.monotonic()
        paced = isinstance(stream, io.TextIOWrapper) and not stream.isatty()
        if paced and stream.write_through:
            stream.reconfigure(write_through=False)
        self.paced = paced

    def tick(self) -> None:
        if self.paced and time.monotonic() - self.last > 0.25:
            self.flush()

    def flush(self) -> None:
        if self.paced:
            self.stream.flush()
            self.last = time.monotonic()


class _Progress:
    """A transient progress bar on stderr, shown only to a person watching a large batch.

    Discovery streams paths to the workers; for a watched batch they are counted first (a list of paths,
    not of results: a few MB for 50,000 files) so that the bar can say how far along it is.
    """

    SHOW_AFTER = 50  # files: a small batch is over before a bar would help

    def __init__(self) -> None:
        self.count = 0
        self.total: int | None = None
        self.bar: Any = None

    def counted(self, paths: Iterable[str]) -> Iterable[str]:
        found = list(paths)
        self.total = len(found)
        return found

    def advance(self) -> None:
        self.count += 1
        if self.bar is None and self.count == self.SHOW_AFTER:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("ovopcheck", total=self.total, completed=self.count)
            self.bar.start()
        elif self.bar is not None:
            self.bar.update(self.task, completed=self.count)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class _NoProgress(_Progress):
    def counted(self, paths: Iterable[str]) -> Iterable[str]:
        return paths  # nobody is watching: keep streaming

    def advance(self) -> None:
        pass


def _progress(quiet: bool) -> _Progress:
    # Only for a person: stderr is a terminal while the report goes elsewhere, outside CI, not --quiet.
    watching = sys.stderr.isatty() and not sys.stdout.isatty() and not os.environ.get("CI") and not quiet
    return _Progress() if watching else _NoProgress()


@app.command("config")
def show_config(config: ConfigOption = None, no_config: NoConfigOption = False) -> None:
    """Print the effective configuration and where each value came from."""
    import json

    from ..config import resolve_language
    from ..report.safe import safe_line

    settings = _settings(config, no_config, {})
    values = dict(settings.values)
    sources = dict(settings.sources)
    if values["lang"] is None:
        values["lang"] = resolve_language(None)
        sources["lang"] = "OVOPCHECK_LANG / locale"
    typer.echo(f"config file: {safe_line(str(settings.file)) if settings.file else '(none found)'}")
    for key in sorted(values):
        value = values[key]
        if key == "waivers":
            value = [f"{w.criterion} until {w.expires} ({w.approved_by})" for w in value]
        shown = json.dumps(value, ensure_ascii=True, default=str)
        typer.echo(safe_line(f"{key} = {shown}    # {sources[key]}"))


criteria_app = typer.Typer(help="Tools for those who maintain criteria files.", no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")

CriteriaOption = Annotated[
    list[Path] | None, typer.Option("--criteria", help="Criteria file or folder to add. Repeatable.")
]
LangOption = Annotated[Lang | None, typer.Option("--lang", help="Language: id or en.")]


@criteria_app.command("list")
def criteria_list(criteria: CriteriaOption = None, lang: LangOption = None) -> None:
    """List the criteria sets: programme, version, period in force, counts."""
    from rich.table import Table
    from rich.text import Text

    from ..model.enums import Kind
    from ..report.formats.text import make_console
    from ..report.safe import safe_line

    language = _language(lang)
    table = Table("set", "programme", "version", "in force", "gate", "scored", "advisory", box=None)
    table.add_column("source", overflow="fold")
    for cset in sorted(_sets(criteria, language), key=lambda c: (c.programme, c.id)):
        counts = [str(sum(1 for c in cset.criteria if c.kind is k)) for k in Kind]
        period = f"{cset.in_force.start or '…'} – {cset.in_force.end or '…'}"
        cells = [cset.id, cset.programme, cset.version, period, *counts, safe_line(cset.source)]
        table.add_row(*(Text(c) for c in cells))
    make_console().print(table)


@criteria_app.command("show")
def criteria_show(
    set_id: Annotated[str, typer.Argument(help="A set id from `ovopcheck criteria list`.")],
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Show one criteria set: its regime and every criterion with kind and title."""
    from ..report.messages import message
    from ..report.safe import safe

    language = _language(lang)
    sets = {c.id: c for c in _sets(criteria, language)}
    cset = sets.get(set_id)
    if cset is None:
        _usage_error(message("cli.unknown_set", language, id=set_id, known=", ".join(sorted(sets))))
        return
    lines = [
        f"{cset.id} v{cset.version}: {cset.title.get(language)}",
        f"{message('report.regime', language)}: {cset.regime.get(language)}",
    ]
    for c in cset.criteria:
        lines.append(f"  {c.id:<32} {message('kind.' + c.kind, language):<9} {c.title.get(language)}")
    sys.stdout.write(safe("\n".join(lines)) + "\n")


@criteria_app.command("lint")
def criteria_lint(
    paths: Annotated[list[Path], typer.Argument(help="Criteria files or folders.")],
    lang: LangOption = None,
) -> None:
    """Validate criteria files, check ids, fields and periods, and run each criterion's test cases.

    Exit code 0: clean; 1: problems found; 2: a file could not be read or is not a valid criteria file.
    """
    from ..errors import InputError
    from ..loading.criteria import criteria_files, load_bundled_sets, load_criteria_file
    from ..report.safe import safe_line
    from ..report.sentences import problem_line
    from ..tools.lint import lint_sets, prepare_for_lint

    language = _language(lang)
    sets = []
    invalid = False
    for root in paths:
        files = criteria_files(root) if root.is_dir() else [root]
        for file in files:
            try:
                sets.append(load_criteria_file(file))
            except InputError as exc:
                invalid = True
                for problem in exc.problems:
                    typer.echo(problem_line(exc.source, problem, language), err=True)
    prepared, found = prepare_for_lint(sets, load_bundled_sets())
    found += lint_sets(prepared)
    for problem in found:
        where = f"{problem.criterion}: " if problem.criterion else ""
        typer.echo(safe_line(f"{problem.source}: {where}{problem.message}"))
    cases = sum(len(c.tests) for cset in sets for c in cset.criteria)
    criteria_count = sum(len(cset.criteria) for cset in sets)
    typer.echo(f"{len(sets)} sets, {criteria_count} criteria, {cases} test cases, {len(found)} problems", err=True)
    raise typer.Exit(2 if invalid else 1 if found else 0)


@criteria_app.command("docs")
def criteria_docs(criteria: CriteriaOption = None, lang: LangOption = None) -> None:
    """Write a Markdown reference of every criterion to stdout."""
    from ..report.safe import safe
    from ..tools.explain import docs_markdown

    language = _language(lang)
    sys.stdout.write(safe(docs_markdown(_sets(criteria, language), language)))


@app.command()
def explain(
    criterion_id: Annotated[str, typer.Argument(help="A criterion id, e.g. ovop.sentra-units.")],
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Explain a criterion: what it requires, its legal basis and source, the profile fields it reads."""
    from ..report.messages import message
    from ..report.safe import safe
    from ..tools.explain import explain as explain_text

    language = _language(lang)
    for cset in _sets(criteria, language):
        found = cset.criterion(criterion_id)
        if found is not None:
            sys.stdout.write(safe(explain_text(found, language, cset)))
            return
    _usage_error(message("cli.unknown_criterion", language, id=criterion_id))


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Dossier folder to create (it may exist; no file is overwritten).")],
    programme: Annotated[str, typer.Option("--program", "--programme", help="ovop or upakarti.")] = "ovop",
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Create a dossier skeleton: a commented profile.yaml template and a CHECKLIST.md of documents.

    Existing files are never overwritten: they are listed and left as they are (exit code 1).
    """
    from ..report.messages import message
    from ..report.safe import safe_line
    from ..tools.skeleton import SECTIONS, checklist, create, profile_template

    language = _language(lang)
    if programme not in SECTIONS:
        _usage_error(message("cli.init_programme", language, programme=programme, known=", ".join(SECTIONS)))
    cset = _selected(_sets(criteria, language), programme, dt.date.today(), language)
    try:
        created, skipped = create(
            folder, {"profile.yaml": profile_template(programme), "CHECKLIST.md": checklist(cset)}
        )
    except OSError as exc:
        _usage_error(f"{safe_line(str(folder))}: {exc.strerror or exc}")
        return
    for path in created:
        typer.echo(message("cli.init_created", language, path=safe_line(str(path))))
    for path in skipped:
        typer.echo(message("cli.init_skipped", language, path=safe_line(str(path))), err=True)
    raise typer.Exit(1 if skipped else 0)


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="profile (default), criteria, config or report.")] = "profile",
    fields: Annotated[bool, typer.Option("--fields", help="Print the profile field reference as Markdown.")] = False,
    output_format: Annotated[
        bool, typer.Option("--output-format", help="Print the JSON Schema of the --format json report.")
    ] = False,
) -> None:
    """Print the JSON Schema of the profile format (or of the criteria or config format)."""
    if output_format:
        kind = "report"
    if fields:
        from ..tools.schemadocs import fields_markdown

        sys.stdout.write(fields_markdown())
        return
    from ..loading.resources import schema_text

    if kind not in ("profile", "criteria", "config", "report"):
        _usage_error(f"unknown schema '{kind}': use profile, criteria, config or report")
    sys.stdout.write(schema_text(kind))
    sys.stdout.write("\n")


def main() -> None:
    """Console-script entry point: exit codes 0/1/2, never a traceback (unless --debug or OVOPCHECK_DEBUG=1)."""
    if "--debug" in sys.argv[1:]:
        sys.argv.remove("--debug")
        os.environ["OVOPCHECK_DEBUG"] = "1"
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
            "caused it. Run again with --debug to see the traceback.\n"
        )
        sys.exit(2)

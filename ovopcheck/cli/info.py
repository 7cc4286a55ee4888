"""``init`` (a dossier to fill in), ``schema`` (the formats) and ``config`` (the settings in force)."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..report.messages import MESSAGES, message
from .app import COMPLETE_VAR, app
from .helptext import h
from .localized import Choice, LocalizedCommand
from .options import (
    ConfigOption,
    CriteriaOption,
    LangOption,
    NoConfigOption,
    criteria_sets,
    report_language,
    selected,
    settings,
    usage_error,
)


@app.command("config", cls=LocalizedCommand, help=h("show_config"), short_help=h("show_config_short"))
def show_config(config: ConfigOption = None, no_config: NoConfigOption = False) -> None:
    """Print the effective configuration and where each value came from."""
    import json

    from ..config import resolve_language
    from ..report.safe import safe_line

    found = settings(config, no_config, {})
    values = dict(found.values)
    sources = dict(found.sources)
    language = resolve_language(values["lang"])
    if values["lang"] is None:
        values["lang"] = language
        sources["lang"] = "OVOPCHECK_LANG / locale"
    file = safe_line(str(found.file)) if found.file else message("cli.config_no_file", language)
    typer.echo(message("cli.config_file", language, file=file))
    for key in sorted(values):
        value = values[key]
        if key == "waivers":
            known = {c.id for s in criteria_sets([Path(c) for c in values["criteria"]], language) for c in s.criteria}
            value = [_waiver_line(w, known, language) for w in value]
        shown = json.dumps(value, ensure_ascii=True, default=str)
        source = sources[key]
        if f"cli.config_source.{source}" in MESSAGES:  # a word ("default"), not a file name
            source = message(f"cli.config_source.{source}", language)
        typer.echo(safe_line(f"{key} = {shown}    # {source}"))


def _waiver_line(waiver: Any, known: set[str], language: str) -> str:
    """A waiver as ``config`` shows it, marked inactive when it cannot waive anything today: no criterion
    of any set (bundled or ``criteria``) has its id, or it has expired. (A profile pattern that matches no
    file is said by a check run, which knows the files.)"""
    who = waiver.approved_by
    line = message("cli.config_waiver", language, criterion=waiver.criterion, expires=waiver.expires, approved_by=who)
    if waiver.profile:
        line += message("cli.config_waiver_for", language, profile=waiver.profile)
    if waiver.criterion not in known:
        return line + message("cli.config_waiver_unknown", language)
    if waiver.expires < dt.date.today():
        return line + message("cli.config_waiver_expired", language)
    return line


@app.command(cls=LocalizedCommand, help=h("init"), short_help=h("init_short"))
def init(
    folder: Annotated[Path | None, typer.Argument(metavar=h("metavar_folder"), help=h("folder"))] = None,
    spreadsheet: Annotated[Path | None, typer.Option("--spreadsheet", help=h("init_spreadsheet"))] = None,
    programme: Annotated[str, typer.Option("--program", "--programme", help=h("init_program"))] = "ovop",
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Create a dossier skeleton (a commented profile.yaml template and a CHECKLIST.md of documents), and/or
    a spreadsheet template to fill one IKM a row.

    Existing files are never overwritten: they are listed and left as they are (exit code 1).
    """
    from ..report.safe import safe_line
    from ..tools.skeleton import SECTIONS, checklist, create, profile_template

    language = report_language(lang)
    if programme not in SECTIONS:
        usage_error(message("cli.init_programme", language, programme=programme, known=", ".join(SECTIONS)))
    if folder is None and spreadsheet is None:
        usage_error(message("cli.init_what", language))
    if spreadsheet is not None and spreadsheet.suffix.lower() != ".xlsx":  # drop-downs need a workbook
        usage_error(message("cli.init_xlsx", language, path=str(spreadsheet)))
    created: list[Path] = []
    skipped: list[Path] = []
    try:
        if folder is not None:
            cset = selected(criteria_sets(criteria, language), programme, dt.date.today(), language)
            files = {"profile.yaml": profile_template(programme), "CHECKLIST.md": checklist(cset)}
            created, skipped = create(folder, files)
        if spreadsheet is not None:
            from ..tools.workbook import create_template

            made = create_template(spreadsheet, programme, language)
            (created if made else skipped).append(spreadsheet)
    except OSError as exc:
        from ..report.sentences import os_error

        usage_error(f"{safe_line(str(exc.filename or folder or spreadsheet))}: {os_error(exc, language)}")
        return
    for path in created:
        typer.echo(message("cli.init_created", language, path=safe_line(str(path))))
    for path in skipped:
        typer.echo(message("cli.init_skipped", language, path=safe_line(str(path))), err=True)
    raise typer.Exit(1 if skipped else 0)


@app.command(cls=LocalizedCommand, help=h("schema"), short_help=h("schema_short"))
def schema(
    kind: Annotated[str, typer.Argument(metavar=h("metavar_schema"), help=h("schema_kind"))] = "profile",
    fields: Annotated[bool, typer.Option("--fields", help=h("fields"))] = False,
    output_format: Annotated[bool, typer.Option("--output-format", help=h("output_format"))] = False,
) -> None:
    """Print the JSON Schema of the profile format (or of the criteria or config format)."""
    if output_format:
        kind = "report"
    if fields:
        from ..tools.schemadocs import fields_markdown

        sys.stdout.write(fields_markdown())
        return
    from ..loading.resources import schema_text

    kinds = ("profile", "criteria", "config", "report")
    if kind not in kinds:
        from ..report.sentences import did_you_mean
        from ..spelling import closest
        from .helptext import HELP_LANG

        hint = did_you_mean(closest(kind, kinds), HELP_LANG)
        usage_error(message("cli.unknown_schema", HELP_LANG, kind=kind, hint=hint))
    sys.stdout.write(schema_text(kind))
    sys.stdout.write("\n")


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


@app.command(cls=LocalizedCommand, help=h("completion"), short_help=h("completion_short"))
def completion(
    shell: Annotated[str, typer.Argument(metavar="|".join(SHELLS), click_type=Choice(SHELLS), help=h("shell"))],
) -> None:
    """Print the shell completion script for ``shell``; the shell's profile sources it (see the README)."""
    from typer._completion_shared import get_completion_script

    sys.stdout.write(get_completion_script(prog_name="ovopcheck", complete_var=COMPLETE_VAR, shell=shell) + "\n")

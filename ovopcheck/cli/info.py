"""``init`` (a dossier to fill in), ``schema`` (the formats) and ``config`` (the settings in force)."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .app import app
from .helptext import h
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


@app.command("config", help=h("show_config"), short_help=h("show_config_short"))
def show_config(config: ConfigOption = None, no_config: NoConfigOption = False) -> None:
    """Print the effective configuration and where each value came from."""
    import json

    from ..config import resolve_language
    from ..report.safe import safe_line

    found = settings(config, no_config, {})
    values = dict(found.values)
    sources = dict(found.sources)
    if values["lang"] is None:
        values["lang"] = resolve_language(None)
        sources["lang"] = "OVOPCHECK_LANG / locale"
    typer.echo(f"config file: {safe_line(str(found.file)) if found.file else '(none found)'}")
    for key in sorted(values):
        value = values[key]
        if key == "waivers":
            known = {
                c.id for s in criteria_sets([Path(c) for c in values["criteria"]], values["lang"]) for c in s.criteria
            }
            value = [_waiver_line(w, known) for w in value]
        shown = json.dumps(value, ensure_ascii=True, default=str)
        typer.echo(safe_line(f"{key} = {shown}    # {sources[key]}"))


def _waiver_line(waiver: Any, known: set[str]) -> str:
    """A waiver as ``config`` shows it, marked inactive when it cannot waive anything today: no criterion
    of any set (bundled or ``criteria``) has its id, or it has expired. (A profile pattern that matches no
    file is said by a check run, which knows the files.)"""
    line = f"{waiver.criterion} until {waiver.expires} ({waiver.approved_by})"
    if waiver.profile:
        line += f" for {waiver.profile}"
    if waiver.criterion not in known:
        return line + "  [inactive: no criterion has this id]"
    if waiver.expires < dt.date.today():
        return line + "  [inactive: expired]"
    return line


@app.command(help=h("init"), short_help=h("init_short"))
def init(
    folder: Annotated[Path, typer.Argument(help=h("folder"))],
    programme: Annotated[str, typer.Option("--program", "--programme", help=h("init_program"))] = "ovop",
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Create a dossier skeleton: a commented profile.yaml template and a CHECKLIST.md of documents.

    Existing files are never overwritten: they are listed and left as they are (exit code 1).
    """
    from ..report.messages import message
    from ..report.safe import safe_line
    from ..tools.skeleton import SECTIONS, checklist, create, profile_template

    language = report_language(lang)
    if programme not in SECTIONS:
        usage_error(message("cli.init_programme", language, programme=programme, known=", ".join(SECTIONS)))
    cset = selected(criteria_sets(criteria, language), programme, dt.date.today(), language)
    try:
        created, skipped = create(
            folder, {"profile.yaml": profile_template(programme), "CHECKLIST.md": checklist(cset)}
        )
    except OSError as exc:
        usage_error(f"{safe_line(str(folder))}: {exc.strerror or exc}")
        return
    for path in created:
        typer.echo(message("cli.init_created", language, path=safe_line(str(path))))
    for path in skipped:
        typer.echo(message("cli.init_skipped", language, path=safe_line(str(path))), err=True)
    raise typer.Exit(1 if skipped else 0)


@app.command(help=h("schema"), short_help=h("schema_short"))
def schema(
    kind: Annotated[str, typer.Argument(help=h("schema_kind"))] = "profile",
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

    if kind not in ("profile", "criteria", "config", "report"):
        usage_error(f"unknown schema '{kind}': use profile, criteria, config or report")
    sys.stdout.write(schema_text(kind))
    sys.stdout.write("\n")

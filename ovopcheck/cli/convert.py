"""``convert``: IKM between a spreadsheet and dossier folders, either way (see ``tools/convert.py``)."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ..report.messages import message
from .app import app
from .helptext import h
from .localized import LocalizedCommand
from .options import LangOption, criteria_sets, report_language, selected, usage_error


@app.command(cls=LocalizedCommand, help=h("convert"), short_help=h("convert_short"))
def convert(
    paths: Annotated[list[Path], typer.Argument(metavar=h("metavar_paths"), help=h("convert_paths"))],
    to: Annotated[Path, typer.Option("--to", metavar=h("metavar_target"), help=h("convert_to"))],
    lang: LangOption = None,
) -> None:
    """Write the IKM of spreadsheets, profiles and dossiers as one workbook, or as one dossier per IKM.
    Nothing is written over; an input that cannot be read is reported (exit 2) and the others converted."""
    import datetime as dt

    from ..report.safe import safe_line
    from ..report.sentences import problem_line
    from ..tools.convert import Spool, Unread, is_workbook_target, programme_of, read_inputs, to_dossier, to_workbook

    language = report_language(lang)
    target = Path(to)
    to_book = is_workbook_target(str(target))
    if to_book and (target.exists() or target.is_symlink()):
        usage_error(message("cli.convert_exists", language, path=str(target)))
    if not to_book and target.exists() and not target.is_dir():
        usage_error(message("cli.convert_not_folder", language, path=str(target)))
    unread = 0
    listening = {"out": True, "err": True}

    def say(line: str, err: bool = False) -> None:
        """A line for the officer; a closed pipe (``| head``) silences it, never stops the conversion."""
        stream = "err" if err else "out"
        if listening[stream]:
            try:
                typer.echo(line, err=err)
            except BrokenPipeError:
                listening[stream] = False
                # What is still buffered for the closed pipe goes nowhere, not to a traceback at exit.
                import os
                import sys

                closed = sys.stderr if err else sys.stdout
                os.dup2(os.open(os.devnull, os.O_WRONLY), closed.fileno())

    def said(item: Unread) -> None:
        nonlocal unread
        unread += 1
        for problem in item.problems:
            say(problem_line(item.source, problem, language), err=True)

    spool = Spool() if to_book else None  # the workbook's rows, on disk until its columns are known
    today = dt.date.today()
    checklists: dict[str, dict[str, str]] = {}

    def checklist_for(data: Any) -> dict[str, str]:
        """CHECKLIST.md of the programme the IKM is for, as ``init`` writes it (made once per programme)."""
        from ..tools.skeleton import checklist

        programme = programme_of(data)
        if programme not in checklists:
            cset = selected(criteria_sets(None, language), programme, today, language)
            checklists[programme] = {"CHECKLIST.md": checklist(cset)}
        return checklists[programme]

    try:
        for number, item in enumerate(read_inputs(str(p) for p in paths), 1):
            if isinstance(item, Unread):
                said(item)
            elif spool is not None:
                spool.add(item.data)
            else:
                folder = to_dossier(item, target, number, today, checklist_for(item.data))
                say(message("cli.init_created", language, path=safe_line(str(folder / "profile.yaml"))))
        if spool is not None and spool.count:
            to_workbook(spool, target, language)
            say(message("cli.convert_made", language, path=safe_line(str(target)), n=spool.count))
    except FileExistsError:
        usage_error(message("cli.convert_exists", language, path=str(target)))
    except OSError as exc:
        from ..report.sentences import os_error

        usage_error(f"{safe_line(str(exc.filename or target))}: {os_error(exc, language)}")
    finally:
        if spool is not None:
            spool.close()
    if spool is not None and not spool.count:
        usage_error(message("cli.convert_nothing", language))
    raise typer.Exit(2 if unread else 0)

"""``criteria list|show|lint|docs`` and ``explain``: for those who maintain criteria files."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..report.messages import message
from .app import app, criteria_app
from .helptext import h
from .localized import LocalizedCommand
from .options import CriteriaOption, LangOption, criteria_sets, report_language, usage_error


@criteria_app.command("list", cls=LocalizedCommand, help=h("list"))
def criteria_list(criteria: CriteriaOption = None, lang: LangOption = None) -> None:
    """List the criteria sets: programme, version, period in force, counts."""
    from rich.table import Table
    from rich.text import Text

    from ..model.enums import Kind
    from ..report.formats.text import make_console
    from ..report.record import display_source
    from ..report.safe import safe_line

    language = report_language(lang)
    table = Table(box=None, padding=(0, 1), pad_edge=False)  # no space before the first or after the last
    for key in ("set", "programme", "version", "in_force"):
        table.add_column(message(f"list.{key}", language), no_wrap=True)
    for kind in Kind:
        table.add_column(message(f"kind.{kind}", language), no_wrap=True, justify="right")
    sources = []
    shared: list[str] = []
    inferred = False
    for cset in sorted(criteria_sets(criteria, language), key=lambda c: (c.programme, c.id)):
        # Bundled sets by package name, not by an installation path split over lines.
        sources.append(Text(safe_line(f"{cset.id}: {display_source(cset.source)}")))
        if not cset.criteria:  # shared classifications (size classes): not a programme to choose
            shared.append(f"{cset.id} v{cset.version}")
            continue
        counts = [str(sum(1 for c in cset.criteria if c.kind is k)) for k in Kind]
        period = cset.in_force
        inferred = inferred or period.inferred
        start = f"{'~' if period.inferred else ''}{period.start or '…'}"
        table.add_row(
            *(Text(c) for c in (cset.id, cset.programme, cset.version, f"{start}–{period.end or '…'}", *counts))
        )
    console = make_console()
    console.print(table)
    if inferred:  # wrapped as plain text: rich would pad the wrapped line with trailing spaces
        from .terminal import write_wrapped

        sys.stdout.flush()
        write_wrapped(safe_line(message("list.inferred", language)))
    if shared:
        console.print(Text(safe_line(message("list.shared", language, sets=", ".join(shared)))))
    console.print(Text(message("list.source", language) + ":", style="bold"))
    for line in sources:
        console.print(line, soft_wrap=True)


@criteria_app.command("show", cls=LocalizedCommand, help=h("show"))
def criteria_show(
    set_id: Annotated[str, typer.Argument(metavar=h("metavar_set"), help=h("set_id"))],
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Show one criteria set: its regime and every criterion with kind and title."""
    from ..report.safe import safe
    from ..report.sentences import period_text

    language = report_language(lang)
    sets = {c.id: c for c in criteria_sets(criteria, language)}
    cset = sets.get(set_id)
    if cset is None:
        usage_error(message("cli.unknown_set", language, id=set_id, known=", ".join(sorted(sets))))
    lines = [
        f"{cset.id} v{cset.version}: {cset.title.get(language)}",
        f"{message('report.regime', language)}: {cset.regime.get(language)}",
        f"{message('report.in_force', language)}: {period_text(cset.in_force, language)}",
    ]
    if cset.in_force.note is not None:
        lines.append(f"  {cset.in_force.note.get(language)}")
    from .terminal import write_wrapped

    write_wrapped(safe("\n".join(lines)))  # each line under its own indentation
    facts = [f"  - {fact.text.get(language)} [{message('tag.' + fact.tag, language)}]" for fact in cset.facts]
    if facts:  # programme facts, as information: a bullet's lines continue under its text
        write_wrapped(safe("\n".join(facts)), hanging=4)
    id_width = max(len(c.id) for c in cset.criteria)
    kind_width = max(len(message("kind." + c.kind, language)) for c in cset.criteria)
    rows = []
    for c in cset.criteria:
        kind = message("kind." + c.kind, language)
        rows.append(f"  {c.id:<{id_width}}  {kind:<{kind_width}}  {c.title.get(language)}")
    write_wrapped(safe("\n".join(rows)), hanging=2 + id_width + 2 + kind_width + 2)


@criteria_app.command("lint", cls=LocalizedCommand, help=h("lint"))
def criteria_lint(
    paths: Annotated[list[Path], typer.Argument(metavar=h("metavar_files"), help=h("lint_paths"))],
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

    language = report_language(lang)
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
    for lint_problem in found:
        where = f"{lint_problem.criterion}: " if lint_problem.criterion else ""
        typer.echo(safe_line(f"{lint_problem.source}: {where}{lint_problem.message}"))
    cases = sum(len(c.tests) for cset in sets for c in cset.criteria)
    criteria_count = sum(len(cset.criteria) for cset in sets)
    totals = {"sets": len(sets), "criteria": criteria_count, "cases": cases, "problems": len(found)}
    typer.echo(message("cli.lint_totals", language, **totals), err=True)
    raise typer.Exit(2 if invalid else 1 if found else 0)


@criteria_app.command("docs", cls=LocalizedCommand, help=h("docs"))
def criteria_docs(criteria: CriteriaOption = None, lang: LangOption = None) -> None:
    """Write a Markdown reference of every criterion to stdout."""
    from ..report.safe import safe
    from ..tools.explain import docs_markdown

    language = report_language(lang)
    sys.stdout.write(safe(docs_markdown(criteria_sets(criteria, language), language)))


@app.command(cls=LocalizedCommand, help=h("explain"), short_help=h("explain_short"))
def explain(
    criterion_id: Annotated[str, typer.Argument(metavar=h("metavar_criterion"), help=h("criterion_id"))],
    criteria: CriteriaOption = None,
    lang: LangOption = None,
) -> None:
    """Explain a criterion: what it requires, its legal basis and source, the profile fields it reads."""
    from ..report.safe import safe
    from ..report.sentences import did_you_mean
    from ..spelling import closest
    from ..tools.explain import explain as explain_text

    language = report_language(lang)
    for cset in criteria_sets(criteria, language):
        found = cset.criterion(criterion_id)
        if found is not None:
            from .terminal import write_wrapped

            write_wrapped(safe(explain_text(found, language, cset)))
            return
    ids = [c.id for cset in criteria_sets(criteria, language) for c in cset.criteria]
    hint = did_you_mean(closest(criterion_id, ids), language)
    usage_error(message("cli.unknown_criterion", language, id=criterion_id, hint=hint))

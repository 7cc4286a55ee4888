"""The typer application: ``ovopcheck FILE`` means ``ovopcheck check FILE``; ``--version``; the exit codes."""

# No ``from __future__ import annotations`` in cli/: typer reads every command's annotations on each start,
# and string annotations would be compiled and evaluated then (~4% of a one-file run's instructions).

from typing import Annotated, Any

import typer

from .._version import __version__
from .helptext import flag, h
from .localized import LocalizedGroup

# The variable a shell sets to ask for completions (the scripts of `ovopcheck completion SHELL` set it).
COMPLETE_VAR = "_OVOPCHECK_COMPLETE"

# \b keeps click from re-wrapping the block.
EXIT_HELP = "\b\n" + h("exit_codes")


class DefaultToCheck(LocalizedGroup):
    """``ovopcheck profile.yaml`` means ``ovopcheck check profile.yaml``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] in ("--install-completion", "--show-completion"):  # click's, not ours: say ours
            from ..report.messages import message
            from .options import report_language, usage_error

            usage_error(message("cli.use_completion", report_language(flag(args, "--lang"))))
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version", "-V"):
            _no_typo(args[0], list(self.commands), flag(args, "--lang"))
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _no_typo(word: str, commands: list[str], lang: str | None) -> None:
    """``ovopcheck chek x.yaml``: a mistyped command, not a file to check (when no such file exists)."""
    import os

    from ..spelling import closest

    command = None if word.startswith("-") or os.path.lexists(word) else closest(word, commands)
    if command is not None:
        from ..report.messages import message
        from .options import report_language, usage_error

        usage_error(message("cli.unknown_command", report_language(lang), word=word, command=command))


app = typer.Typer(
    cls=DefaultToCheck,
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=h("app"),
    epilog=EXIT_HELP,
)

criteria_app = typer.Typer(cls=LocalizedGroup, help=h("criteria_app"), no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")


def _version(value: bool) -> None:
    """``ovopcheck 0.3.0 (criteria: ovop-2007 1.1, ...)``: a CI log pins both the tool and the sets."""
    if value:
        from ..loading.resources import bundled_versions

        typer.echo(f"ovopcheck {__version__} (criteria: {', '.join(bundled_versions())})")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=h("version"))
    ] = False,
) -> None:
    """Root options."""

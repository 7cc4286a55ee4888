"""The language of --help, resolved before typer parses anything, and the help texts in it."""

import sys

from ..report.messages import message, resolve_language


def flag(args: list[str], name: str) -> str | None:
    """The value given to ``name`` on the command line, before typer has parsed it."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


# --help speaks the report language too, resolved before typer parses anything: --lang on the command
# line, then OVOPCHECK_LANG, then the locale (a config file's lang is not read for help).
HELP_LANG = resolve_language(flag(sys.argv[1:], "--lang"))


def h(key: str) -> str:
    """The help text ``help.KEY`` in the help language."""
    return message(f"help.{key}", HELP_LANG)

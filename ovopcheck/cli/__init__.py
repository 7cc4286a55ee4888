"""The command line: typer glue only. Each command parses its flags and calls one function of the core;
the commands live in ``check`` (the default), ``criteria`` (criteria tools, explain) and ``info`` (init,
schema, config)."""

import os
import sys

from . import check, convert, criteria, info  # noqa: F401 - importing them registers their commands
from .app import COMPLETE_VAR, app


def main() -> None:
    """Console-script entry point: exit codes 0/1/2, never a traceback (unless --debug or OVOPCHECK_DEBUG=1)."""
    if os.environ.get(COMPLETE_VAR):  # the shell asks for completions (ovopcheck completion SHELL)
        from typer._completion_classes import completion_init

        completion_init()
    if "--debug" in sys.argv[1:]:
        sys.argv.remove("--debug")
        os.environ["OVOPCHECK_DEBUG"] = "1"
    try:
        app(complete_var=COMPLETE_VAR)  # the same variable whether run as ovopcheck or python -m ovopcheck
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

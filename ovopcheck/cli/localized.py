"""typer's and click's own words in the help language: the headings and the usage line of ``--help``, the
``--help`` option itself, and every command-line mistake (unknown option, missing argument, bad choice...).

typer 0.26-0.28 vendors click without gettext, so its words are English whatever the locale. The command and
group classes here put ours in their place; ``DefaultToCheck`` (app.py) renders the mistakes through
``mistake_text``. This leans on ``typer._click``, which is private: the pin in pyproject (typer<0.29) and
tests/test_one_language.py (no English in --help or in a usage error under --lang id) guard it.
"""

import functools
import sys
from collections.abc import Sequence
from typing import Any

import typer.core
from typer import _click
from typer._click import exceptions as clicks
from typer._types import TyperChoice

from ..report.messages import message
from .helptext import HELP_LANG


def word(key: str, **params: object) -> str:
    """``click.KEY`` in the help language."""
    return message(f"click.{key}", HELP_LANG, **params)


# typer.core reads a few of its words through gettext (bound as ``_`` when it was imported); give it ours.
_TYPER_WORDS = {
    "Arguments": "arguments",
    "Options": "options",
    "Commands": "commands",
    "required": "required",
    "default: {default}": "default",
    "env var: {var}": "env_var",
    "(dynamic)": "dynamic",
}


def _typer_word(text: str) -> str:
    key = _TYPER_WORDS.get(text)
    if key is None:
        return text
    # ``default`` and ``env_var`` are formatted by typer afterwards: keep their placeholder.
    return word(key, default="{default}", var="{var}")


typer.core._ = _typer_word  # type: ignore[assignment]


class _Formatter(_click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else word("usage") + " ")


class _Context(typer.Context):
    formatter_class = _Formatter


class _Localized:
    """What a command and a group share: the context that formats help in our words, the ``--help`` line,
    the metavars of the usage line, and extra arguments refused in our words."""

    context_class: type[_click.Context] = _Context
    options_metavar: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = word("options_metavar")

    def get_help_option(self, ctx: _click.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = word("help_option")
        return option

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        # typer writes a required argument as {FILE...}; a usage line reads better without the braces.
        pieces: list[str] = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [p.replace("{", "").replace("}", "") for p in pieces]


class LocalizedCommand(_Localized, typer.core.TyperCommand):
    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        # Parse as if extra arguments were allowed, then refuse them ourselves, in the help language.
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            from ..report.safe import safe_line

            raise clicks.UsageError(word("extra_arguments", args=safe_line(" ".join(rest))), ctx)
        return rest


class LocalizedGroup(_Localized, typer.core.TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = word("command_metavar")

    def resolve_command(self, ctx: _click.Context, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-") and not ctx.resilient_parsing:
            from ..report.safe import safe_line
            from ..report.sentences import did_you_mean
            from ..spelling import closest

            hint = did_you_mean(closest(name, self.list_commands(ctx)), HELP_LANG)
            commands = ", ".join(self.list_commands(ctx))
            raise clicks.UsageError(word("no_such_command", name=safe_line(name), hint=hint, commands=commands), ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run; as a program (standalone), show a command-line mistake in our words and exit 2."""
        run = functools.partial(super().main, args, prog_name, complete_var, False, windows_expand_args, **extra)
        if not standalone_mode:
            return run()
        try:
            code = run()
        except clicks.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except clicks.UsageError as exc:
            sys.stderr.write(mistake_text(exc) + "\n")
            sys.exit(exc.exit_code)
        except clicks.ClickException as exc:  # pragma: no cover - no command raises one; said plainly if one does
            from ..report.safe import safe_line

            sys.stderr.write(f"ovopcheck: {safe_line(exc.format_message())}\n")
            sys.exit(exc.exit_code)
        except typer.Abort:  # pragma: no cover - interactive only (a prompt interrupted)
            sys.stderr.write(word("aborted") + "\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


class Choice(TyperChoice[str]):
    """A closed set of choices whose refusal names the choices and the nearest one, in the help language."""

    def __init__(self, choices: Any) -> None:
        super().__init__([str(c) for c in choices])

    def get_invalid_choice_message(self, value: Any, ctx: _click.Context | None) -> str:
        from ..report.safe import safe_line
        from ..report.sentences import did_you_mean
        from ..spelling import closest

        hint = did_you_mean(closest(str(value), self.choices), HELP_LANG)
        return word("bad_choice", value=safe_line(str(value)), hint=hint, choices=", ".join(self.choices))


def mistake_text(exc: clicks.UsageError) -> str:
    """A command-line mistake as two lines: what is wrong (``ovopcheck check: ...``), then where help is."""
    from ..report.safe import safe_line

    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else "ovopcheck"
    text = f"{where}: {safe_line(_what(exc))}"
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        text += "\n" + word("try_help", command=where)
    return text


def _what(exc: clicks.UsageError) -> str:
    from ..report.sentences import did_you_mean
    from ..spelling import closest

    if isinstance(exc, clicks.NoSuchOption):
        hint = did_you_mean(closest(exc.option_name, exc.possibilities or ()), HELP_LANG)
        return word("no_such_option", option=exc.option_name, hint=hint)
    if isinstance(exc, clicks.BadOptionUsage):
        key = "option_takes_no_value" if "does not take a value" in exc.message else "option_needs_value"
        return word(key, option=exc.option_name)
    if isinstance(exc, clicks.MissingParameter) and exc.param is not None:
        param = exc.param
        if param.param_type_name == "argument":
            name = (param.metavar or (param.name or "").upper()).removesuffix("...")
            return word("missing_argument", name=name, help=getattr(param, "help", None) or "")
        return word("missing_option", name=" / ".join(param.opts))
    if isinstance(exc, clicks.BadParameter):
        bad = exc.param
        if bad is not None and bad.param_type_name == "argument":
            name = bad.metavar or (bad.name or "").upper()
        else:
            name = " / ".join(bad.opts) if bad is not None else ""
        kind = bad.type if bad is not None else None
        if isinstance(kind, Choice):
            return f"{name}: {exc.message}"
        if isinstance(kind, _click.types.IntRange) and kind.min is not None and kind.max is not None:
            return word("bad_number", name=name, low=kind.min, high=kind.max)
        return word("bad_value", name=name, reason=exc.message)
    return exc.message

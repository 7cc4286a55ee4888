"""JSON Schema validation whose errors point at the file's line and column and say what to do."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import Problem
from ..spelling import closest
from .forms import advice, form_of
from .resources import schema
from .tree import Path, Positions, SchemaIndex

MAX_ERRORS = 100  # schema errors examined per file
MAX_PROBLEMS = 20  # problems reported per file


@cache
def validator(name: str) -> Any:
    """The compiled validator for a packaged schema; built once per process."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker(formats=["date"])
    return Draft202012Validator(schema(name), format_checker=checker)


@cache
def schema_index(name: str) -> SchemaIndex:
    # Profiles are written by officers: their values may take the forms officers use (see forms.py).
    return SchemaIndex(schema(name), forms=name == "profile")


def position(positions: Positions, path: Path) -> tuple[int, int]:
    """The position of ``path``, or of its nearest written parent."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return (0, 0)


@cache
def fast_validator(name: str) -> Any:
    from .fastschema import compile_schema

    return compile_schema(schema(name))


def problems(name: str, data: Any, positions: Positions) -> list[Problem]:
    """Every schema violation in ``data`` as located problems, in file order.

    Valid data is passed by the compiled fast check; only invalid data pays for jsonschema's messages.
    """
    fast = fast_validator(name)
    if fast is not None and fast(data):
        return []
    import itertools

    found: list[Problem] = []
    # A hostile file can hold thousands of errors; the first ones say what to fix, the rest cost time.
    for error in itertools.islice(validator(name).iter_errors(data), MAX_ERRORS):
        found.extend(_explain(error, positions, officer_forms=name == "profile"))
    # One mistake can violate several keywords (a date's format and its pattern, an if/then and a
    # pattern): say it once, and the advice on what to write before a keyword's own message.
    found.sort(key=lambda p: (p.line, p.column, not p.message_key.startswith("form_"), p.message_key))
    unique: dict[tuple[int, int, tuple[str | int, ...]], Problem] = {}
    for problem in found:
        unique.setdefault((problem.line, problem.column, problem.path), problem)
    listed = list(unique.values())
    if len(listed) > MAX_PROBLEMS:
        listed = [*listed[:MAX_PROBLEMS], Problem("more_problems", {"n": len(listed) - MAX_PROBLEMS})]
    return listed


def _explain(error: Any, positions: Positions, officer_forms: bool = False) -> list[Problem]:
    # For oneOf/anyOf, the most specific sub-error says more than "is not valid under any".
    if error.validator in ("oneOf", "anyOf") and error.context:
        from jsonschema.exceptions import best_match

        return _explain(best_match(error.context), positions, officer_forms)
    path: Path = tuple(error.absolute_path)
    kind = error.validator
    params: dict[str, object] = {}
    if kind == "required":
        missing = _quoted_name(error.message)
        line, column = position(positions, path)
        return [Problem("schema_required", {"name": missing}, line, column, (*path, missing))]
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        out = []
        extra = [k for k in error.instance if k not in allowed] if isinstance(error.instance, dict) else []
        for key in extra:
            line, column = position(positions, (*path, key))
            out.append(
                Problem(
                    "schema_unknown_key",
                    {"name": key, "allowed": ", ".join(sorted(allowed)), "suggestion": closest(key, allowed) or ""},
                    line,
                    column,
                    (*path, key),
                )
            )
        return out
    line, column = position(positions, path)
    # (A pattern imposed from outside the field, as the P-IRT number's by permit type, keeps its own message.)
    if officer_forms and kind in ("type", "pattern", "format", "enum") and "type" in error.schema:
        # A value officers might write this way: say exactly what to write instead (forms.py).
        declared = error.schema.get("type")
        types = frozenset([declared] if isinstance(declared, str) else declared or ["string"])
        advised = advice(error.instance, form_of(error.schema, types))
        if advised is not None:
            return [Problem(advised[0], advised[1], line, column, path)]
    if kind == "type":
        expected = error.validator_value
        params = {
            "expected": expected if isinstance(expected, str) else " / ".join(expected),
            "value": _show(error.instance),
        }
        key = "schema_type"
    elif kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        params = {"value": _show(error.instance), "options": ", ".join(_show(o) for o in options)}
        key = "schema_enum"
    elif kind == "pattern":
        params = {"value": _show(error.instance), "pattern": error.validator_value}
        key = _pattern_key(path, error.validator_value)
    elif kind == "format":
        params = {"value": _show(error.instance)}
        key = "schema_date"
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        params = {"value": _show(error.instance), "limit": error.validator_value}
        key = f"schema_{kind}"
    elif kind in ("minLength", "maxLength", "minItems", "maxItems", "uniqueItems"):
        params = {"limit": error.validator_value}
        key = f"schema_{kind}"
    else:
        params = {"detail": error.message}
        key = "schema_other"
    return [Problem(key, params, line, column, path)]


def _pattern_key(path: Path, pattern: str) -> str:
    last = path[-1] if path else ""
    if last == "nib":
        return "schema_nib"
    if "kbli" in path:
        return "schema_kbli"
    if pattern == "^[0-9]{15}$":
        return "schema_pirt"
    if pattern == "^MD[0-9]{12}$":
        return "schema_bpom"
    return "schema_pattern"


def _quoted_name(message: str) -> str:
    # jsonschema's message is "'name' is a required property"
    start = message.find("'")
    end = message.find("'", start + 1)
    return message[start + 1 : end] if 0 <= start < end else message


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 80 else text[:77] + "..."

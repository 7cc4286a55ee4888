"""Values as officers write them: ``Rp 320.000.000``, ``ya``/``tidak``, ``70 %``, ``17 Agustus 2024``, a NIB
with spaces, ``Makanan dan Minuman``.

The typing walk asks here only for a profile value that is not already in canonical form, so a profile
written canonically pays nothing. What can be read without doubt is read, and the walk records the
reading (the text as written is kept beside the value). What could mean two things, or nothing, is left
as written: the schema check then refuses it, and ``advice`` gives the message that says exactly what to
write instead.

Decisions (README, "How values are read"):
- Rupiah and counts: dots or spaces between groups of three digits, an ``Rp``/``IDR`` in front and a
  ``,-`` or ``,00`` behind are read (``Rp320.000.000,-`` is 320000000); a number in quotes is read.
  Amounts in words (``500 juta``, ``1,5 M``, ``2 miliar``) are refused with the integer to write: ``M``
  means miliar in Indonesian and million in English, and a decision record should hold the figure itself.
- Decimals: a decimal comma (``2,5``) is read where a fraction is allowed; ``1,500`` could be 1.5 or 1500
  and is refused. A percentage may carry its sign (``70%``, ``70 %``).
- Yes/no: ``ya``/``tidak``, ``yes``/``no``, ``true``/``false``, ``ada``/``tidak ada``, ``sudah``/``belum``,
  in any case.
- Dates: ISO ``2024-08-17`` stays canonical. Day first, as Indonesians write them, is read:
  ``17-08-2024``, ``17/08/2024``, ``17.08.2024``, ``17 Agustus 2024``, ``17 Agt 2024``. A date that is not
  in the calendar, a two-digit year, or one that only makes sense month first is refused with the ISO
  text to write.
- Numbers that are identifiers (NIB, KBLI, postal code): spaces, dots and dashes between the digits are
  dropped when exactly the right number of digits remains; otherwise the message counts the digits.
- Choices: ``Makanan dan Minuman`` is ``makanan_minuman`` (case, spaces, ``dan``/``and``/``&``, ``/`` and
  ``-`` do not matter); an unknown choice is refused with the list of known ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from types import SimpleNamespace
from typing import Any

from ..frozen import record
from ..spelling import closest

NOT_READ: Any = object()  # the text is not read as anything else: keep it as written

_TRUE = frozenset({"ya", "yes", "true", "ada", "sudah", "benar"})
_FALSE = frozenset({"tidak", "no", "false", "tidak ada", "belum", "salah", "tak ada"})
_WORD_FACTOR = {
    "ribu": 10**3, "rb": 10**3, "juta": 10**6, "jt": 10**6,
    "miliar": 10**9, "milyar": 10**9, "m": 10**9, "triliun": 10**12, "t": 10**12,
}  # fmt: skip
_MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "pebruari", "peb", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "ags", "agus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov", "nop", "nopember"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}


@cache
def _re() -> SimpleNamespace:
    """The patterns, compiled on first use: a profile written canonically never needs them, and compiling
    them at import would add to every start."""
    return SimpleNamespace(
        currency=re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE),
        trailer=re.compile(r"(?:,-|,00|\.-)$"),
        grouped_dots=re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){1,9}"),
        grouped_spaces=re.compile(r"[0-9]{1,3}(?: [0-9]{3}){1,9}"),
        grouped_commas=re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,9}"),  # two or more groups: never a decimal comma
        digits=re.compile(r"[0-9]{1,30}"),  # bounded: int() of thousands of digits is refused anyway
        decimal_comma=re.compile(r"([0-9]{1,30}),([0-9]{1,30})"),
        decimal_point=re.compile(r"[0-9]{1,30}\.[0-9]{1,30}"),
        word_amount=re.compile(
            r"([0-9]{1,15}(?:[.,][0-9]{1,15})?)\s*(ribu|rb|juta|jt|miliar|milyar|m|triliun|t)\.?", re.IGNORECASE
        ),
        numeric_date=re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{2}|[0-9]{4})"),
        year_first=re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})"),
        named_date=re.compile(r"([0-9]{1,2})\s+([A-Za-z]{3,10})\.?\s+([0-9]{4})"),
        words=re.compile(r"[a-z0-9]+"),
        code=re.compile(r"[a-z][a-z0-9_]{0,59}"),
    )


@record
class Form:
    """How a field may be written besides its canonical form: what the walk reads, and advises on."""

    kind: str  # integer | number | boolean | date | digits | choice | code
    percent: bool = False  # number: a trailing % is allowed
    digits: int = 0  # digits: how many
    choices: tuple[str, ...] = ()  # choice: the allowed values

    def read(self, text: str) -> Any:
        """The value ``text`` stands for, or NOT_READ (canonical already, or not to be read safely)."""
        return _READERS[self.kind](self, text.strip())

    def reader(self) -> Callable[[str], Any]:
        """``read`` for the typing walk, with the check that a text is canonical done first and inline:
        a text field (a date, a NIB, a choice) meets it on every value, and a canonical one must cost
        next to nothing."""
        read = self.read
        if self.kind == "date":
            return lambda t: NOT_READ if len(t) == 10 and t[4] == "-" and t[7] == "-" else read(t)
        if self.kind == "digits":
            n = self.digits
            return lambda t: NOT_READ if len(t) == n and t.isascii() and t.isdigit() else read(t)
        if self.kind in ("choice", "code"):
            known = frozenset(self.choices)
            return lambda t: NOT_READ if t in known else read(t)
        return read  # numbers and yes/no: only a value that is not already typed gets here


def form_of(schema: dict[str, Any], types: frozenset[str]) -> Form | None:
    """The officer's forms a profile field may take, from its schema; None for free text."""
    if "boolean" in types:
        return Form("boolean")
    if "integer" in types:
        return Form("integer")
    if "number" in types:
        return Form("number", percent=schema.get("maximum") == 100)
    if types != {"string"}:
        return None
    if schema.get("format") == "date":
        return Form("date")
    pattern = schema.get("pattern", "")
    digits = re.fullmatch(r"\^\[0-9\]\{(\d+)\}\$", pattern)
    if digits:
        return Form("digits", digits=int(digits.group(1)))
    if isinstance(schema.get("enum"), list):
        return Form("choice", choices=tuple(str(v) for v in schema["enum"]))
    if pattern == "^[a-z][a-z0-9_]{0,59}$":
        return Form("code", choices=tuple(str(v) for v in schema.get("examples", ())))
    return None


# ---------------------------------------------------------------- readers


def _integer(form: Form, text: str) -> Any:
    figure = _figure(text, single_group=True)
    return NOT_READ if figure is None else int(figure)


def _figure(text: str, single_group: bool) -> str | None:
    """Digits (and a sign) from an amount written with Rp, grouping dots or spaces and a ,- ending.
    ``single_group``: whether ``1.500`` is 1500 (a whole number) or, in a field that takes fractions,
    too ambiguous to read (it may mean 1.5)."""
    body = _re().trailer.sub("", _re().currency.sub("", text)).strip()
    sign = ""
    if body[:1] in "+-" and body[1:2].isdigit():
        sign, body = body[:1], body[1:]
    grouped = _re().grouped_dots.fullmatch(body) or _re().grouped_spaces.fullmatch(body)
    if grouped and not single_group and body.count(".") + body.count(" ") < 2:
        return None
    if _re().digits.fullmatch(body) or grouped:
        return sign + body.replace(".", "").replace(" ", "")
    if _re().grouped_commas.fullmatch(body):
        return sign + body.replace(",", "")
    return None


def _number(form: Form, text: str) -> Any:
    body = text[:-1].rstrip() if form.percent and text.endswith("%") else text
    figure = _figure(body, single_group=False)
    if figure is not None:
        return int(figure)
    decimal = _re().decimal_comma.fullmatch(body)
    if decimal and len(decimal.group(2)) != 3:  # 2,5 is two and a half; 1,500 could be 1500
        return float(f"{decimal.group(1)}.{decimal.group(2)}")
    if _re().decimal_point.fullmatch(body):  # quoted, or with a % sign
        return float(body)
    return NOT_READ


def _boolean(form: Form, text: str) -> Any:
    folded = " ".join(text.lower().split())
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return NOT_READ


def _date(form: Form, text: str) -> Any:
    if len(text) == 10 and text[4:5] == "-" and text[7:8] == "-":
        return NOT_READ  # ISO: canonical, and the schema says whether it is a real date
    day = _parse_date(text)
    return day.isoformat() if isinstance(day, dt.date) else NOT_READ


def _parse_date(text: str) -> dt.date | str | None:
    """A day-first date; or why not (a message key); or None when the text is no date at all."""
    found = _re().numeric_date.fullmatch(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        if len(found.group(3)) == 2:
            return "form_date_short_year"
        if _calendar_date(year, month, day) is None and _calendar_date(year, day, month) is not None:
            return "form_date_month_first"
        return _calendar_date(year, month, day) or "form_date_impossible"
    found = _re().year_first.fullmatch(text)
    if found:
        year, month, day = (int(g) for g in found.groups())
        return _calendar_date(year, month, day) or "form_date_impossible"
    found = _re().named_date.fullmatch(text)
    if found:
        month_number = _MONTHS.get(found.group(2).lower())
        if month_number is None:
            return None
        return _calendar_date(int(found.group(3)), month_number, int(found.group(1))) or "form_date_impossible"
    return None


def _calendar_date(year: int, month: int, day: int) -> dt.date | None:
    if 1 <= month <= 12 and 1 <= year <= 9999 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return dt.date(year, month, day)
    return None


def _digits(form: Form, text: str) -> Any:
    if len(text) == form.digits and text.isascii() and text.isdigit():
        return NOT_READ  # canonical
    squeezed = re.sub(r"[\s.\-]", "", text)
    if squeezed != text and len(squeezed) == form.digits and squeezed.isascii() and squeezed.isdigit():
        return squeezed
    return NOT_READ


def _choice(form: Form, text: str) -> Any:
    if text in form.choices:
        return NOT_READ
    key = _snake(text)
    if form.kind == "choice":
        return key if key in form.choices else NOT_READ
    return key if key != text and _re().code.fullmatch(key) else NOT_READ


def _snake(text: str) -> str:
    """``Makanan dan Minuman`` -> ``makanan_minuman``; ``SPP-IRT`` -> ``spp_irt``; ``Kabupaten/Kota`` ->
    ``kabupaten_kota``."""
    words = [w for w in _re().words.findall(text.lower().replace("&", " ")) if w not in ("dan", "and")]
    return "_".join(words)


_READERS = {
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
    "date": _date,
    "digits": _digits,
    "choice": _choice,
    "code": _choice,
}


# ---------------------------------------------------------------- advice for what is refused


def advice(text: Any, form: Form | None) -> tuple[str, dict[str, object]] | None:
    """The message (key, params) that says what to write instead of ``text``; None: no better advice
    than the schema's own message."""
    if form is None or not isinstance(text, str):
        return None
    value = text.strip()
    if form.kind in ("integer", "number"):
        words = _re().word_amount.fullmatch(_re().trailer.sub("", _re().currency.sub("", value)).strip())
        if words:
            amount = Decimal(words.group(1).replace(",", ".")) * _WORD_FACTOR[words.group(2).lower()]
            return "form_amount_words", {"value": value, "write": f"{amount.to_integral_value()}"}  # exact
        decimal = _re().decimal_comma.fullmatch(value)
        if decimal and len(decimal.group(2)) == 3:
            thousands, fraction = decimal.group(1) + decimal.group(2), f"{decimal.group(1)}.{decimal.group(2)}"
            if form.kind == "number":
                return "form_ambiguous_number", {"value": value, "a": thousands, "b": fraction}
            return "form_integer", {"value": value, "write": thousands}
        return ("form_integer" if form.kind == "integer" else "form_number"), {"value": value, "write": "12500"}
    if form.kind == "boolean":
        return "form_boolean", {"value": value}
    if form.kind == "date":
        why = _parse_date(value)
        if isinstance(why, str):
            swapped = _swapped_iso(value)
            return why, {"value": value, "write": swapped or "2024-08-17"}
        return "form_date", {"value": value}
    if form.kind == "digits":
        found = sum("0" <= c <= "9" for c in value)
        return "form_digits", {"value": value, "n": form.digits, "found": found}
    if form.kind in ("choice", "code") and form.choices:
        suggestion = closest(_snake(value), form.choices) or ""
        return "form_choice", {"value": value, "options": ", ".join(form.choices), "suggestion": suggestion}
    return None


def _swapped_iso(text: str) -> str | None:
    """For a date written month first or with a two-digit year: the ISO text it most likely means."""
    found = _re().numeric_date.fullmatch(text)
    if not found:
        return None
    first, second, year = (int(g) for g in found.groups())
    if len(found.group(3)) == 2:
        year += 2000 if year <= 69 else 1900
        day = _calendar_date(year, second, first)
    else:
        day = _calendar_date(year, first, second)  # month first
    return day.isoformat() if day else None

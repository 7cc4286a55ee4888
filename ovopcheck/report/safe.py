"""The terminal-safety boundary: every text from input or criteria passes here before a person sees it.

Control characters (C0, C1, ESC that starts ANSI/OSC sequences), bidi overrides and isolates, zero-width
and other invisible format characters are shown as ``\\uXXXX`` so they can neither steer a terminal nor
hide text."""

from __future__ import annotations

import re

# Every character a person cannot see, or that steers a terminal: Unicode's control (Cc; ESC starts ANSI
# and OSC sequences) and format characters (Cf: bidi overrides and isolates, zero-width, soft hyphen, tag
# characters), line and paragraph separators (Zl, Zp) and lone surrogates (Cs: a file name that is not
# valid UTF-8). Tab and newline are text. Generated from unicodedata 14.0.0; tests/test_safe.py holds it to
# the unicodedata of the Python that runs the tests.
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "]"
)


def safe(text: str) -> str:
    """Make input text inert for a terminal: escape control and invisible characters."""
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe_line(text: str) -> str:
    """As ``safe``, and newlines and tabs too, for one-line contexts."""
    return safe(text).replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")

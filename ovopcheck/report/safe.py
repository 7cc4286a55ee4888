"""The terminal-safety boundary: every text from input or criteria passes here before a person sees it.

Control characters (C0, C1, ESC that starts ANSI/OSC sequences), bidi overrides and isolates, zero-width
and other invisible format characters are shown as ``\\uXXXX`` so they can neither steer a terminal nor
hide text."""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts ANSI/OSC sequences), bidi overrides and isolates, zero-width and other
# invisible format characters: shown as \uXXXX so they can neither steer a terminal nor hide text.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
    "\ud800-\udfff]"  # lone surrogates: a file name that is not valid UTF-8 (surrogateescape)
)


def safe(text: str) -> str:
    """Make input text inert for a terminal: escape control and invisible characters."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def safe_line(text: str) -> str:
    """As ``safe``, and newlines and tabs too, for one-line contexts."""
    return safe(text).replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")

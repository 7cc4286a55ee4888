"""Did you mean …? The closest known name to one mistyped (a command, a criterion id, a programme, a
field or a choice), so a typo is answered with the fix rather than with "not found"."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name ``word`` most likely stands for; None when none is close. A name that ``word`` is
    the tail of counts too (``sentra-units`` for ``ovop.sentra-units``)."""
    names = list(dict.fromkeys(known))
    tails = [n for n in names if n != word and (n.endswith("." + word) or n.endswith("-" + word))]
    if len(tails) == 1:
        return tails[0]
    folded = word.lower()
    swapped = [n for n in names if n != word and len(n) == len(folded) and sorted(n) == sorted(folded)]
    if len(swapped) == 1:  # two letters swapped (opov for ovop): a typo difflib rates low
        return swapped[0]
    import difflib  # only when something was mistyped: not on every start

    found = difflib.get_close_matches(folded, names, n=1, cutoff=0.75)
    return found[0] if found and found[0] != word else None

"""Hypothesis strategies shared by the property tests and the fuzzers (fuzz/ imports this module too)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


def condition_trees(
    atoms: st.SearchStrategy[dict[str, Any]], max_leaves: int, width: int = 3
) -> st.SearchStrategy[dict[str, Any]]:
    """Criteria conditions as written in a criteria file: ``atoms`` combined by all / any (1 to ``width``
    parts) and not, at most ``max_leaves`` atoms in all."""
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.builds(lambda parts: {"all": parts}, st.lists(inner, min_size=1, max_size=width)),
            st.builds(lambda parts: {"any": parts}, st.lists(inner, min_size=1, max_size=width)),
            st.builds(lambda part: {"not": part}, inner),
        ),
        max_leaves=max_leaves,
    )

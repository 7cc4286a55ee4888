"""The closed vocabulary of conditions a criterion may use: comparisons (``compare``), the three-valued
engine (``engine``), the criteria-file form compiled into it (``compile``) and walks over a tree (``walk``)."""

"""Input, in the order data flows: bytes -> YAML node tree (``read``) -> typed data with line:col
(``tree``) -> validated against a packaged schema (``schema``, ``fastschema``) -> a profile (``profile``) or
criteria set (``criteria``). The only package that reads input files; ``resources`` finds packaged ones."""

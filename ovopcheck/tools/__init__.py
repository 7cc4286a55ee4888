"""Tools for those who maintain criteria and templates: lint, explain and docs, ``init`` templates, field docs."""

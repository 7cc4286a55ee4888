"""The profile field reference in Markdown, generated from the schema so the docs cannot drift."""

from __future__ import annotations

from typing import Any

from ..loading.resources import schema


def _type(node: dict[str, Any]) -> str:
    ref = node.get("$ref")
    if ref == "#/$defs/date":
        return "date (YYYY-MM-DD)"
    if ref is not None:
        return "same fields as `" + ref.removeprefix("#/properties/").replace("/properties/", ".") + "`"
    if "enum" in node:
        return "one of: " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type", "")
    if kind == "array":
        item = node["items"]
        if item.get("type") == "object":
            return "list of objects"
        return "list of text" + (f" `{item['pattern']}`" if "pattern" in item else "")
    if kind == "string" and "pattern" in node:
        return f"text `{node['pattern']}`"
    return {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false"}.get(kind, kind)


def field_rows(name: str = "profile") -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, sub in node.get("properties", {}).items():
            path = f"{prefix}.{key}" if prefix else key
            rows.append((path, _type(sub), sub.get("description", ""), sub.get("x-description-id", "")))
            if sub.get("type") == "object":
                walk(sub, path)
            if sub.get("type") == "array" and sub["items"].get("type") == "object":
                walk(sub["items"], f"{path}[]")

    walk(schema(name), "")
    return rows


def fields_markdown() -> str:
    lines = ["| field | type | meaning | arti |", "|---|---|---|---|"]
    for row in field_rows():
        lines.append("| `{}` | {} | {} | {} |".format(*(cell.replace("|", "\\|") for cell in row)))
    return "\n".join([*lines, "", *spreadsheet_markdown()]) + "\n"


def spreadsheet_markdown() -> list[str]:
    """The columns of a spreadsheet of IKM: each heading in both languages, its field, how a cell is filled."""
    from ..loading.columns import columns
    from .workbook import form_of

    lines = [
        "## Spreadsheet columns (kolom spreadsheet)",
        "",
        "A heading names its field by the dotted name, by either label, or by a heading offices often write for "
        "it (in brackets below); case, spacing and a note in brackets at the end do not matter. Judul kolom "
        "menyebut isiannya dengan nama bertitik, salah satu label, atau judul lain yang biasa dipakai (dalam "
        "kurung).",
        "",
        "| judul kolom | heading | field | cara mengisi | how to fill |",
        "|---|---|---|---|---|",
    ]
    for column in columns():
        heading = column.label_id + (f" ({', '.join(column.aliases)})" if column.aliases else "")
        cells = (heading, column.label_en, f"`{column.path}`", form_of(column, "id"), form_of(column, "en"))
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines

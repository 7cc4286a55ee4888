"""``ovopcheck init``: a dossier skeleton, generated from the schema and the criteria so it never drifts.

The profile template carries every field of the programme's sections with its meaning in Indonesian and
English (in brackets); every value is left empty, which ovopcheck reads as "not filled in". The
checklist names the documents the programme's criteria ask for.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..loading.schema import schema_index
from ..model.criteria import CriteriaSet
from ..report.messages import message

SECTIONS = {
    "ovop": [
        "schema_version",
        "business",
        "size",
        "sentra",
        "product",
        "market",
        "food_permits",
        "proposal",
        "readiness",
        "documents",
        "notes",
    ],
    "upakarti": ["schema_version", "nominee", "fostered_ikm", "business", "size", "documents", "notes"],
}


def profile_template(programme: str) -> str:
    index = schema_index("profile")
    root = index.resolve(index.root) or {}
    lines = [
        "# Profil untuk ovopcheck (profile for ovopcheck). Isi nilai setelah titik dua; isian yang",
        "# dibiarkan kosong dibaca sebagai 'belum diisi' (empty values are read as 'not filled in').",
        "# Periksa dengan (check with): ovopcheck FOLDER-INI --program " + programme,
    ]
    for key in SECTIONS.get(programme, SECTIONS["ovop"]):
        sub = index.resolve(root["properties"][key]) or {}
        if key == "schema_version":
            lines.append("schema_version: 1")
            continue
        _emit(index, key, sub, 0, lines)
    return "\n".join(lines) + "\n"


def _comment(node: dict[str, Any]) -> str:
    text = node.get("x-description-id", "")
    english = node.get("description", "")
    options = node.get("enum")
    out = f"{text} ({english})" if english and english != text else text
    if options:
        out += " Pilihan (options): " + ", ".join(str(o) for o in options) + "."
    return out


def _emit(index: Any, key: str, node: dict[str, Any], depth: int, lines: list[str], commented: bool = False) -> None:
    pad = "  " * depth
    mark = "# " if commented else ""
    comment = _comment(node)
    if comment:
        lines.append(f"{pad}# {comment}")
    node = index.resolve(node) or node
    if node.get("type") == "object" and node.get("properties"):
        lines.append(f"{pad}{mark}{key}:")
        for child, sub in node["properties"].items():
            _emit(index, child, sub, depth + 1, lines, commented)
        return
    if node.get("type") == "array" and (index.resolve(node.get("items")) or {}).get("type") == "object":
        item = index.resolve(node["items"]) or {}
        lines.append(f"{pad}{mark}{key}:")
        lines.append(f"{pad}  # Contoh satu entri; hapus tanda # untuk memakainya (one entry; remove the # to use it):")
        for n, (child, sub) in enumerate(item.get("properties", {}).items()):
            lead = "- " if n == 0 else "  "
            lines.append(f"{pad}  # {lead}{child}:    # {_comment(index.resolve(sub) or sub)}")
        return
    lines.append(f"{pad}{mark}{key}:")


def checklist(cset: CriteriaSet, lang_pair: tuple[str, str] = ("id", "en")) -> str:
    """A Markdown checklist of the documents the set's criteria ask for, in both languages."""
    ind, eng = lang_pair
    lines = [
        f"# Daftar dokumen (document checklist): {cset.title.get(ind)}",
        "",
        f"{cset.regime.get(ind)}",
        "",
        "Letakkan setiap dokumen di folder `docs/` dan catat di bagian `documents:` pada `profile.yaml`",
        "(put each document in `docs/` and list it under `documents:` in `profile.yaml`). PDF, JPEG atau PNG.",
        "",
    ]
    seen: set[tuple[str, ...]] = set()
    for criterion in cset.criteria:
        for evidence in criterion.evidence:
            if evidence.types in seen:
                continue
            seen.add(evidence.types)
            label_id = " / ".join(message(f"doc.{t}", ind) for t in evidence.types)
            label_en = " / ".join(message(f"doc.{t}", eng) for t in evidence.types)
            types = ", ".join(f"`{t}`" for t in evidence.types)
            condition = ""
            if criterion.applies_when is not None or evidence.when is not None:
                condition = " — bila berlaku (when it applies)"
            lines.append(f"- [ ] {label_id} ({label_en}) — type: {types} — {criterion.id}{condition}")
    lines.append(
        f"- [ ] {message('doc.product_photo', ind)} ({message('doc.product_photo', eng)}) — type: `product_photo`"
        " — dianjurkan (recommended)"
    )
    for criterion in cset.criteria:  # what to prepare that is no document (product samples)
        if criterion.checklist is not None:
            lines.append(f"- [ ] {criterion.checklist.get(ind)} ({criterion.checklist.get(eng)}) — {criterion.id}")
    return "\n".join(lines) + "\n"


def create(folder: Path, files: dict[str, str]) -> tuple[list[Path], list[Path]]:
    """Write each file unless it exists (never overwrite). Returns (created, skipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(exist_ok=True)
    created, skipped = [], []
    for name, text in files.items():
        path = folder / name
        try:
            # "x": fail if it exists, atomically, so nothing is ever overwritten.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            skipped.append(path)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        created.append(path)
    return created, skipped

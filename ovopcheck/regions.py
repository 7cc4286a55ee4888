"""Kabupaten/kota and provinsi names, as officers write them, placed on the Kemendagri list (``data/wilayah.csv``).

``Kab. Garut``, ``GARUT``, ``kabupaten garut`` and ``Kabupaten  Garut`` are all Kabupaten Garut (32.05): case,
punctuation, spacing and the words ``kabupaten``/``kab``/``kota``/``kotamadya``/``provinsi`` do not decide
the match (``Toli-Toli`` is Tolitoli). Where a name is both a kabupaten and a kota (Bandung, Bogor, Kediri),
the word written decides; without it, the provinsi does when only one of the two is there; otherwise the
name is ambiguous and said so. A name on no list (a kecamatan, a typo) is placed nowhere, with the nearest
kabupaten/kota named. The list is read once, on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from .frozen import record

DATA = Path(__file__).resolve().parent / "data" / "wilayah.csv"

_KABUPATEN_WORDS = ("kabupaten administrasi", "kabupaten", "kab")
_KOTA_WORDS = ("kota administrasi", "kotamadya", "kodya", "kota adm", "kota")
_PROVINSI_WORDS = ("provinsi", "propinsi", "prov")
# Names people write for a provinsi that its listed name does not already give.
_PROVINSI_ALIASES = {
    "dki jakarta": "31", "jakarta": "31", "daerah khusus jakarta": "31", "dki": "31",
    "di yogyakarta": "34", "diy": "34", "yogyakarta": "34", "jogja": "34", "jogjakarta": "34",
    "di aceh": "11", "nanggroe aceh darussalam": "11", "nad": "11",
    "babel": "19", "bangka belitung": "19", "kepri": "21", "jabar": "32", "jateng": "33", "jatim": "35",
    "ntb": "52", "ntt": "53", "kalbar": "61", "kalteng": "62", "kalsel": "63", "kaltim": "64", "kaltara": "65",
    "sulut": "71", "sulteng": "72", "sulsel": "73", "sultra": "74", "sulbar": "76", "malut": "82",
    "sumut": "12", "sumbar": "13", "sumsel": "16",
}  # fmt: skip


@record
class Region:
    """A provinsi or a kabupaten/kota: its Kemendagri code and name."""

    code: str
    name: str

    @property
    def is_provinsi(self) -> bool:
        return "." not in self.code

    @property
    def provinsi_code(self) -> str:
        return self.code.split(".")[0]


@record
class Placed:
    """Where a profile's kabupaten/kota and provinsi are on the list, and what to say about them."""

    kabupaten_kota: Region | None
    provinsi: Region | None
    problem: str = ""  # "", "unknown_kabupaten", "ambiguous_kabupaten", "unknown_provinsi", "other_provinsi"
    suggestion: str = ""  # the nearest name for an unknown one; the candidates for an ambiguous one


@cache
def _table() -> tuple[dict[str, Region], dict[str, list[Region]], dict[str, Region]]:
    """(code -> region, name key -> kabupaten/kota with that key, name key -> provinsi)."""
    by_code: dict[str, Region] = {}
    kabupaten: dict[str, list[Region]] = {}
    provinsi: dict[str, Region] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "kode,")):
            continue
        code, name = line.split(",", 1)
        region = Region(code, name)
        by_code[code] = region
        if region.is_provinsi:
            provinsi[_key(name)] = region
        else:
            kabupaten.setdefault(_key(_strip(name)[1]), []).append(region)
    for alias, code in _PROVINSI_ALIASES.items():
        provinsi.setdefault(_key(alias), by_code[code])
    return by_code, kabupaten, provinsi


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _key(text: str) -> str:
    """Letters and digits only: ``Toli-Toli`` and ``Tolitoli``, ``Bau Bau`` and ``Baubau`` are one key."""
    return _plain(text).replace(" ", "")


def _strip(name: str) -> tuple[str, str]:
    """(``kabupaten``/``kota``/"", the name without that word) of a kabupaten/kota name as written."""
    plain = _plain(name)
    for kind, words in (("kota", _KOTA_WORDS), ("kabupaten", _KABUPATEN_WORDS)):
        for word in words:
            if plain == word:
                return kind, ""
            if plain.startswith(word + " "):
                return kind, plain[len(word) + 1 :]
    return "", plain


def provinsi_named(text: str | None) -> Region | None:
    """The provinsi a name stands for (``Jawa Barat``, ``JABAR``, ``Prov. Jawa Barat``), or None."""
    if not text:
        return None
    plain = _plain(text)
    for word in _PROVINSI_WORDS:
        if plain.startswith(word + " "):
            plain = plain[len(word) + 1 :]
    return _table()[2].get(plain.replace(" ", ""))


def region(code: str) -> Region | None:
    return _table()[0].get(code)


@lru_cache(maxsize=4096)  # a batch names the same few places again and again
def place(kabupaten_kota: str | None, provinsi: str | None) -> Placed:
    """A kabupaten/kota and provinsi as written, placed on the list (either may be missing)."""
    stated = provinsi_named(provinsi)
    if not kabupaten_kota:
        if provinsi and stated is None:
            return Placed(None, None, "unknown_provinsi", _nearest_provinsi(provinsi))
        return Placed(None, stated)
    kind, name = _strip(kabupaten_kota)
    candidates = _table()[1].get(name.replace(" ", ""), [])
    if kind:
        candidates = [c for c in candidates if _is_kota(c) == (kind == "kota")]
    if len(candidates) > 1 and stated is not None:
        candidates = [c for c in candidates if c.provinsi_code == stated.code] or candidates
    if not candidates:
        return Placed(None, stated, "unknown_kabupaten", _nearest_kabupaten(kabupaten_kota))
    if len(candidates) > 1:
        return Placed(None, stated, "ambiguous_kabupaten", " / ".join(c.name for c in candidates))
    found = candidates[0]
    home = region(found.provinsi_code)
    if stated is not None and stated.code != found.provinsi_code:
        return Placed(found, home, "other_provinsi", home.name if home else "")
    return Placed(found, home)


def _is_kota(region: Region) -> bool:
    return int(region.code.split(".")[1]) >= 71


def _nearest_kabupaten(text: str) -> str:
    """The listed kabupaten/kota closest to a name on no list; both when a kabupaten and a kota share it
    (``Cirebonn``: Kabupaten Cirebon / Kota Cirebon). In code order, so the same name always gets the
    same answer."""
    from .spelling import closest

    named: dict[str, list[str]] = {}
    for regions in _table()[1].values():
        for region in regions:
            for key in (_plain(region.name), _strip(region.name)[1]):
                named.setdefault(key, []).append(region.code)
    found = closest(_plain(text), named) or closest(_strip(text)[1], named)
    if found is None:
        return ""
    by_code = _table()[0]
    return " / ".join(by_code[code].name for code in sorted(set(named[found])))


def _nearest_provinsi(text: str) -> str:
    from .spelling import closest

    names = {_plain(r.name): r.name for r in _table()[0].values() if r.is_provinsi}
    found = closest(_plain(text), names)
    return names[found] if found else ""


def counts() -> tuple[int, int]:
    """(provinsi, kabupaten/kota) on the list."""
    regions = _table()[0].values()
    provinsi = sum(1 for r in regions if r.is_provinsi)
    return provinsi, len(_table()[0]) - provinsi

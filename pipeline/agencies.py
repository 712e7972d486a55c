"""Agencies (OPD) that run a program: the abbreviation table (data/agencies.csv), the regex
that finds a full name or an abbreviation, reading a match into (full name, abbreviation as
written), and linking a program to the agency the article says runs it.

Separate from the name finders because it is about who runs a program, not what it is called;
the finders only ask it whether a word is an agency.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .gazetteer import data_rows
from .program_words import alternation, kind_re, region_names

if TYPE_CHECKING:
    from .program_names import Candidate


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Abbreviation as written (case kept) -> full agency name."""
    return {r["abbreviation"]: r["agency"] for r in data_rows("agencies.csv")}


_AGENCY_FULL = r"(?:Dinas|Badan|Bagian|Satuan|Rumah Sakit|Inspektorat)(?:\s+(?:[A-Z][\w,]*|dan))+"


@lru_cache(maxsize=1)
def agency_pattern() -> re.Pattern:
    """A full agency name ("Dinas Kesehatan (Dinkes)") or an abbreviation of data/agencies.csv, case kept."""
    abbr = alternation(agencies())
    return re.compile(rf"(?P<full>{_AGENCY_FULL})(?:\s+\((?P<paren>[^()]+)\))?|(?<![\w-])(?P<abbr>{abbr})(?![\w-])")


_STOP_AGENCY = {"Kabupaten", "Kota", "Provinsi", "Pemprov", "Pemkab", "Pemkot", "Kab.", "Dinas", "Badan"}


def read_agency(m: re.Match) -> tuple[str, str | None]:
    """(full name, abbreviation as written) of an agency match; the region after a full name is cut
    ("Dinas Kependudukan dan Pencatatan Sipil Kota Sorong, Yohanis Kambuaya" -> "... Pencatatan Sipil")."""
    if m.group("abbr"):
        abbr = m.group("abbr")
        return agencies().get(abbr) or agencies().get(abbr.upper(), abbr), abbr
    words = m.group("full").split()
    kept = words[:2]
    for i, w in enumerate(words[2:], start=2):
        if w.rstrip(",") in _STOP_AGENCY or w.rstrip(",").lower() in region_names() \
                or " ".join(words[i:i + 2]).rstrip(",").lower() in region_names():
            break
        kept.append(w)
        if w.endswith(","):  # "Dinas Komunikasi, Informatika dan Statistik" goes on; "Dinas Kominfo, Frans" does not
            rest = []
            for nxt in words[i + 1:]:
                rest.append(nxt)
                if nxt.endswith(","):
                    break
            if "dan" not in rest:
                break
    while kept and (kept[-1] in {"dan"} or kept[-1].endswith(",")) and len(kept) > 2:
        kept[-1] = kept[-1].rstrip(",")
        if kept[-1] == "dan":
            kept.pop()
        else:
            break
    full = " ".join(kept).rstrip(",")
    if m.group("paren") and words == kept:
        paren = m.group("paren") if m.group("paren") in agencies() or m.group("paren")[:1].isupper() else None
    else:
        paren = None
    return agencies().get(full, full), paren


_AGENCY_LINK = re.compile(
    r"^\s*(?:,\s*)?(?:yang\s+)?(?:juga\s+)?(?:merupakan\s+|adalah\s+)?(?:(?:di)?kelola|digagas|dikembangkan|diluncurkan|"
    r"dibuat|dijalankan|digarap|disiapkan|milik|besutan|garapan|buatan|inovasi|program|aplikasi|melalui|oleh|dari|diuji|"
    r"bersama)"
    r"(?:\s+oleh)?\s+$", re.IGNORECASE)
# "e-Parking di sejumlah ruas jalan yang dikelola Dinas Perhubungan": a managing verb later in the sentence
_MANAGED_BY = re.compile(r"(?<![\w-])(?:yang\s+)?(?:juga\s+)?(?:dikelola|digagas|dikembangkan|diinisiasi|dijalankan|digarap|disiapkan|"
                         r"dirancang|diuji|milik|besutan|garapan)\s+(?:oleh\s+)?$", re.IGNORECASE)


def find_agency(doc_text: str, cand: Candidate, sentences: list[tuple[int, int]]) -> tuple[str, str | None] | None:
    """The implementing agency: 'X program Disbun', 'X yang dikelola Dinas Kesehatan (Dinkes)',
    'X merupakan inovasi DKP' anywhere in the article; else in the program's own sentence the agency
    that launches it ('Diskominfo juga menyiapkan X') or whose head speaks of it ('Kepala Disbudpar ... X')."""
    names = {re.escape(cand.name), re.escape(doc_text[cand.start:cand.end])}
    pattern = agency_pattern()
    for name_m in re.finditer("|".join(sorted(names, key=len, reverse=True)), doc_text):
        sent_end = next((b for a, b in sentences if a <= name_m.start() < b), name_m.end() + 120)
        window = doc_text[name_m.end():min(sent_end, name_m.end() + 120)]
        for i, am in enumerate(pattern.finditer(window)):
            if (i == 0 and _AGENCY_LINK.match(window[:am.start()])) or _MANAGED_BY.search(window[:am.start()]):
                return read_agency(am)
    s, _ = next(((a, b) for a, b in sentences if a <= cand.start < b), (cand.start, cand.end))
    head = doc_text[s:cand.start]
    for am in pattern.finditer(head):
        if re.search(r"(?:Kementerian|Kemen|Kementrian)\s+$", head[:am.start()]):
            continue  # a ministry's body, not the region's OPD
        if kind_re("launch").search(head[am.end():]):
            return read_agency(am)
    return None

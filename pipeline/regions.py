"""Regions tagger: every provinsi / kabupaten / kota an article names, resolved to Kemendagri.

Writes ``doc.spans["regions"]``; columns: name, kind, province, code, evidence.
How a mention is resolved:
  explicit  "Kabupaten Muara Enim", "Kab. OKU Timur", "Pemkot Palembang", "Provinsi Jambi"
  role      "Bupati Muara Enim", "Wali Kota Depok": the kind comes from the role word
  alias     "Muba", "Jatim" (data/region_aliases.csv), ambiguous ones decided by the article's
            other regions ("context:<province>")
  bare      "Malang": the kind another mention in the article made explicit, else kota before
            kabupaten, and provinsi when a province shares the name
  fuzzy     a typo after an explicit trigger ("Kabupaten Musi Banyuasn"), rapidfuzz score >= cut-off
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import (
    Region,
    aliases,
    context_aliases,
    data_rows,
    regions,
    surface_forms,
)
from .tables import set_row

# word(s) before a name -> the kind it asks for; True when the word belongs in the mention
_TRIGGERS = {
    "kabupaten": ("kabupaten", True), "kab.": ("kabupaten", True), "kab": ("kabupaten", True),
    "pemkab": ("kabupaten", True), "bupati": ("kabupaten", False), "wabup": ("kabupaten", False),
    "kota": ("kota", True), "pemkot": ("kota", True), "walikota": ("kota", False),
    "wawali": ("kota", False), "wawalkot": ("kota", False),
    "provinsi": ("provinsi", True), "prov.": ("provinsi", True), "prov": ("provinsi", True),
    "pemprov": ("provinsi", True), "gubernur": ("provinsi", False), "wagub": ("provinsi", False),
}
_BARE_ORDER = {"kota": 0, "kabupaten": 1, "provinsi": 2}


@lru_cache(maxsize=1)
def _context_words() -> tuple[frozenset, frozenset]:
    rows = data_rows("region_context.csv")
    block = frozenset(r["word"] for r in rows if r["effect"] == "block")
    allow = frozenset(r["word"] for r in rows if r["effect"] == "allow")
    return block, allow


@Language.factory("kotacerdas_regions", default_config={"fuzzy_cutoff": 80})
def make_regions_tagger(nlp: Language, name: str, fuzzy_cutoff: int) -> "RegionsTagger":
    return RegionsTagger(nlp, fuzzy_cutoff)


class RegionsTagger:
    def __init__(self, nlp: Language, fuzzy_cutoff: int = 80):
        self.fuzzy_cutoff = fuzzy_cutoff
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        names = surface_forms()
        self.candidates = names
        self.matcher.add("REGION", list(nlp.tokenizer.pipe(names.keys())))
        self.alias_keys = frozenset(aliases())
        self.context_keys = context_aliases()
        self.by_kind: dict[str, dict[str, Region]] = {}
        for r in regions():
            self.by_kind.setdefault(r.kind, {})[r.short] = r

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, list[Region], str | None, str]] = []
        matches = dict(self._with_direction_after_acronym(doc, m) for m in self.matcher(doc, as_spans=True))
        for span in filter_spans(list(matches)):
            key = matches[span]
            kind, start = self._trigger(doc, span.start)
            if kind and not any(c.kind == kind for c in self.candidates[key]):
                kind, start = None, None  # "kota Benteng": a town, not the kabupaten the alias names
            evidence = "alias" if key in self.alias_keys else "explicit" if kind else "bare"
            if evidence == "bare" and not self._plausible_bare(doc, span):
                continue
            if evidence == "alias" and span.text.islower():
                continue  # "mitra", "benteng": aliases are written capitalised
            if evidence == "alias" and kind is None and key in self.context_keys:
                evidence = "needs-context"
            mention = doc[start:span.end] if start is not None else span
            found.append((mention, self.candidates[key], kind, evidence))
        found += self._fuzzy(doc, {i for s, *_ in found for i in range(s.start, s.end)})
        doc.spans["regions"] = self._resolve(found)
        return doc

    def _with_direction_after_acronym(self, doc: Doc, span: Span) -> tuple[Span, str]:
        """(mention, surface-form key): "Ogan Komering Ulu (OKU) Timur" names OKU Timur, the acronym
        sits inside the name."""
        key = span.text.lower()
        tail = doc[span.end:span.end + 4]
        if len(tail) == 4 and tail[0].text == "(" and tail[1].is_upper and tail[2].text == ")" \
                and f"{key} {tail[3].lower_}" in self.candidates:
            return doc[span.start:span.end + 4], f"{key} {tail[3].lower_}"
        return span, key

    @staticmethod
    def _trigger(doc: Doc, i: int) -> tuple[str | None, int | None]:
        """Kind asked for by the word before token i, and where the mention starts."""
        j = i - 1
        if j >= 0 and doc[j].lower_ == "administrasi":
            j -= 1
        if j < 0:
            return None, None
        kind_incl = _TRIGGERS.get(doc[j].lower_)
        if kind_incl is None:
            return None, None
        kind, include = kind_incl
        return kind, (j if include else None)

    @staticmethod
    def _plausible_bare(doc: Doc, span: Span) -> bool:
        if not span.text[:1].isupper():
            return False  # "batu", "agam" as common words
        block, allow = _context_words()
        prev = doc[span.start - 1] if span.start else None
        if prev is not None and prev.lower_ in block:
            return False
        person_like = prev is not None and prev.is_title and prev.is_alpha and not prev.is_sent_start
        if len(span) == 1 and person_like and prev.lower_ not in allow:
            return False  # "Agus Batu"
        # "Bima Arya", "Batang Dua": a one-word name running into another capitalised word
        nxt = doc[span.end] if span.end < len(doc) else None
        return not (len(span) == 1 and nxt is not None and nxt.is_title and nxt.is_alpha
                    and not span.text.isupper() and nxt.lower_ not in allow)

    def _fuzzy(self, doc: Doc, taken: set[int]) -> list:
        out = []
        for tok in doc:
            trig = _TRIGGERS.get(tok.lower_)
            if not trig or not trig[1] or tok.i + 1 in taken or tok.i + 1 >= len(doc):
                continue
            names = self.by_kind.get(trig[0], {})
            for width in (3, 2, 1):
                span = doc[tok.i + 1: tok.i + 1 + width]
                if len(span) < width or not all(t.is_title or t.is_upper for t in span):
                    continue
                hit = process.extractOne(span.text, names.keys(), scorer=fuzz.ratio,
                                         score_cutoff=self.fuzzy_cutoff)
                if hit:
                    out.append((doc[tok.i: span.end], [names[hit[0]]], trig[0], f"fuzzy:{hit[1]:.0f}"))
                    break
        return out

    def _resolve(self, found: list) -> list[Span]:
        def unique(cands, kind):
            pool = [c for c in cands if c.kind == kind] if kind else cands
            return pool or cands

        # explicit or unambiguous mentions first: they are the article's context
        context: set[str] = set()
        provinces: set[str] = set()
        for _, cands, kind, evidence in found:
            pool = unique(cands, kind)
            if len(pool) == 1 and evidence != "needs-context":
                context.add(pool[0].code)
                provinces.add(pool[0].province)
        spans = []
        for mention, cands, kind, evidence in found:
            pool = unique(cands, kind)
            if evidence == "needs-context":
                pool = [c for c in pool if c.province in provinces]
                if not pool:
                    continue  # "Benteng Kuto Besak" in a Palembang story: a fortress, not Bengkulu Tengah
                evidence = f"context:{pool[0].province}"
            if len(pool) > 1:
                known = [c for c in pool if c.code in context]
                by_prov = [c for c in pool if c.province in provinces and c.kind != "provinsi"]
                if known and kind is None and evidence in ("bare", "alias"):
                    pool = known  # "Jogja" in a story that names the province (DIY) but not the city
                elif len({c.short for c in pool}) == 1 and kind is None:
                    pool = sorted(pool, key=lambda c: _BARE_ORDER[c.kind])
                    if any(c.kind == "provinsi" for c in pool):
                        pool = [c for c in pool if c.kind == "provinsi"]
                elif by_prov:
                    pool, evidence = by_prov, f"context:{by_prov[0].province}"
            region = pool[0]
            span = Span(mention.doc, mention.start, mention.end, label="regions")
            spans.append(set_row(span, "regions", name=region.name, kind=region.kind,
                                 province=region.province, code=region.code, evidence=evidence))
        return spans


@Language.component("kotacerdas_regions_not_people")
def drop_regions_in_names(doc: Doc) -> Doc:
    """Runs after the officials tagger: a bare region name that is part of an official's name
    ("Wali Kota Bogor Bima Arya ... kata Bima") is the person, not Kabupaten/Kota Bima."""
    people = doc.spans.get("officials", [])
    name_words = {w.lower() for s in people for w in (s._.officials or {}).get("name", "").split()}
    inside = {i for s in people for i in range(s.start, s.end)}

    def keep(span: Span) -> bool:
        if span._.regions["evidence"] != "bare":
            return True
        return span.start not in inside and span.text.lower() not in name_words
    doc.spans["regions"] = [s for s in doc.spans.get("regions", []) if keep(s)]
    return doc

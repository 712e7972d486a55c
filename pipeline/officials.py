"""Officials tagger: every named person with a stated public post.

Writes ``doc.spans["officials"]`` (one span per person and post, over the name as written,
degrees included); columns: name (without degrees / Haji), degrees, role, role_normalized,
acting, region. The rules read:
  role before name   "Bupati Muara Enim Ahmad Yani", "Kepala Diskominfo Depok, Sidik Mulyono,"
  name before role   "Ahmad, selaku Kepala Bappeda", "Indra Saputra, Kepala Bagian ..."
  lists              "Tim asesor ... terdiri atas A, B dan C", "Ketiganya adalah A, B, serta C"
Language data lives in data/: official_roles.csv (role heads), official_cues.csv (acting
prefixes, list openers ...), agency_words.txt, role_short_forms.csv.

Where a name starts and ends, degrees included, is asked of a ``NameFinder`` (see
pipeline/person_names.py): ``RuleNames`` (capitalisation) by default, ``EntNames`` (doc.ents
labelled PER/PERSON) once a trained NER runs before this component (config: name_source = "ents").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Region, data_rows, surface_forms
from .language import sentence_of
from .person_names import (
    NAME_SOURCES,
    ROMAN,
    TITLE,
    Name,
    NameFinder,
    degree_key,
    word_list,
)
from .tables import set_row

# Posts that belong to no kabupaten/kota/provinsi: no region, and the role keeps any place words.
NATIONAL = {"menteri", "pejabat_kementerian", "asesor", "tenaga_ahli"}
# Which kind of region a post without a written region falls back to.
FALLBACK_KIND = {"bupati": "kabupaten", "wakil_bupati": "kabupaten", "wali_kota": "kota",
                 "wakil_wali_kota": "kota", "gubernur": "provinsi", "wakil_gubernur": "provinsi"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,}[a-z]?$")  # DPMPTSP, DKP, BPKAD, DP3A
_SEPARATORS = {",", ";", "dan", "serta", "&"}


@lru_cache(maxsize=1)
def _data():
    cues: dict[str, dict[str, str]] = {}
    for row in data_rows("official_cues.csv"):
        cues.setdefault(row["kind"], {})[row["cue"]] = row["value"]
    roles = {row["phrase"]: row for row in data_rows("official_roles.csv")}
    shorts = [(r["long"], r["short"]) for r in data_rows("role_short_forms.csv")]
    return {"cues": cues, "roles": roles, "shorts": shorts, "agency": word_list("agency_words.txt")}


@dataclass
class Official:
    name: Name
    role_start: int
    role_end: int
    role: str
    role_normalized: str
    acting: str | None
    region: str | None


@Language.factory("kotacerdas_officials",
                  default_config={"name_source": "rules", "fallback_region": True})
def make_officials(nlp: Language, name: str, name_source: str, fallback_region: bool):
    return OfficialsTagger(nlp, name_source, fallback_region)


class OfficialsTagger:
    def __init__(self, nlp: Language, name_source: str = "rules", fallback_region: bool = True):
        d = _data()
        self.d = d
        if name_source not in NAME_SOURCES:
            raise ValueError(f"name_source must be one of {', '.join(NAME_SOURCES)}, not {name_source!r}")
        self.names: NameFinder = NAME_SOURCES[name_source]()
        self.fallback_region = fallback_region
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.heads.add("ROLE", list(nlp.tokenizer.pipe(d["roles"].keys())))
        self.places: dict[str, list[Region]] = surface_forms()

    # ---- the pass over a document -------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        # token -> the region mention covering it ("Wali Kota Tanjungpinang": the mention "Kota
        # Tanjungpinang" starts inside the head, so the complement meets it mid-span)
        region_at = {i: s for s in doc.spans.get("regions", []) for i in range(s.start, s.end)}
        found: list[Official] = []
        taken: set[int] = set()
        for head in filter_spans(self.heads(doc, as_spans=True)):
            if head.start in taken:
                continue
            for off in self._around_head(doc, head, region_at):
                if not taken.intersection(range(off.name.start, off.name.end)):
                    found.append(off)
                    taken.update(range(off.role_start, off.role_end))
                    taken.update(range(off.name.start, off.name.end))
        found.sort(key=lambda o: o.name.start)
        doc.spans["officials"] = [self._span(doc, o) for o in self._dedup(doc, found)]
        return doc

    def _around_head(self, doc: Doc, head: Span, region_at: dict) -> list[Official]:
        info = self.d["roles"][head.text.lower()]
        before = doc[head.start - 1].lower_ if head.start else ""
        if before in self.d["cues"]["not_a_post"]:
            return []
        kind = info["complement"]
        acting, role_start = self._acting(doc, head.start)
        comp_end, region_span, acronym = self._complement(doc, head.end, kind, region_at)
        out = []
        name, role_end = self._name_after(doc, comp_end, kind)
        if name is None:
            name = self._name_before(doc, role_start)
            role_end = self._loose_end(doc, comp_end) if name else comp_end
        if name is not None:
            if region_span is None and kind != "place":  # a region past words the data does not know
                region_span = next((p for k in range(comp_end, role_end)
                                    if (p := self._place(doc, k, region_at)) is not None), None)
            off = self._official(doc, name, head, role_start, role_end, acting, region_span, acronym, info)
            out += [off] if off else []
        if kind == "list":
            out += self._list(doc, head, info)
        return out

    # ---- role phrase --------------------------------------------------------------
    def _acting(self, doc: Doc, start: int) -> tuple[str | None, int]:
        """'Pj', 'Plt.', 'Pelaksana Tugas' right before the head."""
        acting = self.d["cues"]["acting"]
        k = start - 1
        if k >= 0 and doc[k].text == ".":
            k -= 1
        if k >= 2 and doc[k].text == ")" and doc[k - 2].text == "(":
            k -= 3  # "Penjabat (Pj) Bupati"
        for width in (2, 1):
            s = k - width + 1
            if s >= 0 and " ".join(t.lower_.rstrip(".") for t in doc[s:k + 1]) in acting:
                return acting[" ".join(t.lower_.rstrip(".") for t in doc[s:k + 1])], s
        return None, start

    def _complement(self, doc: Doc, k: int, kind: str, region_at: dict):
        """End of the words after a head that still belong to the post, the region span among
        them, and an acronym given in brackets ("... Satu Pintu (DPMPTSP)")."""
        if kind == "place":
            return self._place_words(doc, k, region_at), None, None
        region_span, acronym = None, None
        agency = self.d["agency"]
        open_ = kind in ("agency", "list")
        n = len(doc)
        while k < n:
            tok = doc[k]
            place = None if region_span is not None else self._place(doc, k, region_at)
            if place is not None:
                region_span = place
                k = place.end
            elif open_ and tok.text == "(" and (close := self._bracket_end(doc, k)):
                acronym, k = doc[k + 1:close].text, close + 1
            elif open_ and (tok.lower_ in agency and tok.lower_ != "dan" or _ACRONYM.match(tok.text)
                            and degree_key(tok.text) not in self.names.post):
                k += 1
            elif open_ and ROMAN.match(tok.text) and k + 1 < n \
                    and (doc[k + 1].lower_ in agency or _ACRONYM.match(doc[k + 1].text)):
                k += 1  # "Asisten I Setda", "Kepala Seksi II Bidang ..."
            elif open_ and tok.lower_ in ("dan", "&", ",") and k + 1 < n and doc[k + 1].lower_ in agency \
                    and doc[k + 1].lower_ != "dan":
                k += 1  # "Dinas Komunikasi, Informatika dan Statistik"
            else:
                break
        return k, region_span, acronym

    @staticmethod
    def _bracket_end(doc: Doc, k: int) -> int | None:
        """Index of ')' closing a short capitalised abbreviation: '(DPMPTSP)', '(Diskominfo SP)'."""
        for j in range(k + 2, min(len(doc), k + 5)):
            if doc[j].text == ")":
                return j if all(t.text[:1].isupper() for t in doc[k + 1:j]) else None
        return None

    def _place_words(self, doc: Doc, k: int, region_at: dict) -> int:
        """'Camat Tamalate, Andi ...', 'Lurah Gandaria Utara, ...', 'Camat Sekayu Ahmad Ridwan':
        the place a camat/lurah/kepala desa heads is rarely in the gazetteer; it stays in the role."""
        n = len(doc)
        j = k
        while j < min(n, k + 4) and TITLE.match(doc[j].text) or (j < n and ROMAN.match(doc[j].text) and j > k):
            j += 1
        if j > k and j < n and doc[j].text == ",":
            return j
        if j - k >= 2 and self.names.core_end(doc, k + 1):
            return k + 1
        return k

    def _place(self, doc: Doc, k: int, region_at: dict) -> Span | None:
        if k in region_at:
            return doc[k:region_at[k].end]
        for width in (3, 2, 1):
            span = doc[k:k + width]
            if len(span) == width and span.text[:1].isupper() and span.text.lower() in self.places:
                return span
        return None

    def _loose_end(self, doc: Doc, k: int) -> int:
        """After a name-first apposition the post runs to the next punctuation or lower-case word."""
        while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ == "dan") and doc[k].text != ",":
            k += 1
        return k

    # ---- names ----------------------------------------------------------------------
    @staticmethod
    def _ends_cleanly(doc: Doc, name: Name) -> bool:
        """What follows a name: punctuation, a lower-case word, a line break or the end."""
        k = name.end
        if k >= len(doc) or name.degrees and doc[k - 1].text.endswith("."):
            return True  # "Wakil Bupati Juarsah SH. Yani mengatakan": the degree's dot ends the sentence
        tok = doc[k]
        return tok.is_punct or tok.is_space or tok.text[:1].islower() or tok.text in ("(", "—", "–")

    def _name_after(self, doc: Doc, k: int, kind: str) -> tuple[Name | None, int]:
        """The name right after the post (maybe after a comma), and where the post ends."""
        if k < len(doc) and doc[k].text == ",":
            name = self.names.forward(doc, k + 1)
            return (name, k) if name and self._ends_cleanly(doc, name) else (None, k)
        direct = self.names.forward(doc, k)
        if direct and not self._ends_cleanly(doc, direct):
            direct = None
        if direct and doc[direct.end:direct.end + 1].text != "(":
            return direct, k
        if kind != "place":
            # words the data does not know ("Kepala Suku Dinas ...", "Narasumber dari Kementerian
            # Kominfo"): the post runs on to a comma that a name follows
            j = k
            while j < min(len(doc), k + 15):
                tok = doc[j]
                if tok.text == ",":
                    name = self.names.forward(doc, j + 1)
                    if name and self._ends_cleanly(doc, name):
                        return name, j
                elif not (tok.text[:1].isupper() or tok.lower_ in ("dan", "dari", "(", ")", "&")):
                    break
                j += 1
        return direct, k

    def _name_before(self, doc: Doc, role_start: int) -> Name | None:
        """'Ahmad, selaku Kepala Bappeda', 'Rosnani Fitri SE MM selaku Kepala Bappeda',
        'Apriyadi yang juga Sekda Muba', 'Indra Saputra, Kepala Bagian ...'."""
        k = role_start
        for width in (3, 2, 1):
            if k - width >= 0 and " ".join(t.lower_ for t in doc[k - width:k]) in self.d["cues"]["apposition"]:
                k -= width
                break
        cue = k < role_start
        if k > 0 and doc[k - 1].text == ",":
            k -= 1
        elif not cue:
            return None
        return self.names.backward(doc, k)

    def _list(self, doc: Doc, head: Span, info: dict) -> list[Official]:
        """Names listed after 'yaitu/terdiri atas/:' in the head's sentence or in a next
        sentence opening 'Ketiganya adalah'."""
        cues = self.d["cues"]
        sent_end = sentence_of(head).end
        start = self._intro_after(doc, head.end, sent_end)
        if start is None and sent_end < len(doc):
            nxt = doc[sent_end]
            while nxt.is_space and nxt.i + 1 < len(doc):
                nxt = doc[nxt.i + 1]
            if nxt.lower_ in cues["list_pronoun"]:
                start = self._intro_after(doc, nxt.i + 1, min(len(doc), nxt.i + 3))
        if start is None:
            return []
        role = head.text.title() if head.text.lower().startswith("tim ") else head[-1].text.title()
        out, k = [], start
        while k < len(doc):
            while k < len(doc) and doc[k].lower_ in _SEPARATORS:
                k += 1
            name = self.names.forward(doc, k) if k < len(doc) else None
            if name is None:
                break
            out.append(Official(name, head.start, head.end, role, info["role_normalized"], None, None))
            k = self._skip_affiliation(doc, name.end)
            if k < len(doc) and doc[k].lower_ not in _SEPARATORS:
                break
        return out

    def _intro_after(self, doc: Doc, k: int, limit: int) -> int | None:
        intro = self.d["cues"]["list_intro"]
        for j in range(k, min(limit, k + 12)):
            for width in (2, 1):
                if " ".join(t.lower_ for t in doc[j:j + width]) in intro and j + width <= len(doc):
                    return j + width
        return None

    @staticmethod
    def _skip_affiliation(doc: Doc, k: int) -> int:
        """Past '(UGM)', 'dari Citiasia', ', akademisi ITB' after a listed name."""
        n = len(doc)
        if k < n and doc[k].text == "(":
            while k < n and doc[k].text != ")":
                k += 1
            k += 1
        if k < n and doc[k].lower_ in ("dari", "asal"):
            while k < n and doc[k].lower_ not in _SEPARATORS and not doc[k].is_sent_end:
                k += 1
        if k + 1 < n and doc[k].text == "," and doc[k + 1].text[:1].islower() \
                and doc[k + 1].lower_ not in _SEPARATORS:
            k += 1
            while k < n and doc[k].lower_ not in _SEPARATORS and doc[k].text != ".":
                k += 1
        return k

    # ---- the row ----------------------------------------------------------------------
    def _official(self, doc, name, head, role_start, role_end, acting, region_span, acronym, info):
        role_norm = self._normalize(doc, head, role_end, info)
        if role_norm is None:
            return None
        national = role_norm in NATIONAL
        words = [t for t in doc[role_start:role_end]
                 if national or region_span is None or not (region_span.start <= t.i < region_span.end)]
        prefix = [acting] if acting else []
        if acronym:
            role = " ".join(prefix + [head[0].text, acronym])
        else:
            role = " ".join(prefix + [t.text for t in words if t.i >= head.start])
        role = self._short_forms(re.sub(r"\s+([.),])|\(\s+", lambda m: m.group(1) or "(", role))
        role = re.sub(r"\s+(Pemerintah|Pemda|Pemerintah Daerah)$", "", role)
        role = re.sub(r"\s+dari\s.*$", "", role)  # "Narasumber dari Kementerian Kominfo"
        region = None
        if role_norm not in NATIONAL and region_span is not None:
            region = self._region_name(doc, region_span)
        return Official(name, role_start, role_end, role.strip(), role_norm, acting, region)

    def _normalize(self, doc: Doc, head: Span, role_end: int, info: dict) -> str | None:
        comp = [t.lower_ for t in doc[head.end:role_end]]
        cues = self.d["cues"]
        if any(w in cues["non_gov"] for w in comp):
            return None  # "Direktur PT X": a corporate title
        norm = info["role_normalized"]
        if norm in ("other", "kepala_dinas", "kepala_badan") and (
                any(w in cues["ministry"] or w.startswith("kemen") for w in comp)):
            return "pejabat_kementerian"
        if norm == "other" and head.text.lower() in ("kepala", "kadis", "kaban") and comp:
            # OPD acronyms: Dinas -> D*, Dis*, Din*; Badan -> B*
            first = comp[0]
            if first == "dinas" or first.startswith(("dis", "din")) or (first[:1] == "d" and first.isalnum()
                                                                       and doc[head.end].text.isupper()):
                return "kepala_dinas"
            if first == "badan" or first.startswith("bapp") or (first[:1] == "b" and doc[head.end].text.isupper()):
                return "kepala_badan"
        if head.text.lower() == "direktur":
            # directors of government bodies are central posts, except a regional hospital/utility
            if not any(w in self.d["agency"] for w in comp):
                return None
            regional = {"rsud", "rumah", "pdam", "perumda", "bumd", "dinas"}
            return "other" if regional.intersection(comp) else "pejabat_kementerian"
        return norm

    def _short_forms(self, role: str) -> str:
        for long, short in self.d["shorts"]:
            role = re.sub(rf"\b{long}\b", short, role, flags=re.IGNORECASE)
        return role

    def _region_name(self, doc: Doc, span: Span) -> str | None:
        if span.has_extension("regions") and span._.regions:
            return span._.regions["name"]
        for s in doc.spans.get("regions", []):
            if s.start <= span.start < s.end:
                return s._.regions["name"]
        cands = self.places.get(span.text.lower())
        return cands[0].name if cands else None

    # ---- one row per person and post --------------------------------------------------
    def _dedup(self, doc: Doc, found: list[Official]) -> list[Official]:
        main = self._main_regions(doc)
        kept: list[Official] = []
        for off in found:
            if off.region is None and off.role_normalized not in NATIONAL and self.fallback_region:
                off.region = main.get(FALLBACK_KIND.get(off.role_normalized, "kabupaten/kota"))
            words = doc[off.name.core_start:off.name.core_end].text.lower().split()
            same = [k for k in kept if self._same_person(words, k, doc)]
            if any(k.role_normalized == off.role_normalized or off.role_normalized == "other"
                   for k in same):
                continue
            kept.append(off)
        return kept

    @staticmethod
    def _same_person(words: list[str], other: Official, doc: Doc) -> bool:
        theirs = doc[other.name.core_start:other.name.core_end].text.lower().split()
        if set(words) <= set(theirs) or set(theirs) <= set(words):
            return True
        return fuzz.ratio(" ".join(words), " ".join(theirs)) >= 85

    @staticmethod
    def _main_regions(doc: Doc) -> dict[str, str]:
        """The article's main region of each kind (and of kabupaten/kota together): most
        mentioned, an explicit "Kota X"/"Bupati X" counting double a bare "X", ties to the first."""
        counts: Counter = Counter()
        kinds = {}
        for s in doc.spans.get("regions", []):
            row = s._.regions or {}
            if row.get("name"):
                counts[row["name"]] += 2 if row.get("evidence") == "explicit" else 1
                kinds[row["name"]] = row.get("kind")
        out: dict[str, str] = {}
        for name, _ in counts.most_common():
            kind = kinds[name]
            out.setdefault(kind, name)
            if kind in ("kabupaten", "kota"):
                out.setdefault("kabupaten/kota", name)
        return out

    @staticmethod
    def _span(doc: Doc, off: Official) -> Span:
        span = Span(doc, off.name.start, off.name.end, label="officials")
        return set_row(span, "officials",
                       name=doc[off.name.core_start:off.name.core_end].text,
                       degrees=", ".join(off.name.degrees) or None,
                       role=off.role, role_normalized=off.role_normalized,
                       acting=off.acting, region=off.region)

"""Programs tagger: named programs, innovations and apps a regional government runs.

Writes ``doc.spans["programs"]`` (one span per distinct program in the article); columns: name,
dimension, dimension_confidence, dimension_source, agency, agency_abbreviation, region.

Where names come from, strongest first:
  dimension lists  "Untuk Smart Economy, Pemkot menampilkan A dan B", "Easy Tax untuk Smart Governance",
                   "Smart Living Taman Air Muba program DLH." -> the dimension is stated (confidence 1.0)
  program lists    "ada tiga aplikasi yang direplikasi, yakni A, B, serta C"
  acronyms         "PADUKA LAMTENG (Petugas Adminduk ...)", "Pajak Online Terpadu (PONTER)", "X atau Expansion"
  cue words        "aplikasi SanguPalu", "lapak online bernama Lado Jitan", quoted names, "e-Kontrak"
Without a stated dimension the classifier (models/, see pipeline/classifier.py) decides.
The text rules live in program_names.py (finding names), agencies.py (who runs a program) and
program_words.py (the word lists both share); this module is the spaCy component that runs them
over each sentence, merges what they find and links each program to its agency and region.
The language data (cue words, list markers, non-programs, agencies) is in pipeline/data/.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from . import classifier as program_classifier
from .agencies import agencies, agency_pattern, find_agency, read_agency
from .language import sentence_of
from .program_names import (
    Candidate,
    clean_name,
    find_acronyms,
    find_after_cues,
    find_in_bullets,
    find_in_dimension_lists,
    find_in_program_lists,
    is_program_name,
)
from .program_words import region_names
from .tables import set_row


@Language.factory("kotacerdas_programs", default_config={"classifier": "program_dimension.skops"})
def make_programs_tagger(nlp: Language, name: str, classifier: str) -> ProgramsTagger:
    from .nlp import (
        MODELS,  # the models dir; imported here because nlp.py imports this module
    )
    return ProgramsTagger(Path(MODELS) / classifier)


class ProgramsTagger:
    def __init__(self, model_path: Path):
        if not model_path.exists():
            raise FileNotFoundError(
                f"The program dimension classifier {model_path} is missing. "
                "Run `kotacerdas train classifier` to build it (see models/program_dimension.md).")
        self.model = program_classifier.load(model_path)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        """Classify the programs of a whole batch in one call: scikit-learn's overhead is per call."""
        for batch in minibatch(docs, size=batch_size):
            found = [(doc, self.candidates(doc)) for doc in batch]
            need = [(doc, c) for doc, cands in found for c in cands if c.dimension is None]
            preds = program_classifier.predict([c.name for _, c in need], model=self.model,
                                               contexts=[_sentence_of(doc, c) for doc, c in need])
            guessed = {id(c): p for (_, c), p in zip(need, preds)}
            for doc, cands in found:
                yield self._write(doc, cands, guessed)

    def _write(self, doc: Doc, cands: list[Candidate], guessed: dict) -> Doc:
        spans = []
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        text = doc.text  # spaCy rebuilds doc.text on every access
        link_region = _RegionLinker(doc)
        for c in cands:
            span = doc.char_span(c.start, c.end, label="programs", alignment_mode="expand")
            if span is None:
                continue
            agency = c.agency or find_agency(text, c, sentences)
            if c.dimension:
                dim, conf, source = c.dimension, 1.0, "stated"
            else:
                dim, conf, _ = guessed[id(c)]
                dim, conf, source = str(dim), round(float(conf), 3), "classifier"
            set_row(span, "programs", name=c.name, dimension=dim, dimension_confidence=conf,
                    dimension_source=source, agency=agency[0] if agency else None,
                    agency_abbreviation=agency[1] if agency else None, region=link_region(span))
            spans.append(span)
        doc.spans["programs"] = spans
        return doc

    def candidates(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        for sent in doc.sents:
            text, off = sent.text, sent.start_char
            for a, b, dim, abbr in find_in_dimension_lists(text):
                cand = _candidate(text, off, a, b, 4, dim)
                if cand and abbr:
                    cand.agency = (agencies()[abbr], abbr)
                found.append(cand)
            for a, b in find_in_program_lists(text):
                found.append(_candidate(text, off, a, b, 3))
            for a, b in find_in_bullets(text):
                found.append(_candidate(text, off, a, b, 3))
            for a, b, name in find_acronyms(text):
                found.append(Candidate(off + a, off + b, name, 2))
            for a, b, is_app in find_after_cues(text):
                cand = _candidate(text, off, a, b, 1)
                if cand:
                    cand.named_app = is_app
                    found.append(cand)
        return _merge([c for c in found if c and is_program_name(c.name, c.named_app)])


def _candidate(text: str, off: int, a: int, b: int, priority: int, dim: str | None = None) -> Candidate | None:
    item = text[a:b]
    agency = None
    for link in re.finditer(r"\s+(?:program|inovasi|milik|besutan|garapan|oleh|dari|yang\s+dikelola)\s+", item):
        m = agency_pattern().match(item, link.end())
        rest = item[m.end():].strip(" .,") if m else ""
        if m and (not rest or _is_region_name(rest)):  # "Taman Air Muba program DLH", "X milik RSUD Tarakan"
            agency, item = read_agency(m), item[:link.start()]
            break
    aside = re.search(r"\s*\(([^()]+)\)\s*$", item) or re.search(r"\s+[—–-]\s+([^—–]+?)\s*$", item)
    if aside and not agency:  # "Loksado Smart Tourism (Disporapar)", "Nelayan Pintar — DKP": the agency aside
        m = agency_pattern().fullmatch(aside.group(1).strip())
        if m:
            agency, item = read_agency(m), item[:aside.start()]
    acr = [x for x in find_acronyms(item) if x[0] == 0 and x[1] >= len(item.rstrip()) - 1]
    name = clean_name(acr[0][2] if acr else item)
    if not name:
        return None
    return Candidate(off + a, off + a + len(item.rstrip()), name, priority, dim, agency=agency)


def _is_region_name(text: str) -> bool:
    return re.sub(r"^(?:Kabupaten|Kota|Provinsi|Kab\.)\s+", "", text).lower() in region_names()


def _key(name: str) -> set[str]:
    low = name.lower().strip()
    keys = {low}
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", low)
    if m:
        keys.update({m.group(1).strip(), m.group(2).strip()})
    return keys


def _same_program(a: str, b: str) -> bool:
    """Same name, an acronym of the other, or one name extending the other ('e-Kinerja' / 'e-Kinerja ASN')."""
    if _key(a) & _key(b):
        return True
    short, long_ = sorted([a.lower(), b.lower()], key=len)
    return long_.startswith(short + " ")


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per program: overlapping or same-named finds merge, the strongest finder names it."""
    cands = sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for c in cands:
        twin = next((k for k in kept if (k.start < c.end and c.start < k.end) or _same_program(k.name, c.name)), None)
        if twin is None:
            kept.append(c)
            continue
        twin.dimension = twin.dimension or c.dimension
        twin.agency = twin.agency or c.agency
        if c.name.lower().startswith(twin.name.lower() + " "):
            twin.name = c.name  # "Mal Pelayanan Publik" then "Mal Pelayanan Publik Pekanbaru"
    return sorted(kept, key=lambda c: c.start)


def _sentence_of(doc: Doc, c: Candidate) -> str | None:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    return sentence_of(span).text if span is not None else None


class _RegionLinker:
    """The region a program belongs to: the kabupaten/kota named in its own sentence when only one
    is, else the article's most mentioned one (provinces only when no kabupaten/kota is named).
    Built once per Doc: looking regions up per program was quadratic in article length."""

    def __init__(self, doc: Doc):
        self.local: dict[int, set[str]] = {}  # sentence start token -> kabupaten/kota named there
        counts: dict[str, dict[str, int]] = {"local": {}, "provinsi": {}}
        for r in doc.spans["regions"] if "regions" in doc.spans else []:
            row = r._.regions or {}
            group = "local" if row.get("kind") in ("kabupaten", "kota") else "provinsi"
            if group == "local":
                self.local.setdefault(sentence_of(r).start, set()).add(row["name"])
            counts[group][row["name"]] = counts[group].get(row["name"], 0) + 1
        best = counts["local"] or counts["provinsi"]
        self.main = max(best, key=lambda n: best[n]) if best else None

    def __call__(self, span: Span) -> str | None:
        here = self.local.get(sentence_of(span).start, set())
        return next(iter(here)) if len(here) == 1 else self.main

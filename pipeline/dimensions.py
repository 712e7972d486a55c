"""Dimension mentions: the six smart-city dimensions named in the text, with their variants.

Writes ``doc.spans["dimensions"]``; columns: dimension (governance, branding, economy, living,
society, environment, or ``other`` for dimensions outside Kominfo's six such as Smart Mobility)
and variant (the canonical variant matched, or "fuzzy:<score>" for a typo like "Smart Environtment").
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import data_rows
from .tables import set_row


@lru_cache(maxsize=1)
def variants() -> dict[str, str]:
    return {r["variant"].lower(): r["dimension"] for r in data_rows("dimension_variants.csv")}


@Language.factory("kotacerdas_dimensions", default_config={"fuzzy_cutoff": 85})
def make_dimensions_tagger(nlp: Language, name: str, fuzzy_cutoff: int) -> "DimensionsTagger":
    return DimensionsTagger(nlp, fuzzy_cutoff)


class DimensionsTagger:
    def __init__(self, nlp: Language, fuzzy_cutoff: int = 85):
        self.table = variants()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("DIMENSION", list(nlp.tokenizer.pipe(self.table)))
        # second words of "smart X" variants, for typos ("Environtment", "Goverment")
        self.smart_words = {v.split()[1]: d for v, d in self.table.items()
                            if v.startswith("smart ") and len(v.split()) == 2 and len(v.split()[1]) > 4}
        self.cutoff = fuzzy_cutoff

    def __call__(self, doc: Doc) -> Doc:
        spans = list(self.matcher(doc, as_spans=True))
        taken = {s.start for s in spans}
        for tok in doc[:-1]:
            if tok.lower_ == "smart" and tok.i not in taken:
                nxt = doc[tok.i + 1]
                hit = process.extractOne(nxt.lower_, self.smart_words.keys(), scorer=fuzz.ratio,
                                         score_cutoff=self.cutoff)
                if hit and nxt.is_alpha:
                    span = Span(doc, tok.i, tok.i + 2, label="dimensions")
                    spans.append(self._row(span, self.smart_words[hit[0]], f"fuzzy:{hit[1]:.0f}"))
        out = []
        for span in filter_spans(spans):
            if span.label_ == "DIMENSION":  # a phrase-table match, not yet a row
                key = span.text.lower()
                span = self._row(Span(doc, span.start, span.end, label="dimensions"),
                                 self.table[key], key)
            out.append(span)
        doc.spans["dimensions"] = sorted(out, key=lambda s: s.start)
        return doc

    @staticmethod
    def _row(span: Span, dimension: str, variant: str) -> Span:
        return set_row(span, "dimensions", dimension=dimension, variant=variant)

"""Tokenizer and sentence boundaries for Indonesian news.

spaCy's blank ``id`` tokenizer splits "Kab." / "Sp.PD", breaks dates such as "15/11/2023"
into five tokens and carries ~16k exceptions that defeat the tokenizer cache. We keep its
prefix/suffix/infix rules, drop the big exception table for a lean one (``data/abbreviations.txt``),
and keep numeric dates whole.
"""
from __future__ import annotations

import bisect
import re
from importlib import resources

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.lang.id import Indonesian
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Numeric dates ("15/11/2023", "23/10", "17-11-2022") and times ("16.30") stay one token ...
_TOKEN_MATCH = re.compile(r"^(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}-\d{1,2}-\d{2,4}|\d{1,2}[.:]\d{2})$").match
# ... while a dash between numbers is a range ("15-17 Nov", "2019–2028"): each end is its own token.
_RANGE_INFIX = r"(?<=[0-9])[-–—](?=[0-9])"
_SENT_END = {".", "!", "?", "…", "..."}
_CLOSERS = {"”", "\"", "’", "'", ")", "»"}
_OPENERS = {"“", "\"", "‘", "«", "("}


def abbreviations() -> list[str]:
    text = resources.files("pipeline").joinpath("data/abbreviations.txt").read_text("utf8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@spacy.registry.tokenizers("kotacerdas.tokenizer.v1")
def create_tokenizer():
    def make(nlp: Language) -> Tokenizer:
        d = Indonesian.Defaults
        rules = {k: v for k, v in BASE_EXCEPTIONS.items() if not k.isalpha()}
        for abbr in abbreviations():
            rules[abbr] = [{ORTH: abbr}]
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(d.prefixes).search,
            suffix_search=compile_suffix_regex(d.suffixes).search,
            infix_finditer=compile_infix_regex([*d.infixes, _RANGE_INFIX]).finditer,
            token_match=_TOKEN_MATCH,
            url_match=d.url_match,
        )

    return make


def _is_boundary_space(tok) -> bool:
    return tok.is_space and "\n" in tok.text


@Language.component("kotacerdas_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence starts from terminal punctuation, closing quotes and line breaks.

    A line break always ends a sentence: ``clean`` has already re-joined lines broken
    mid-sentence, so the ones left are paragraph, heading or list boundaries.
    The starts are written in one ``from_array`` call: setting ``token.is_sent_start`` one by
    one re-checks the whole Doc's annotation each time, which is quadratic on long articles.
    """
    n = len(doc)
    starts = numpy.full(n, -1, dtype="int32")  # -1: not a sentence start
    if n:
        starts[0] = 1
    for i, tok in enumerate(doc):
        end = None
        if _is_boundary_space(tok) or ("\n" in tok.whitespace_):
            end = i + 1
        elif tok.text in _SENT_END:
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not _opens_next(doc, j):
                j += 1
            if j < n and _starts_sentence(doc[j]):
                end = j
        if end is not None and end < n:
            starts[end] = 1
    doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
    return doc


def _opens_next(doc: Doc, j: int) -> bool:
    """A straight quote right after '. ' opens the next sentence rather than closing this one."""
    tok = doc[j]
    return tok.text in {"\"", "'"} and doc[j - 1].whitespace_ != ""


def _starts_sentence(tok) -> bool:
    t = tok.text
    return t[:1].isupper() or t[:1].isdigit() or t in _OPENERS or tok.is_space


_SENT_KEY = ("kotacerdas", "sentence_starts")


def sentence_of(span: Span) -> Span:
    """The sentence containing a span (or token), in O(log n).

    spaCy's ``span.sent`` re-checks the whole Doc's sentence annotation on every call, which makes
    "the sentence of each extraction" quadratic on long articles. The starts are computed once per
    Doc (after the sentences component has run) and cached in ``doc.user_data``.
    """
    doc = span.doc
    starts = doc.user_data.get(_SENT_KEY)
    if starts is None or starts[-1] != len(doc):
        flags = doc.to_array([SENT_START]).reshape(-1).astype("int64")
        starts = [0, *(int(i) for i in numpy.flatnonzero(flags == 1) if i > 0), len(doc)]
        doc.user_data[_SENT_KEY] = starts
    i = span.start if isinstance(span, Span) else span.i
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k]:starts[k + 1]]

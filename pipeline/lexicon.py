"""The program classifier's domain lexicon: terms that mark a smart-city dimension ("bank sampah" ->
environment, "posyandu" -> living). A hit adds a ``lex<dimension>`` token to what the model reads.

Two files, both in ``pipeline/data``:

- ``dimension_lexicon.csv``: written from domain knowledge by annotators who never saw the training
  names. Used as it is everywhere.
- ``dimension_lexicon_learned.csv``: written by annotators who read the training names, one annotator
  per cross-validation fold, each seeing only the other folds' names (``unseen_fold`` names the fold
  they did not see). Cross-validation tests fold k with the terms written without fold k, so its
  score is honest; the model the pipeline uses gets all of them (a term two authors put in different
  dimensions goes to the majority, a tie drops it).

Matching: the text is lower-cased, a hyphen ends its word ("e-ktp" -> "e- ktp"), other punctuation
separates words, and a term matches where it starts a word ("pariwisat" matches "pariwisata").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from .gazetteer import data_rows

Lexicon = tuple[tuple[str, str], ...]
_PUNCTUATION = re.compile(r"[^\w\s-]")


def words(text: str) -> str:
    """Lower-cased words, a hyphen ending its word, other punctuation a space ("(Samsat" -> "samsat"),
    with a leading space so terms match word starts."""
    return " " + " ".join(_PUNCTUATION.sub(" ", text.lower()).replace("-", "- ").split())


def _term(raw: str) -> str:
    return words(raw)[1:]


@lru_cache(maxsize=1)
def written() -> Lexicon:
    """The terms of dimension_lexicon.csv, written without seeing the training names."""
    return tuple((_term(r["term"]), r["dimension"]) for r in data_rows("dimension_lexicon.csv"))


@lru_cache(maxsize=1)
def _learned_rows() -> tuple[tuple[str, str, str], ...]:
    try:
        rows = data_rows("dimension_lexicon_learned.csv")
    except FileNotFoundError:
        return ()
    return tuple((_term(r["term"]), r["dimension"], str(r["unseen_fold"]).strip()) for r in rows)


def learned(unseen_fold: str | int | None = None) -> Lexicon:
    """Learned terms not already in the written lexicon: those whose author never saw ``unseen_fold``,
    or with no fold given, every term with its majority dimension (ties dropped)."""
    have = {term for term, _ in written()}
    if unseen_fold is not None:
        fold = str(unseen_fold)
        return tuple(dict.fromkeys((t, d) for t, d, f in _learned_rows() if f == fold and t not in have))
    votes: dict[str, Counter] = defaultdict(Counter)
    for term, dim, _ in _learned_rows():
        if term not in have:
            votes[term][dim] += 1
    out = []
    for term, counts in votes.items():
        (best, n), *rest = counts.most_common()
        if not rest or rest[0][1] < n:
            out.append((term, best))
    return tuple(out)


@lru_cache(maxsize=1)
def full() -> Lexicon:
    """The lexicon the pipeline's model uses: written terms plus every learned term."""
    return written() + learned()


@lru_cache(maxsize=8)
def without_fold(fold: str | int) -> Lexicon:
    """The lexicon for testing cross-validation fold ``fold``: no term written by someone who saw it."""
    return written() + learned(fold)


def dimensions(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Dimensions of the lexicon terms that start a word of the text, one per hit; a term inside a
    longer hit ("retribusi" in "retribusi pasar") does not count."""
    text_words = words(text)
    hits = [(term, dim) for term, dim in (lexicon if lexicon is not None else full()) if " " + term in text_words]
    return [dim for term, dim in hits if not any(term != other and term in other for other, _ in hits)]

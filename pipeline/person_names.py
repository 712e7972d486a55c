"""Person names in a tokenised text, with the degrees written around them ("Dr. H. Ahmad
Yani, SH, MSi"). A ``NameFinder`` says where a name starts and ends: ``RuleNames`` by
capitalisation, ``EntNames`` from a person NER's doc.ents, ``RulesThenEnts`` both; NAME_SOURCES
names them for the officials tagger's name_source setting.

Separate from officials.py because finding a name does not depend on the post it holds.
Language data: data/degrees.csv and name_stopwords.txt; the words of agency_words.txt and
official_roles.csv are never part of a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from .gazetteer import data_rows

# Token shapes: a capitalised word, an initial ("D."), short capitals, a regnal number ("X").
TITLE = re.compile(r"^[A-Z][A-Za-z]*[a-z][A-Za-z]*(?:['’-][A-Za-z]+)*$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_SHORT_CAPS = re.compile(r"^[A-Z]{1,3}$")  # "GS Vicky Lumentut", Balinese "I Dewa"
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")


def degree_key(text: str) -> str:
    """'M.Si.', 'MSi' and 'M.Si' are one degree."""
    return text.replace(".", "").replace(" ", "").lower()


def word_list(filename: str) -> frozenset[str]:
    """A word list of pipeline/data/ (one a line, '#' comments), lower-cased."""
    text = resources.files("pipeline").joinpath("data", filename).read_text("utf8")
    return frozenset(ln.strip().lower() for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _degrees() -> tuple[frozenset, frozenset]:
    """Degrees written before and after a name (data/degrees.csv), as ``degree_key``s."""
    pre, post = set(), set()
    for row in data_rows("degrees.csv"):
        key = degree_key(row["form"])
        if row["position"] in ("pre", "both"):
            pre.add(key)
        if row["position"] in ("post", "both"):
            post.add(key)
    return frozenset(pre), frozenset(post)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Stop words, agency words and the words of the role phrases: never part of a name."""
    role_words = frozenset(w for row in data_rows("official_roles.csv") for w in row["phrase"].split())
    return word_list("name_stopwords.txt") | word_list("agency_words.txt") | role_words


@dataclass
class Name:
    start: int  # first token, degrees included
    end: int
    core_start: int  # the name itself
    core_end: int
    degrees: list[str]


class NameFinder:
    """Degrees around a name are handled here; subclasses say where the name itself ends."""

    def __init__(self):
        self.pre, self.post = _degrees()

    def core_end(self, doc: Doc, i: int) -> int | None:
        raise NotImplementedError

    def _degree(self, doc: Doc, k: int, keys: frozenset) -> tuple[str, int] | None:
        tok = doc[k]
        key = degree_key(tok.text + (")" if "(" in tok.text and ")" not in tok.text else ""))
        if key not in keys or not tok.text[:1].isalpha():
            return None
        if tok.text[:1].islower() and key not in {"dr", "drg"}:
            return None
        text, k = tok.text, k + 1
        if "(" in text and k < len(doc) and doc[k].text == ")":
            text, k = text + ")", k + 1  # "SpOG(K)" comes as "SpOG(K" ")"
        if k < len(doc) and doc[k].text == "." and not tok.whitespace_:
            text, k = text + ".", k + 1
        return text, k

    def forward(self, doc: Doc, i: int) -> Name | None:
        """The name (with degrees) starting at token i."""
        degrees, k = [], i
        while k < len(doc) and (hit := self._degree(doc, k, self.pre)):
            degrees.append(hit[0])
            k = hit[1]
        core_start = k
        core_end = self.core_end(doc, k) if k < len(doc) else None
        if core_end is None:
            return None
        k = core_end
        while k < len(doc):
            j = k + 1 if doc[k].text == "," and k + 1 < len(doc) else k
            hit = self._degree(doc, j, self.post)
            if not hit:
                break
            degrees.append(hit[0])
            k = hit[1]
        if degrees and doc[k - 1].text == "." and (k == len(doc) or doc[k].text[:1].isupper()):
            k -= 1  # that dot ended the sentence ("... SH MSi DEA. Ia berhadapan")
            degrees[-1] = degrees[-1][:-1]
        return Name(i, k, core_start, core_end, degrees)

    def backward(self, doc: Doc, end: int) -> Name | None:
        """The name (with degrees) ending right before token ``end``."""
        for start in range(max(0, end - 12), end):
            name = self.forward(doc, start)
            if name and name.end == end and (start == 0 or not self._name_like(doc[start - 1])):
                return name
        return None

    def _name_like(self, tok: Token) -> bool:
        return bool(TITLE.match(tok.text) or _INITIAL.match(tok.text))


class RuleNames(NameFinder):
    """A name is a run of capitalised tokens, initials ("Mor D. Bastiaan") and short capitals
    before another name word ("GS Vicky", "I Dewa"), that are not role, agency or function words."""

    def __init__(self, max_tokens: int = 5):
        super().__init__()
        self.blocked = _not_name_words()
        self.max_tokens = max_tokens

    def _word(self, doc: Doc, k: int, first: bool) -> bool:
        tok = doc[k]
        low = tok.lower_
        if low in self.blocked or (not first and degree_key(tok.text) in self.post):
            return False
        if TITLE.match(tok.text):
            return True
        if _INITIAL.match(tok.text) or _SHORT_CAPS.match(tok.text) and degree_key(tok.text) not in self.post:
            # "M. Fikser", "GS Vicky Lumentut", "I Dewa": only before another name word
            return k + 1 < len(doc) and bool(TITLE.match(doc[k + 1].text)) and self._word(doc, k + 1, False)
        return False

    def core_end(self, doc: Doc, i: int) -> int | None:
        k = i
        while k < len(doc) and k - i < self.max_tokens and self._word(doc, k, k == i):
            k += 1
        if i < k < len(doc) and ROMAN.match(doc[k].text) and (k + 1 == len(doc) or not doc[k + 1].is_alpha
                                                              or doc[k + 1].text[:1].islower()):
            k += 1  # "Sri Sultan Hamengku Buwono X"
        return k if k > i else None


class EntNames(NameFinder):
    """Names from a person NER that ran earlier in the pipeline."""

    LABELS = frozenset({"PER", "PERSON"})

    def core_end(self, doc: Doc, i: int) -> int | None:
        for ent in doc.ents:
            if ent.start == i and ent.label_ in self.LABELS:
                return ent.end
        return None


class RulesThenEnts(RuleNames):
    """The rule finder, with the person NER's span where the rules find no name."""

    def core_end(self, doc: Doc, i: int) -> int | None:
        return super().core_end(doc, i) or EntNames.core_end(self, doc, i)


NAME_SOURCES = {"rules": RuleNames, "ents": EntNames, "rules+ents": RulesThenEnts}

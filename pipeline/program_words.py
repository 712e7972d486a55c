"""Word lists the programs tagger's finders share: the cue words of data/program_words.csv
(by kind: generic, cue, noun, strong, launch, ...), a regex for each kind, and the region names.

Separate from program_names.py because agencies.py needs them too, and program_names.py in
turn needs agencies.py: keeping them here keeps the imports one-way
(program_words <- agencies <- program_names <- programs).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .gazetteer import data_rows, regions


@lru_cache(maxsize=1)
def words_by_kind() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in data_rows("program_words.csv"):
        out.setdefault(r["kind"], []).append(r["word"].lower())
    return out


def alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def kind_re(kind: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(words_by_kind()[kind])})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def region_names() -> frozenset:
    names = set()
    for r in regions():
        names.update({r.name.lower(), r.short.lower()})
    return frozenset(names)

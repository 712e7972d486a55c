"""Clean article text for NLP without moving a single character.

Everything ``clean`` removes (bylines, "BACA JUGA:" inserts, control characters) is
overwritten with spaces, and lines broken mid-sentence are re-joined by turning the
line break into a space. The cleaned text therefore has the same length as the original,
so every character offset the taggers produce is also an offset into the original text:
the offset map is the identity, and provenance can never drift.
"""
from __future__ import annotations

import re

# Lines that are not article body: bylines and credits, and inserted links to other stories.
_BYLINE = re.compile(
    r"(?im)^[ \t]*[\(\[]?(?:laporan|editor|reporter|penulis|pewarta|redaktur|editing|"
    r"foto|sumber\s+foto|kontributor|penyunting)\b[ \t]*[:：|/][^\n]*$"
)
_INSERT_LABEL = r"^[ \t]*(?:baca\s+juga|berita\s+lain(?:nya)?|berita\s+terkait|simak\s+juga|lihat\s+juga)\b[ \t]*:?"
# "BACA JUGA: Judul" on one line, or the label alone with the linked headline on the next line.
_INSERT = re.compile(rf"(?im){_INSERT_LABEL}[ \t]*\n[^\n]*$|{_INSERT_LABEL}[^\n]*$")
# Inline variant: "... kata dia. BACA JUGA: Judul Lain  Selanjutnya ..." is rare; only whole lines are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\ufffd\xa0\t\r]")
# A single line break inside a sentence: previous char is not terminal punctuation and
# the next line starts with a lower-case letter or a digit continuing the phrase.
_BROKEN_LINE = re.compile(r"(?<=[^\s.!?:;\"”’])\n(?=[ \t]*[a-z(])")


def blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def clean_text(text: str) -> str:
    """Return text of identical length, ready for the tokenizer."""
    out = _CONTROL.sub(" ", text)
    out = _BYLINE.sub(blank, out)
    out = _INSERT.sub(blank, out)
    out = _BROKEN_LINE.sub(" ", out)
    assert len(out) == len(text)
    return out


def junk_ratio(text: str) -> float:
    """Share of characters that are control codes or U+FFFD: high for binary input."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
    return bad / len(text)

"""Run the spaCy pipeline over one article or a stream of them."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean_text


def to_date(value) -> dt.date | None:
    """Publication date from '2023-11-15', '2023-11-15T08:00:00+07:00', a date or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def make_doc(nlp: Language, text: str, published=None, article_id: str | None = None) -> Doc:
    """Tokenized (not yet tagged) Doc of the cleaned text, with the article context set."""
    doc = nlp.make_doc(clean_text(text))
    doc._.published = to_date(published)
    doc._.article_id = article_id
    return doc


def annotate(nlp: Language, text: str, published=None, article_id: str | None = None) -> Doc:
    """The tagged Doc of one article text. Offsets in it are offsets into ``text``."""
    return nlp(make_doc(nlp, text, published, article_id))

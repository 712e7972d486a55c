"""The table contract: which span group feeds which table, and its columns.

Every tagger writes ``doc.spans[<table>]``; each span carries its columns as
``span._.<column>`` extensions registered here. The emitter reads only this
module, so a new table is one entry here plus one component.
"""
from __future__ import annotations

from spacy.tokens import Span

# Columns every row of an extraction table has (provenance), added by the emitter.
PROVENANCE = ["article_id", "mention", "start", "end", "sentence"]

# table -> its own columns (read from span._.<column>)
TABLES: dict[str, list[str]] = {
    "regions": ["name", "kind", "province", "code", "evidence"],
    "officials": ["name", "degrees", "role", "role_normalized", "acting", "region"],
    "dates": ["value", "precision", "note"],
    "dimensions": ["dimension", "variant"],
    "programs": [
        "name",
        "dimension",
        "dimension_confidence",
        "dimension_source",
        "agency",
        "agency_abbreviation",
        "region",
    ],
}

ARTICLE_COLUMNS = [
    "article_id", "title", "url", "source", "published",
    "n_chars", "n_sentences", "status", "error",
]

DIMENSIONS = ["governance", "branding", "economy", "living", "society", "environment"]


def register_extensions() -> None:
    """Register one Span extension per table, holding that row's columns as a dict.

    spaCy keys span extension values by character offsets only, so two spans in different
    groups with the same offsets (a program named "Smart Governance" and the dimension mention
    "Smart Governance") would overwrite each other's attributes if they shared column names.
    One extension per table keeps them apart: ``span._.programs["dimension"]``.
    """
    for table in TABLES:
        if not Span.has_extension(table):
            Span.set_extension(table, default=None)


def set_row(span: Span, table: str, **columns) -> Span:
    """Attach a row to a span; unknown columns are an error, missing ones are None."""
    unknown = set(columns) - set(TABLES[table])
    if unknown:
        raise KeyError(f"{table} has no column(s) {sorted(unknown)}")
    span._.set(table, {col: columns.get(col) for col in TABLES[table]})
    return span


def row(span: Span, table: str) -> dict:
    return span._.get(table) or {col: None for col in TABLES[table]}


register_extensions()


def register_doc_extensions() -> None:
    """Article context the taggers may read: doc._.published (datetime.date or None), doc._.article_id."""
    from spacy.tokens import Doc

    for name in ("published", "article_id"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_doc_extensions()


# Column types for typed outputs (Parquet, SQLite); every other column is text.
INTEGER_COLUMNS = {"start", "end", "n_chars", "n_sentences"}
FLOAT_COLUMNS = {"dimension_confidence"}


def columns(table: str) -> list[str]:
    """All output columns of a table, provenance first."""
    if table == "articles":
        return list(ARTICLE_COLUMNS)
    return PROVENANCE + TABLES[table]


ALL_TABLES = ["articles", *TABLES]

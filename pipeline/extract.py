"""Articles in, table rows out: the batch driver the CLI and notebooks share."""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .annotate import make_doc
from .clean import junk_ratio
from .ingest import Article, read
from .language import sentence_of
from .nlp import shared_nlp
from .tables import TABLES, row

MAX_CHARS = 500_000  # ~80k words: far above any news article, far below spaCy's 1M limit
JUNK_LIMIT = 0.05


@dataclass
class Stats:
    articles: int = 0
    ok: int = 0
    problems: int = 0
    rows: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TABLES})
    seconds: float = 0.0
    chars: int = 0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def check(article: Article, max_chars: int) -> Article:
    """Set status/error for text the pipeline should not (fully) process."""
    if article.status != "ok":
        return article
    if not article.text.strip():
        article.status, article.error = "empty", "article text is empty"
    elif junk_ratio(article.text[:100_000]) > JUNK_LIMIT:
        article.status = "error"
        article.error = f"text looks like binary data ({junk_ratio(article.text[:100_000]):.0%} control or invalid characters)"
    elif len(article.text) > max_chars:
        article.status = "truncated"
        article.error = (f"text has {len(article.text):,} characters; only the first {max_chars:,} "
                         "were processed (raise --max-chars to process more)")
    return article


def article_row(article: Article, doc: Doc | None) -> dict:
    return {
        "article_id": article.id, "title": article.title, "url": article.url,
        "source": article.source, "published": article.published,
        "n_chars": len(article.text),
        "n_sentences": sum(1 for s in doc.sents if s.text.strip()) if doc is not None else 0,
        "status": article.status, "error": article.error,
    }


def span_rows(article: Article, doc: Doc) -> Iterator[tuple[str, dict]]:
    text = article.text
    for table in TABLES:
        for span in doc.spans.get(table, []):
            sent = sentence_of(span)
            yield table, {
                "article_id": article.id,
                "mention": text[span.start_char:span.end_char],
                "start": span.start_char, "end": span.end_char,
                "sentence": text[sent.start_char:sent.end_char].strip(),
                **row(span, table),
            }


def _tag(nlp: Language, batch: list[tuple[Article, Doc]]) -> Iterator[tuple[Article, Doc | None]]:
    """Tag a batch; if one doc breaks a component, redo the batch one by one so only it fails."""
    try:
        docs = list(nlp.pipe([d for _, d in batch]))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        for art, doc in batch:
            try:
                yield art, nlp(doc)
            except Exception as exc:  # noqa: BLE001
                art.status, art.error = "error", f"pipeline failed: {type(exc).__name__}: {exc}"
                yield art, None
        return
    yield from zip((a for a, _ in batch), docs)


def extract_rows(articles: Iterable[Article], nlp: Language | None = None, *,
                 max_chars: int = MAX_CHARS, batch_size: int = 32,
                 stats: Stats | None = None) -> Iterator[tuple[str, dict]]:
    """Yield (table, row) for every article: one 'articles' row each, plus its extractions."""
    nlp = nlp or shared_nlp()
    stats = stats if stats is not None else Stats()
    started = time.perf_counter()
    batch: list[tuple[Article, Doc]] = []

    def flush():
        for art, doc in _tag(nlp, batch):
            yield "articles", article_row(art, doc)
            stats.ok += art.status == "ok"
            stats.problems += art.status != "ok"
            if doc is not None:
                for table, r in span_rows(art, doc):
                    stats.rows[table] += 1
                    yield table, r
        batch.clear()

    for art in articles:
        stats.articles += 1
        check(art, max_chars)
        if art.status not in ("ok", "truncated"):
            stats.problems += 1
            yield "articles", article_row(art, None)
            continue
        stats.chars += min(len(art.text), max_chars)
        batch.append((art, make_doc(nlp, art.text[:max_chars], art.published, art.id)))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
    stats.seconds = time.perf_counter() - started


def extract(source, nlp: Language | None = None, **kwargs) -> dict:
    """Run the pipeline and return one pandas DataFrame per table.

    ``source`` is a path (file or folder of any supported dump) or an iterable of Articles.
    """
    import pandas as pd

    from .tables import ALL_TABLES, columns

    articles = read(source) if isinstance(source, (str, Path)) else source
    rows: dict[str, list[dict]] = {t: [] for t in ALL_TABLES}
    for table, r in extract_rows(articles, nlp, **kwargs):
        rows[table].append(r)
    return {t: pd.DataFrame(rows[t], columns=columns(t)) for t in ALL_TABLES}

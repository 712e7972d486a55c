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
    junk = junk_ratio(article.text[:100_000])
    if not article.text.strip():
        article.status, article.error = "empty", "article text is empty"
    elif junk > JUNK_LIMIT:
        article.status = "error"
        article.error = f"text looks like binary data ({junk:.0%} control or invalid characters)"
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


def batch_rows(nlp: Language, articles: list[Article], max_chars: int = MAX_CHARS) -> list[tuple[str, dict]]:
    """(table, row) for a batch of articles: one 'articles' row each, plus its extractions."""
    out: list[tuple[str, dict]] = []
    todo: list[tuple[Article, Doc]] = []
    for art in articles:
        check(art, max_chars)
        if art.status in ("ok", "truncated"):
            todo.append((art, make_doc(nlp, art.text[:max_chars], art.published, art.id)))
        else:
            out.append(("articles", article_row(art, None)))
    for art, doc in _tag(nlp, todo):
        out.append(("articles", article_row(art, doc)))
        if doc is not None:
            out.extend(span_rows(art, doc))
    return out


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _rename_duplicate(article: Article, seen: dict[str, int]) -> None:
    """A second article with an id already used gets "<id>#2" (then #3 ...), so rows stay
    attributable; the articles row says so."""
    n = seen.get(article.id, 0) + 1
    seen[article.id] = n
    if n > 1:
        new = f"{article.id}#{n}"
        while new in seen:
            n += 1
            new = f"{article.id}#{n}"
        seen[new] = 1
        article.error = f"duplicate id {article.id!r} (used by an earlier article): renamed to {new!r}"
        article.id = new


_WORKER: dict = {}


def _work(job: tuple[list[Article], int]) -> list[tuple[str, dict]]:
    """Runs in a worker process, with the pipeline the parent loaded (inherited on fork)."""
    articles, max_chars = job
    return batch_rows(_WORKER["nlp"], articles, max_chars)


def extract_rows(articles: Iterable[Article], nlp: Language | None = None, *,
                 max_chars: int = MAX_CHARS, batch_size: int = 32, workers: int = 1,
                 stats: Stats | None = None) -> Iterator[tuple[str, dict]]:
    """Yield (table, row) for every article: one 'articles' row each, plus its extractions.

    With ``workers > 1`` batches are tagged in that many processes (output order is kept)."""
    stats = stats if stats is not None else Stats()
    nlp = nlp or shared_nlp()
    started = time.perf_counter()

    def counted(batches):
        seen: dict[str, int] = {}
        for batch in batches:
            for art in batch:
                _rename_duplicate(art, seen)
            stats.articles += len(batch)
            stats.chars += sum(min(len(a.text), max_chars) for a in batch)
            yield batch

    batches = counted(_batches(articles, batch_size))
    if workers > 1:
        import multiprocessing

        _WORKER["nlp"] = nlp  # forked workers inherit the loaded pipeline
        pool = multiprocessing.get_context("fork").Pool(workers)
        results = pool.imap(_work, ((b, max_chars) for b in batches))
    else:
        pool, results = None, (batch_rows(nlp, b, max_chars) for b in batches)
    try:
        for rows in results:
            for table, r in rows:
                if table == "articles":
                    stats.ok += r["status"] == "ok"
                    stats.problems += r["status"] != "ok"
                else:
                    stats.rows[table] += 1
                yield table, r
    finally:
        if pool is not None:
            pool.terminate()
            _WORKER.pop("nlp", None)
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

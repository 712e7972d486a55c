"""Throughput benchmark: articles/s and words/s of the whole pipeline, and of the tokenizer alone.

Usage: python bench/throughput.py [--repeat 20] [SOURCE]
SOURCE defaults to corpus/annotated.jsonl (texts only). Prints peak RSS too.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import spacy

from pipeline.extract import Stats, extract_rows
from pipeline.ingest import Article, read
from pipeline.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent


def articles(source: Path, repeat: int) -> list[Article]:
    base = [a for a in read(source) if a.status == "ok"]
    return [Article(id=f"{a.id}-{i}", text=a.text, published=a.published)
            for i in range(repeat) for a in base]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", nargs="?", default=str(ROOT / "corpus" / "annotated.jsonl"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    arts = articles(Path(args.source), args.repeat)
    words = sum(len(a.text.split()) for a in arts)

    nlp = load_nlp()
    texts = [a.text for a in arts]
    report = {"articles": len(arts), "words": words}
    for name, tok_nlp in (("tokenizer_kotacerdas", nlp), ("tokenizer_spacy_blank_id", spacy.blank("id"))):
        t = time.perf_counter()
        for _ in tok_nlp.tokenizer.pipe(texts):
            pass
        report[f"{name}_words_per_s"] = round(words / (time.perf_counter() - t))

    stats = Stats()
    for _ in extract_rows(arts, nlp, stats=stats):
        pass
    report["pipeline_articles_per_s"] = round(stats.per_second, 1)
    report["pipeline_words_per_s"] = round(words / stats.seconds)
    # one very long article: catches anything quadratic in article length
    long_text = " ".join(texts)[:500_000]
    t = time.perf_counter()
    for _ in extract_rows([Article(id="long", text=long_text)], nlp):
        pass
    report["long_article_500k_chars_s"] = round(time.perf_counter() - t, 2)
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
